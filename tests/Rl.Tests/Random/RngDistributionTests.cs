using MathNet.Numerics.Distributions;
using Rl.Random;

namespace Rl.Tests.Random;

/// <summary>
/// Each sampler has the distribution it claims. Seeds are fixed, so each test passes or fails
/// forever; the bounds are set so that a fresh seed would fail with probability about 1e-4 or less
/// (4 standard errors, or a chi-square quantile at 1 - 1e-6).
/// </summary>
public class RngDistributionTests
{
    private const int N = 200_000;

    /// <summary>The chi-square statistic of observed counts against expected probabilities.</summary>
    private static double ChiSquare(long[] counts, double[] probabilities)
    {
        double total = counts.Sum(), statistic = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            double expected = total * probabilities[i];
            statistic += (counts[i] - expected) * (counts[i] - expected) / expected;
        }
        return statistic;
    }

    private static double ChiSquareBound(int degreesOfFreedom) => ChiSquared.InvCDF(degreesOfFreedom, 1 - 1e-6);

    [Fact]
    public void NextDouble_IsInUnitInterval_WithMeanHalfAndVarianceOneTwelfth()
    {
        var rng = new Rng(1);
        var x = Enumerable.Range(0, N).Select(_ => rng.NextDouble()).ToArray();
        Assert.All(x, v => Assert.True(v >= 0.0 && v < 1.0));
        double mean = x.Average();
        double variance = x.Sum(v => (v - mean) * (v - mean)) / (N - 1);
        Assert.InRange(mean, 0.5 - 4 * Math.Sqrt(1.0 / 12 / N), 0.5 + 4 * Math.Sqrt(1.0 / 12 / N));
        // Var of the sample variance of U(0, 1) is (mu_4 - sigma^4) / N = (1/80 - 1/144) / N = 1 / (180 N).
        double varianceError = 4 * Math.Sqrt(1.0 / 180 / N);
        Assert.InRange(variance, 1.0 / 12 - varianceError, 1.0 / 12 + varianceError);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(10)]
    [InlineData(37)]
    public void NextInt_IsUniform_ByChiSquare(int n)
    {
        var rng = new Rng(2);
        var counts = new long[n];
        for (int i = 0; i < N; i++) counts[rng.NextInt(n)]++; // out of range would throw here
        if (n == 1)
        {
            Assert.Equal(N, counts[0]);
            return;
        }
        Assert.True(ChiSquare(counts, Enumerable.Repeat(1.0 / n, n).ToArray()) < ChiSquareBound(n - 1));
    }

    [Fact]
    public void NextInt_NearIntMaxValue_IsUniformOverThirds()
    {
        const int n = 3 << 29; // 1.6e9: a third is exactly 2^29 values
        var rng = new Rng(3);
        var counts = new long[3];
        for (int i = 0; i < N; i++)
        {
            int k = rng.NextInt(n);
            Assert.InRange(k, 0, n - 1);
            counts[k >> 29]++;
        }
        Assert.True(ChiSquare(counts, [1.0 / 3, 1.0 / 3, 1.0 / 3]) < ChiSquareBound(2));
    }

    [Fact]
    public void NextGaussian_HasMeanZeroVarianceOne_AndNormalShape()
    {
        var rng = new Rng(4);
        var z = Enumerable.Range(0, N).Select(_ => rng.NextGaussian()).ToArray();
        double mean = z.Average();
        double variance = z.Sum(v => (v - mean) * (v - mean)) / (N - 1);
        Assert.InRange(mean, -4 / Math.Sqrt(N), 4 / Math.Sqrt(N));
        Assert.InRange(variance, 1 - 4 * Math.Sqrt(2.0 / N), 1 + 4 * Math.Sqrt(2.0 / N)); // Var(s^2) = 2 / N

        // Shape: counts between these edges against the standard normal CDF.
        double[] edges = [double.NegativeInfinity, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, double.PositiveInfinity];
        var probabilities = new double[edges.Length - 1];
        for (int b = 0; b < probabilities.Length; b++) probabilities[b] = Normal.CDF(0, 1, edges[b + 1]) - Normal.CDF(0, 1, edges[b]);
        var counts = new long[probabilities.Length];
        foreach (double v in z) counts[Array.FindLastIndex(edges, e => e <= v)]++;
        Assert.True(ChiSquare(counts, probabilities) < ChiSquareBound(probabilities.Length - 1));
    }

    [Fact]
    public void Categorical_DrawsEachIndexWithItsProbability_AndNeverAZero()
    {
        double[] p = [0.1, 0.0, 0.2, 0.3, 0.4];
        var rng = new Rng(5);
        var counts = new long[p.Length];
        for (int i = 0; i < N; i++) counts[rng.Categorical(p)]++;
        Assert.Equal(0, counts[1]);
        long[] positive = [counts[0], counts[2], counts[3], counts[4]];
        Assert.True(ChiSquare(positive, [0.1, 0.2, 0.3, 0.4]) < ChiSquareBound(3));
    }

    [Fact]
    public void NextIntRange_StaysInBounds_EvenAcrossTheWholeIntRange()
    {
        var rng = new Rng(6);
        for (int i = 0; i < 10_000; i++)
        {
            Assert.InRange(rng.Next(-5, 5), -5, 4);
            Assert.InRange(rng.Next(int.MinValue, int.MaxValue), int.MinValue, int.MaxValue - 1);
            Assert.InRange(rng.Next(), 0, int.MaxValue - 1);
        }
    }

    [Fact]
    public void BadArguments_AreRejected_NamingTheParameter()
    {
        var rng = new Rng(7);
        Assert.Equal("n", Assert.ThrowsAny<ArgumentException>(() => rng.NextInt(0)).ParamName);
        Assert.Equal("probabilities", Assert.ThrowsAny<ArgumentException>(() => rng.Categorical([])).ParamName);
        Assert.Equal("probabilities", Assert.ThrowsAny<ArgumentException>(() => rng.Categorical([0.0, 0.0])).ParamName);
        Assert.Equal("high", Assert.ThrowsAny<ArgumentException>(() => rng.Uniform(1, 0)).ParamName);
    }
}
