using Rl.NaturalGradient;
using Rl.Nn;
using Rl.Tabular;

namespace Rl.Tests.NaturalGradient;

/// <summary>Exact NPG on the kit's tabular MDPs: the theory (Kakade 2001; Agarwal et al. 2021) checked to rounding.</summary>
public class TabularNpgTests
{
    public static TheoryData<string> Problems() => new() { "random walk", "gridworld" };

    private static TabularMdp Mdp(string name) => name == "random walk" ? RandomWalk.Create().Mdp : Gridworld.Create().Mdp;

    private const double Gamma = 0.9;

    /// <summary>A fixed, far from uniform softmax parameter table.</summary>
    private static double[,] Theta(TabularMdp mdp)
    {
        var theta = new double[mdp.StateCount, mdp.ActionCount];
        var v = Fixtures.RandomVector(theta.Length, 41);
        for (int i = 0; i < v.Length; i++) theta[i / mdp.ActionCount, i % mdp.ActionCount] = v[i];
        return theta;
    }

    [Theory]
    [MemberData(nameof(Problems))]
    public void DiscountedStateDistribution_EqualsItsSeries(string problem)
    {
        // d(s) = (1 - gamma) sum_t gamma^t Pr(s_t = s), propagated step by step (terminal states absorb the mass).
        var mdp = Mdp(problem);
        var policy = TabularSoftmax.Policy(Theta(mdp));
        var d = DiscountedStateDistribution.Compute(mdp, policy, Gamma);
        var state = mdp.StartDistribution.ToArray();
        var series = new double[mdp.StateCount];
        double weight = 1 - Gamma;
        for (int t = 0; t < 600; t++, weight *= Gamma)
        {
            var next = new double[mdp.StateCount];
            for (int s = 0; s < mdp.StateCount; s++)
            {
                if (mdp.IsTerminal(s)) continue;
                series[s] += weight * state[s];
                for (int a = 0; a < mdp.ActionCount; a++)
                    for (int n = 0; n < mdp.StateCount; n++) next[n] += state[s] * policy.Probability(s, a) * mdp.Transition(s, a, n);
            }
            state = next;
        }
        for (int s = 0; s < mdp.StateCount; s++) Assert.Equal(series[s], d[s], 1e-12);
        Assert.True(d.Sum() <= 1 + 1e-12);
    }

    [Theory]
    [MemberData(nameof(Problems))]
    public void ExactGradient_EqualsFiniteDifferencesOfJ(string problem)
    {
        var mdp = Mdp(problem);
        var theta = Theta(mdp);
        var gradient = ExactPolicyGradient.Gradient(mdp, theta, Gamma);
        var flat = new double[theta.Length];
        Buffer.BlockCopy(theta, 0, flat, 0, flat.Length * sizeof(double));
        var numerical = GradientCheck.CentralDifferences(flat, () =>
        {
            var t = new double[mdp.StateCount, mdp.ActionCount];
            Buffer.BlockCopy(flat, 0, t, 0, flat.Length * sizeof(double));
            return ExactPolicyGradient.Objective(mdp, TabularSoftmax.Policy(t), Gamma);
        });
        var analytic = new double[theta.Length];
        Buffer.BlockCopy(gradient, 0, analytic, 0, analytic.Length * sizeof(double));
        Assert.True(GradientCheck.MaxRelativeError(analytic, numerical, floor: 1e-9) < 1e-6, $"{GradientCheck.MaxRelativeError(analytic, numerical, 1e-9)}");
    }

    [Theory]
    [MemberData(nameof(Problems))]
    public void NaturalGradient_IsTheAdvantageOverOneMinusGamma_UpToAPerStateConstant(string problem)
    {
        var mdp = Mdp(problem);
        var theta = Theta(mdp);
        var w = ExactNaturalGradient.Direction(mdp, theta, Gamma);
        var policy = TabularSoftmax.Policy(theta);
        var advantage = PolicyEvaluation.Exact(mdp, policy, Gamma).A;
        var d = DiscountedStateDistribution.Compute(mdp, policy, Gamma);
        int checkedStates = 0;
        for (int s = 0; s < mdp.StateCount; s++)
        {
            if (d[s] <= 0) continue;
            checkedStates++;
            double constant = w[s, 0] - advantage[s, 0] / (1 - Gamma);
            for (int a = 1; a < mdp.ActionCount; a++)
                Assert.Equal(constant, w[s, a] - advantage[s, a] / (1 - Gamma), 1e-9);
        }
        Assert.Equal(Enumerable.Range(0, mdp.StateCount).Count(s => !mdp.IsTerminal(s)), checkedStates);
    }

    [Theory]
    [MemberData(nameof(Problems))]
    public void NaturalGradient_StaysTheAdvantageOverOneMinusGamma_NearADeterministicPolicy(string problem)
    {
        // Logits 25 apart: pi of the other actions ~ 1e-11, so the Fisher's blocks differ in scale by many orders.
        // (A pseudo-inverse of the whole F inverted rounding noise here: w - c came out -7.4 for an A / (1 - gamma) of 0.29.)
        var mdp = Mdp(problem);
        var theta = new double[mdp.StateCount, mdp.ActionCount];
        for (int s = 0; s < mdp.StateCount; s++) theta[s, s % mdp.ActionCount] = 25.0;
        var w = ExactNaturalGradient.Direction(mdp, theta, Gamma);
        var policy = TabularSoftmax.Policy(theta);
        var advantage = PolicyEvaluation.Exact(mdp, policy, Gamma).A;
        var d = DiscountedStateDistribution.Compute(mdp, policy, Gamma);
        for (int s = 0; s < mdp.StateCount; s++)
        {
            if (d[s] <= 0) continue;
            double constant = w[s, 0] - advantage[s, 0] / (1 - Gamma);
            for (int a = 1; a < mdp.ActionCount; a++)
            {
                double expected = advantage[s, a] / (1 - Gamma);
                Assert.True(Math.Abs(w[s, a] - constant - expected) <= 1e-3 * Math.Max(1.0, Math.Abs(expected)),
                    $"state {s}, action {a}: w - c = {w[s, a] - constant}, A / (1 - gamma) = {expected}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Problems))]
    public void ExactNpgStep_IsSoftPolicyIteration_AndImprovesJEveryStep(string problem)
    {
        var mdp = Mdp(problem);
        var theta = Theta(mdp);
        var policy = TabularSoftmax.Policy(theta);
        var expected = ExactNaturalGradient.SoftPolicyIteration(mdp, policy, Gamma, eta: 0.05);
        var objective = ExactNaturalGradient.Run(mdp, theta, Gamma, eta: 0.05, steps: 1);
        var stepped = TabularSoftmax.Policy(theta);
        for (int s = 0; s < mdp.StateCount; s++)
        {
            if (mdp.IsTerminal(s)) continue;
            for (int a = 0; a < mdp.ActionCount; a++) Assert.Equal(expected.Probability(s, a), stepped.Probability(s, a), 1e-12);
        }
        Assert.True(objective[1] > objective[0]);
        var run = ExactNaturalGradient.Run(mdp, Theta(mdp), Gamma, eta: 0.1, steps: 20);
        for (int k = 1; k < run.Length; k++) Assert.True(run[k] >= run[k - 1] - 1e-12, $"J fell at step {k}: {run[k - 1]} -> {run[k]}");
    }

    [Fact]
    public void FromANearDeterministicBadStart_NpgEscapesWherePgPlateaus()
    {
        // Random walk, the policy almost surely going left (pi(right) ~ 0.0025): the vanilla gradient
        // pi(a|s) A(s,a) d(s) is tiny there (Agarwal et al.'s plateau); the natural gradient is not.
        var mdp = RandomWalk.Create().Mdp;
        double[,] Start()
        {
            var theta = new double[mdp.StateCount, mdp.ActionCount];
            for (int s = 0; s < mdp.StateCount; s++) theta[s, RandomWalk.Left] = 6.0;
            return theta;
        }
        var natural = ExactNaturalGradient.Run(mdp, Start(), Gamma, eta: 0.2, steps: 30, natural: true);
        var vanilla = ExactNaturalGradient.Run(mdp, Start(), Gamma, eta: 0.2, steps: 30, natural: false);
        Assert.True(natural[^1] > 0.9 * Optimum(mdp), $"NPG reached {natural[^1]} of {Optimum(mdp)}; PG {vanilla[^1]}; NPG curve {string.Join(", ", natural.Select(j => j.ToString("F3")))}");
        Assert.True(vanilla[^1] < 0.1 * Optimum(mdp), $"PG reached {vanilla[^1]}; NPG {natural[^1]}; optimum {Optimum(mdp)}");
    }

    /// <summary>J of the deterministic always-right policy, the best on the random walk.</summary>
    private static double Optimum(TabularMdp mdp)
    {
        var right = new double[mdp.StateCount, mdp.ActionCount];
        for (int s = 0; s < mdp.StateCount; s++) right[s, RandomWalk.Right] = 1.0;
        return ExactPolicyGradient.Objective(mdp, new TabularPolicy(right), Gamma);
    }
}
