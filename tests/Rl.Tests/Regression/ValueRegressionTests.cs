using MathNet.Numerics.LinearAlgebra;
using Rl.Environments;
using Rl.Random;
using Rl.Regression;
using Rl.Tabular;

namespace Rl.Tests.Regression;

public class ValueRegressionTests
{
    /// <summary>A dataset of <paramref name="count"/> pairs with d-dimensional Gaussian states.</summary>
    private static (ValueDataset<double[]> Data, FunctionFeatures<double[]> Features, Matrix<double> X, Vector<double> Y) Gaussian(
        ulong seed, int count, int d, Func<double[], double> target)
    {
        var rng = new Rng(seed);
        var states = Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, d).Select(_ => rng.NextGaussian()).ToArray()).ToArray();
        var y = states.Select(target).ToArray();
        return (new ValueDataset<double[]>(states, y), new FunctionFeatures<double[]>(d, s => s),
            Matrix<double>.Build.DenseOfRowArrays(states), Vector<double>.Build.DenseOfArray(y));
    }

    [Fact]
    public void OneHotFit_EqualsPerStateMeanOfTargets_AndZeroForUnvisitedStates()
    {
        var rng = new Rng(1);
        var states = Enumerable.Range(0, 500).Select(_ => rng.NextInt(6)).ToArray(); // states 0..5 of 8
        var targets = states.Select(s => 10 * s + 3 * rng.NextGaussian()).ToArray();
        var vhat = ValueRegression.LeastSquares(new ValueDataset<int>(states, targets), new OneHotFeatures(8));
        for (int s = 0; s < 6; s++)
        {
            double mean = targets.Where((_, i) => states[i] == s).Average();
            Assert.Equal(mean, vhat.Predict(s), 1e-12);
        }
        Assert.Equal(0.0, vhat.Predict(6), 1e-12);
        Assert.Equal(0.0, vhat.Predict(7), 1e-12);
    }

    [Fact]
    public void NoiselessLinearTargets_RecoverTheWeights()
    {
        double[] w = [1.5, -2.0, 0.25, 3.0, -0.75];
        var (data, features, _, _) = Gaussian(2, 200, w.Length, s => s.Zip(w, (x, wi) => x * wi).Sum());
        var fit = ValueRegression.LeastSquares(data, features);
        for (int j = 0; j < w.Length; j++) Assert.Equal(w[j], fit.Weights[j], 1e-10);
    }

    [Fact]
    public void FewerPairsThanFeatures_GiveTheMinimumNormInterpolant()
    {
        // n < d: infinitely many w fit exactly; the minimum-norm one is X^T (X X^T)^-1 y.
        var (data, features, x, y) = Gaussian(3, 4, 9, s => s[0] - 2 * s[8]);
        var fit = Vector<double>.Build.DenseOfEnumerable(ValueRegression.LeastSquares(data, features).Weights);
        var minimumNorm = x.TransposeThisAndMultiply((x * x.Transpose()).Solve(y));
        Assert.True((fit - minimumNorm).InfinityNorm() < 1e-10, $"{fit} vs {minimumNorm}");
        Assert.True((x * fit - y).InfinityNorm() < 1e-10);
    }

    [Fact]
    public void Ridge_ShrinksTheOneDimensionalFitAsInTheClosedForm()
    {
        // d = 1: w(ridge) = sum x y / (sum x^2 + ridge), which falls monotonically towards 0.
        var (data, features, x, y) = Gaussian(4, 50, 1, s => 2 * s[0] + 0.1);
        double sxy = x.Column(0) * y, sxx = x.Column(0) * x.Column(0);
        double previous = double.PositiveInfinity;
        foreach (double ridge in new[] { 0.0, 1.0, 10.0, 100.0, 1e4, 1e8 })
        {
            double w = ValueRegression.LeastSquares(data, features, ridge).Weights[0];
            Assert.Equal(sxy / (sxx + ridge), w, 1e-12);
            Assert.True(Math.Abs(w) < previous);
            previous = Math.Abs(w);
        }
        Assert.True(previous < 1e-5);
    }

    [Fact]
    public void Residual_SatisfiesTheNormalEquations_ForRandomDataAndRidge()
    {
        // Any minimiser of ||X w - y||^2 + ridge ||w||^2 has X^T (y - X w) = ridge w.
        for (ulong seed = 0; seed < 50; seed++)
        {
            var rng = new Rng(1000 + seed);
            int d = 1 + rng.NextInt(6), n = d + rng.NextInt(40);
            double ridge = rng.NextInt(2) == 0 ? 0.0 : Math.Exp(rng.Uniform(-5, 5));
            var (data, features, x, y) = Gaussian(seed, n, d, s => s.Sum() + rng.NextGaussian());
            var w = Vector<double>.Build.DenseOfEnumerable(ValueRegression.LeastSquares(data, features, ridge).Weights);
            var gap = x.TransposeThisAndMultiply(y - x * w) - ridge * w;
            Assert.True(gap.InfinityNorm() < 1e-9 * (1 + y.L2Norm()), $"seed {seed}: {gap.InfinityNorm()}");
        }
    }

    [Fact]
    public void RegressionOnMonteCarloReturns_ApproachesExactValues_OnTheRandomWalk()
    {
        // E[y | s] = V^pi(s): the one-hot fit is the every-visit mean return of each state. Returns from
        // visits in the same episode are correlated, so the standard error is the cluster-robust one:
        // SE(s) = sqrt(sum_episodes (sum_{visits to s} (y - Vhat(s)))^2) / (visits to s).
        const double gamma = 0.9;
        var p = RandomWalk.Create();
        var env = new TabularEnvironment(p.Mdp, seed: 5);
        var policyRng = new Rng(6);
        var trajectories = Enumerable.Range(0, 4000)
            .Select(_ => Rollout.Run(env, env.Reset(), p.Policy, policyRng, maxSteps: 10_000)).ToList();
        var data = ValueDataset.FromTrajectories(trajectories, gamma);
        var vhat = ValueRegression.LeastSquares(data, new OneHotFeatures(p.Mdp.StateCount));
        var v = PolicyEvaluation.Exact(p.Mdp, p.Policy, gamma).V;

        for (int s = 1; s <= 5; s++)
        {
            double clusterSum = 0;
            int visits = 0;
            foreach (var tau in trajectories)
            {
                var y = Rl.Advantages.MonteCarloReturns.Compute(tau.Rewards, 0.0, gamma);
                double deviation = 0;
                for (int h = 0; h < tau.Length; h++)
                    if (tau.Observations[h] == s) { deviation += y[h] - vhat.Predict(s); visits++; }
                clusterSum += deviation * deviation;
            }
            double standardError = Math.Sqrt(clusterSum) / visits;
            Assert.True(standardError < 0.02, $"state {s}: SE {standardError} too large for the test to mean anything");
            Assert.True(Math.Abs(vhat.Predict(s) - v[s]) < 4 * standardError,
                $"state {s}: Vhat {vhat.Predict(s)}, V^pi {v[s]}, SE {standardError}");
        }
    }

    [Fact]
    public void BadArguments_AreRejectedNamingTheParameter()
    {
        var features = new OneHotFeatures(3);
        var data = new ValueDataset<int>([0, 1], [1.0, 2.0]);
        var empty = new ValueDataset<int>([], []);
        Assert.Equal("dataset", Assert.ThrowsAny<ArgumentException>(() => ValueRegression.LeastSquares(empty, features)).ParamName);
        Assert.Equal("ridge", Assert.ThrowsAny<ArgumentException>(() => ValueRegression.LeastSquares(data, features, -1.0)).ParamName);
        Assert.Equal("ridge", Assert.ThrowsAny<ArgumentException>(() => ValueRegression.LeastSquares(data, features, double.NaN)).ParamName);
        Assert.Equal("ridge", Assert.ThrowsAny<ArgumentException>(() => ValueRegression.LeastSquares(data, features, double.PositiveInfinity)).ParamName);
        Assert.Equal("dataset", Assert.ThrowsAny<ArgumentException>(() => ValueRegression.LeastSquares<int>(null!, features)).ParamName);
        Assert.Equal("features", Assert.ThrowsAny<ArgumentException>(() => ValueRegression.LeastSquares(data, null!)).ParamName);
    }

    [Fact]
    public void FeaturesOfTheWrongDimensionOrNotFinite_AreRejectedNamingFeatures()
    {
        var data = new ValueDataset<int>([0, 1], [1.0, 2.0]);
        var tooLong = new FunctionFeatures<int>(2, s => [1.0, s, s * s]);
        var notFinite = new FunctionFeatures<int>(2, s => [1.0, s / 0.0]);
        Assert.Equal("features", Assert.ThrowsAny<ArgumentException>(() => ValueRegression.LeastSquares(data, tooLong)).ParamName);
        Assert.Equal("features", Assert.ThrowsAny<ArgumentException>(() => ValueRegression.LeastSquares(data, notFinite)).ParamName);
        // A state beyond the one-hot range: the feature map names the state.
        Assert.Equal("state", Assert.ThrowsAny<ArgumentException>(() => ValueRegression.LeastSquares(data, new OneHotFeatures(1))).ParamName);
    }
}
