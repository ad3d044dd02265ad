using MathNet.Numerics.LinearAlgebra;
using Rl.NaturalGradient;
using Rl.Random;

namespace Rl.Tests.NaturalGradient;

public class ConjugateGradientTests
{
    /// <summary>A = Q^T Q + shift I, a random SPD matrix.</summary>
    private static Matrix<double> RandomSpd(int n, ulong seed, double shift)
    {
        var rng = new Rng(seed);
        var q = Matrix<double>.Build.Dense(n, n, (_, _) => rng.NextGaussian());
        return q.TransposeThisAndMultiply(q) + shift * Matrix<double>.Build.DenseIdentity(n);
    }

    private static LinearOperator Operator(Matrix<double> a) => (x, result) =>
    {
        var product = a * Vector<double>.Build.DenseOfArray(x.ToArray());
        product.AsArray().CopyTo(result);
    };

    [Theory]
    [InlineData(10, 1UL)]
    [InlineData(30, 2UL)]
    [InlineData(60, 3UL)]
    public void RandomSpdSystems_MatchMathNetsSolve(int n, ulong seed)
    {
        var a = RandomSpd(n, seed, 1.0);
        var b = Vector<double>.Build.DenseOfArray(Fixtures.RandomVector(n, seed + 100));
        var expected = a.Cholesky().Solve(b);
        var result = ConjugateGradient.Solve(Operator(a), b.AsArray(), iterations: 10 * n, tolerance: 1e-13);
        var error = (Vector<double>.Build.DenseOfArray(result.Solution) - expected).InfinityNorm() / expected.InfinityNorm();
        Assert.True(error < 1e-9, $"relative error {error}");
        Assert.True(result.RelativeResidual <= 1e-13);
        Assert.True(result.Iterations <= 10 * n);
        // The recursive residual is the true one.
        var trueResidual = (b - a * Vector<double>.Build.DenseOfArray(result.Solution)).L2Norm();
        Assert.True(Math.Abs(trueResidual - result.ResidualNorms[^1]) <= 1e-10 * b.L2Norm());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    public void SmallSystems_AreSolvedInExactlyNSteps(int n)
    {
        var a = RandomSpd(n, (ulong)n, 2.0);
        var b = Vector<double>.Build.DenseOfArray(Fixtures.RandomVector(n, 50 + (ulong)n));
        var expected = a.Cholesky().Solve(b);
        var afterN = ConjugateGradient.Solve(Operator(a), b.AsArray(), iterations: n, tolerance: 0);
        Assert.Equal(n, afterN.Iterations);
        var error = (Vector<double>.Build.DenseOfArray(afterN.Solution) - expected).InfinityNorm();
        Assert.True(error < 1e-9 * expected.InfinityNorm(), $"error {error} after n = {n} steps");
        if (n > 2)
        {
            // and not before: n - 2 steps leave a clear residual on a matrix with distinct eigenvalues
            var early = ConjugateGradient.Solve(Operator(a), b.AsArray(), iterations: n - 2, tolerance: 0);
            Assert.True(early.RelativeResidual > 1e-6, $"residual {early.RelativeResidual} after n - 2 steps");
        }
    }

    [Fact]
    public void ResidualHistory_StartsAtNormOfB_AndTheToleranceStopsEarly()
    {
        var a = RandomSpd(40, 9, 5.0);
        var b = Fixtures.RandomVector(40, 10);
        var result = ConjugateGradient.Solve(Operator(a), b, iterations: 400, tolerance: 1e-6);
        Assert.Equal(Math.Sqrt(b.Sum(x => x * x)), result.ResidualNorms[0], 12);
        Assert.True(result.RelativeResidual <= 1e-6);
        Assert.True(result.ResidualNorms[^2] / result.ResidualNorms[0] > 1e-6, "it ran one step past the tolerance");
        Assert.True(result.Iterations < 40);
    }

    [Fact]
    public void ZeroRightHandSide_GivesZero()
    {
        var result = ConjugateGradient.Solve(Operator(RandomSpd(4, 1, 1.0)), new double[4], 10);
        Assert.Equal(new double[4], result.Solution);
        Assert.Equal(0, result.Iterations);
    }

    [Fact]
    public void BadInput_IsRejectedByName()
    {
        var spd = Operator(RandomSpd(3, 1, 1.0));
        Assert.Equal("iterations", Assert.Throws<ArgumentOutOfRangeException>(() => ConjugateGradient.Solve(spd, [1.0, 2.0, 3.0], 0)).ParamName);
        Assert.Equal("tolerance", Assert.Throws<ArgumentOutOfRangeException>(() => ConjugateGradient.Solve(spd, [1.0, 2.0, 3.0], 3, -1)).ParamName);
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => ConjugateGradient.Solve(spd, [1.0, double.NaN, 3.0], 3)).ParamName);
        LinearOperator negative = (x, r) => { for (int i = 0; i < x.Length; i++) r[i] = -x[i]; };
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => ConjugateGradient.Solve(negative, [1.0, 2.0, 3.0], 3)).ParamName);
    }
}
