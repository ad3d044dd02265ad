using MathNet.Numerics.LinearAlgebra;
using Rl.NaturalGradient;
using Rl.Nn;
using Rl.Policies;

namespace Rl.Tests.NaturalGradient;

/// <summary>The Fisher matrix three ways (R-operator product, explicit J^T M J, score covariance) and its properties.</summary>
public class FisherTests
{
    public static TheoryData<string> Heads() => new() { Fixtures.Discrete, Fixtures.Continuous };

    [Theory]
    [MemberData(nameof(Heads))]
    public void ForwardTangent_EqualsFiniteDifferencesOfTheOutputs(string environment)
    {
        var agent = Fixtures.Agent(environment, 1);
        var (observations, _, _, _) = Fixtures.Batch(agent, 7, 2);
        var actor = agent.Actor;
        var v = Fixtures.RandomVector(actor.ParameterCount, 3);
        actor.Forward(observations, 7);
        var tangent = new double[7 * actor.OutputSize];
        actor.ForwardTangent(v, tangent);
        var theta = (double[])actor.Parameters.Clone();
        double[] At(double t)
        {
            for (int i = 0; i < theta.Length; i++) actor.Parameters[i] = theta[i] + t * v[i];
            return actor.Forward(observations, 7).ToArray();
        }
        const double h = 1e-3;
        double[] plus = At(h), minus = At(-h), plus2 = At(2 * h), minus2 = At(-2 * h);
        var numerical = plus.Select((_, i) => (8 * (plus[i] - minus[i]) - (plus2[i] - minus2[i])) / (12 * h)).ToArray();
        Assert.True(GradientCheck.MaxRelativeError(tangent, numerical) < 1e-7, $"J v off by {GradientCheck.MaxRelativeError(tangent, numerical)}");
    }

    [Theory]
    [MemberData(nameof(Heads))]
    public void FisherVectorProduct_EqualsTheExplicitMatrixTimesV(string environment)
    {
        var agent = Fixtures.Agent(environment, 4);
        const int batch = 9;
        var (observations, _, _, _) = Fixtures.Batch(agent, batch, 5);
        var fisher = ExplicitFisher.Compute(agent, observations, batch);
        foreach (double damping in new[] { 0.0, 0.1 })
        {
            var product = new FisherVectorProduct(agent, observations, batch, damping);
            Assert.Equal(fisher.RowCount, product.Dimension);
            for (ulong seed = 0; seed < 3; seed++)
            {
                var v = Fixtures.RandomVector(product.Dimension, 10 + seed);
                var fast = new double[v.Length];
                product.Apply(v, fast);
                var slow = (fisher + damping * Matrix<double>.Build.DenseIdentity(v.Length)) * Vector<double>.Build.DenseOfArray(v);
                double scale = slow.InfinityNorm();
                for (int i = 0; i < v.Length; i++) Assert.True(Math.Abs(fast[i] - slow[i]) <= 1e-10 * scale, $"entry {i}: {fast[i]} vs {slow[i]}");
            }
        }
    }

    [Fact]
    public void ExplicitFisher_EqualsTheCovarianceOfTheScore_ExactOverActions()
    {
        // F = (1/B) sum_i sum_a pi(a | s_i) s(s_i, a) s(s_i, a)^T, the expectation done exactly over the 2 actions;
        // each term is the empirical Fisher of a one-sample batch.
        var agent = Fixtures.Agent(Fixtures.Discrete, 6);
        const int batch = 5;
        var (observations, _, _, _) = Fixtures.Batch(agent, batch, 7);
        var expected = ExplicitFisher.Compute(agent, observations, batch);
        var covariance = Matrix<double>.Build.Dense(expected.RowCount, expected.ColumnCount);
        var mean = Vector<double>.Build.Dense(expected.RowCount);
        var logits = new double[2];
        var probabilities = new double[2];
        for (int i = 0; i < batch; i++)
        {
            var observation = observations.AsSpan(i * 4, 4);
            agent.Actor.ForwardRow(observation, logits);
            Categorical.Probabilities(logits, probabilities);
            for (int a = 0; a < 2; a++)
            {
                covariance += probabilities[a] / batch * ExplicitFisher.Empirical(agent, observation.ToArray(), [a], 1);
                mean += probabilities[a] / batch * Vector<double>.Build.DenseOfArray(Score.Compute(agent, observation, [a]));
            }
        }
        Assert.True(mean.InfinityNorm() < 1e-12, $"the score has mean {mean.InfinityNorm()} under the policy, not 0");
        Assert.True((covariance - expected).InfinityNorm() <= 1e-12 * expected.InfinityNorm(), $"differs by {(covariance - expected).InfinityNorm()}");
    }

    [Theory]
    [MemberData(nameof(Heads))]
    public void Fisher_IsSymmetricPositiveSemidefinite_AndRankLimitedByTheBatch(string environment)
    {
        var agent = Fixtures.Agent(environment, 8);
        const int batch = 3;
        var (observations, actions, _, _) = Fixtures.Batch(agent, batch, 9);
        foreach (var fisher in new[] { ExplicitFisher.Compute(agent, observations, batch), ExplicitFisher.Empirical(agent, observations, actions, batch) })
        {
            Assert.True((fisher - fisher.Transpose()).InfinityNorm() <= 1e-14 * fisher.InfinityNorm());
            var eigenvalues = fisher.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric).EigenValues.Select(e => e.Real).ToArray();
            double largest = eigenvalues.Max();
            Assert.True(largest > 0);
            Assert.True(eigenvalues.Min() >= -1e-12 * largest, $"eigenvalue {eigenvalues.Min()} < 0");
            // rank <= B (categorical over 2 actions: diag(p) - pp^T has rank 1; the empirical Fisher: B outer products) or B d + d (Gaussian, d = 1)
            int rankBound = environment == Fixtures.Discrete ? batch : batch + 1;
            Assert.True(eigenvalues.Count(e => e > 1e-10 * largest) <= rankBound);
        }
    }

    [Theory]
    [MemberData(nameof(Heads))]
    public void Fisher_IsTheHessianOfTheMeanKl(string environment)
    {
        // v^T F v = d^2/dt^2 KLbar(theta, theta + t v) at t = 0: the KL the line search measures and the F the step uses agree.
        var agent = Fixtures.Agent(environment, 11);
        const int batch = 6;
        var (observations, _, _, _) = Fixtures.Batch(agent, batch, 12);
        var product = new FisherVectorProduct(agent, observations, batch, 0.0);
        var v = Fixtures.RandomVector(product.Dimension, 13);
        var fv = new double[v.Length];
        product.Apply(v, fv);
        double quadratic = v.Select((x, i) => x * fv[i]).Sum();
        var kl = Fixtures.KlAlong(agent, observations, batch, v);
        Assert.Equal(0.0, kl(0.0), 15);
        const double h = 1e-3;
        double second = (-kl(2 * h) + 16 * kl(h) - 30 * kl(0) + 16 * kl(-h) - kl(-2 * h)) / (12 * h * h);
        Assert.True(Math.Abs(second - quadratic) <= 1e-6 * quadratic, $"KL curvature {second} vs v^T F v {quadratic}");
    }

    [Fact]
    public void BadInput_IsRejectedByName()
    {
        var actor = new Mlp([3, 4, 2]);
        Assert.Throws<InvalidOperationException>(() => actor.ForwardTangent(new double[actor.ParameterCount], new double[2]));
        actor.Forward(new double[3], 1);
        Assert.Equal("direction", Assert.Throws<ArgumentException>(() => actor.ForwardTangent(new double[5], new double[2])).ParamName);
        Assert.Equal("outputTangent", Assert.Throws<ArgumentException>(() => actor.ForwardTangent(new double[actor.ParameterCount], new double[3])).ParamName);
        var agent = Fixtures.Agent(Fixtures.Discrete, 1);
        Assert.Equal("damping", Assert.Throws<ArgumentOutOfRangeException>(() => new FisherVectorProduct(agent, new double[4], 1, -0.1)).ParamName);
        var product = new FisherVectorProduct(agent, new double[4], 1, 0.1);
        Assert.Equal("v", Assert.Throws<ArgumentException>(() => product.Apply(new double[3], new double[product.Dimension])).ParamName);
    }
}
