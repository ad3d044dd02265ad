using Rl.NaturalGradient;

namespace Rl.Tests.NaturalGradient;

/// <summary>The step size, the line search and one whole NPG/TRPO actor update.</summary>
public class NaturalStepTests
{
    [Fact]
    public void StepSize_PutsTheQuadraticModelOfTheKlOnTheTrustRegionsEdge()
    {
        foreach (var (delta, curvature) in new[] { (0.01, 3.0), (0.05, 1e-4), (1e-3, 250.0) })
        {
            double eta = NaturalStep.Size(delta, curvature);
            Assert.Equal(delta, 0.5 * eta * eta * curvature, 1e-15);
        }
        Assert.Equal(Math.Sqrt(2 * 0.01 / 4.0), NaturalStep.Size(0.01, 4.0), 1e-16);
        Assert.Equal("delta", Assert.Throws<ArgumentOutOfRangeException>(() => NaturalStep.Size(0, 1)).ParamName);
        Assert.Equal("curvature", Assert.Throws<ArgumentOutOfRangeException>(() => NaturalStep.Size(0.01, 0)).ParamName);
    }

    [Fact]
    public void Direction_IsEtaTimesTheDampedNaturalGradient_OnTheTrustRegionsEdge()
    {
        // F = diag(1, 3), c = 1, g = (2, 4): x = (F + cI)^-1 g = (1, 1), x^T (F + cI) x = 6, eta = sqrt(2 0.03 / 6) = 0.1.
        LinearOperator fisher = (v, r) => { r[0] = v[0]; r[1] = 3 * v[1]; };
        var direction = NaturalPolicyUpdate.Direction(fisher, [2.0, 4.0], 0.03, 1.0, 2, 0);
        Assert.Equal(0.1, direction.StepSize, 1e-15);
        Assert.Equal([0.1, 0.1], direction.Step.Select(d => Math.Round(d, 14)));
        Assert.Equal(2, direction.ConjugateGradientIterations);
        Assert.True(direction.ConjugateGradientResidual < 1e-14);
        // g = 0: no direction, no division by zero.
        var none = NaturalPolicyUpdate.Direction(fisher, [0.0, 0.0], 0.03, 1.0, 2, 0);
        Assert.Equal(0.0, none.StepSize);
        Assert.Equal([0.0, 0.0], none.Step);
        Assert.Equal("damping", Assert.Throws<ArgumentOutOfRangeException>(() => NaturalPolicyUpdate.Direction(fisher, [1.0, 1.0], 0.03, -1, 2, 0)).ParamName);
        Assert.Equal("maxKl", Assert.Throws<ArgumentOutOfRangeException>(() => NaturalPolicyUpdate.Direction(fisher, [1.0, 1.0], 0, 1, 2, 0)).ParamName);
    }

    [Fact]
    public void LineSearch_AcceptsTheFirstStepInsideTheRegionThatImproves()
    {
        // One parameter: gain(theta) = theta - theta^2 (improves for 0 < theta < 1), KL(theta) = theta^2 / 2.
        (double, double) Evaluate(double[] theta) => (theta[0] - theta[0] * theta[0], theta[0] * theta[0] / 2);
        // delta = 0.02 allows |theta| <= 0.2; the full step 1.0 needs 0.8^j <= 0.2, j = 8 (0.8^7 = 0.2097).
        var result = LineSearch.Run([0.0], [1.0], Evaluate, 0.02);
        Assert.True(result.Accepted);
        Assert.Equal(8, result.Backtracks);
        Assert.Equal(Math.Pow(0.8, 8), result.Fraction, 1e-15);
        Assert.Equal(Math.Pow(0.8, 16) / 2, result.Kl, 1e-15);
        // A step that only lowers the surrogate is rejected after 10 tries, and theta_old is restored.
        double last = double.NaN;
        (double, double) Worse(double[] theta) { last = theta[0]; return (-theta[0], 0.0); }
        var rejected = LineSearch.Run([0.5], [1.0], Worse, 0.02);
        Assert.False(rejected.Accepted);
        Assert.Equal(10, rejected.Backtracks);
        Assert.Equal(0.5, last);
    }

    public static TheoryData<string, bool> HeadsAndSearch() => new()
    {
        { Fixtures.Discrete, false }, { Fixtures.Discrete, true }, { Fixtures.Continuous, false }, { Fixtures.Continuous, true },
    };

    [Theory]
    [MemberData(nameof(HeadsAndSearch))]
    public void OneUpdate_ImprovesTheSurrogate_WithAKlNearDelta(string environment, bool lineSearch)
    {
        var agent = Fixtures.Agent(environment, 31);
        const int batch = 64;
        var (observations, actions, oldLogp, advantages) = Fixtures.Batch(agent, batch, 32);
        var config = new NpgConfig { MaxKl = 1e-7, Damping = 1e-3, ConjugateGradientIterations = 50, LineSearch = lineSearch };
        var before = PolicyParameters.Get(agent);
        var damped = new FisherVectorProduct(agent, observations, batch, config.Damping);
        var undamped = new FisherVectorProduct(agent, observations, batch, 0.0);
        var report = NaturalPolicyUpdate.Step(agent, observations, actions, oldLogp, advantages, config);
        Assert.True(report.Accepted);
        Assert.True(report.SurrogateGain > 0, $"surrogate gain {report.SurrogateGain}");
        var step = PolicyParameters.Get(agent).Select((x, i) => x - before[i]).ToArray();
        double Quadratic(FisherVectorProduct f)
        {
            var fd = new double[step.Length];
            f.Apply(step, fd);
            return 0.5 * step.Select((d, i) => d * fd[i]).Sum();
        }
        // The step sits on the edge of the damped quadratic trust region, (1/2) d^T (F + cI) d = delta (TRPO: times 0.8^2j) ...
        double fraction = Math.Pow(config.BacktrackRatio, report.Backtracks);
        Assert.Equal(config.MaxKl * fraction * fraction, Quadratic(damped), 1e-12);
        // ... and the measured KL is its undamped quadratic model, (1/2) d^T F d, within 5% for this small delta.
        Assert.True(Math.Abs(report.Kl / Quadratic(undamped) - 1) < 0.05, $"KL {report.Kl} vs quadratic model {Quadratic(undamped)}");
        if (lineSearch) Assert.True(report.Kl <= config.MaxKl);
        else Assert.Equal(0, report.Backtracks);
        Assert.True(report.ConjugateGradientResidual < 1e-3);
    }

    [Fact]
    public void NaturalStep_BeatsThePlainGradientStepOfTheSameKl()
    {
        // Among steps whose quadratic KL is delta, the natural direction maximises the linear gain g^T d,
        // so it beats the vanilla direction g scaled to the same KL.
        var agent = Fixtures.Agent(Fixtures.Discrete, 33);
        const int batch = 32;
        var (observations, _, _, _) = Fixtures.Batch(agent, batch, 34);
        var g = Fixtures.RandomVector(PolicyParameters.Count(agent), 35);
        var fisher = new FisherVectorProduct(agent, observations, batch, 1e-2);
        var x = ConjugateGradient.Solve(fisher.Apply, g, 500, 1e-12).Solution;
        double Gain(double[] direction)
        {
            var fd = new double[direction.Length];
            fisher.Apply(direction, fd);
            double eta = NaturalStep.Size(0.01, direction.Select((d, i) => d * fd[i]).Sum());
            return eta * direction.Select((d, i) => d * g[i]).Sum();
        }
        Assert.True(Gain(x) > Gain(g), $"natural {Gain(x)} vs vanilla {Gain(g)}");
        Assert.Equal(Math.Sqrt(2 * 0.01 * x.Select((d, i) => d * g[i]).Sum()), Gain(x), 1e-8);
    }
}
