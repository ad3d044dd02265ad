using Rl.Random;

namespace Rl.Tests.Nn;

/// <summary>Seeded random inputs and the comparisons the Nn tests share.</summary>
internal static class TestData
{
    /// <summary>n standard normal numbers from a generator seeded with <paramref name="seed"/>.</summary>
    public static double[] Gaussian(int n, ulong seed) => Gaussian(n, new Rng(seed));

    /// <summary>n standard normal numbers drawn from <paramref name="rng"/>.</summary>
    public static double[] Gaussian(int n, Rng rng)
    {
        var values = new double[n];
        for (int i = 0; i < n; i++) values[i] = rng.NextGaussian();
        return values;
    }

    /// <summary>
    /// Asserts max_i |actual_i - expected_i| &lt;= tolerance * max_i |expected_i|: relative error
    /// measured against the size of the whole result, the right yardstick for sums of products,
    /// where an entry can cancel to near zero while its terms are large.
    /// </summary>
    public static void AssertNormwiseClose(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = 0.0, worst = 0.0;
        for (int i = 0; i < expected.Length; i++)
        {
            scale = Math.Max(scale, Math.Abs(expected[i]));
            worst = Math.Max(worst, Math.Abs(actual[i] - expected[i]));
        }
        Assert.True(worst <= tolerance * scale, $"max error {worst:E3} exceeds {tolerance:E1} x max |expected| = {tolerance * scale:E3}");
    }

    /// <summary>Asserts |actual_i - expected_i| &lt;= tolerance * |expected_i| for every i (NaN must meet NaN).</summary>
    public static void AssertEntrywiseClose(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            if (double.IsNaN(expected[i])) { Assert.True(double.IsNaN(actual[i]), $"entry {i}: expected NaN, got {actual[i]}"); continue; }
            double error = Math.Abs(actual[i] - expected[i]);
            Assert.True(error <= tolerance * Math.Abs(expected[i]),
                $"entry {i}: expected {expected[i]:R}, got {actual[i]:R} (relative error {error / Math.Abs(expected[i]):E3})");
        }
    }

    /// <summary>Asserts that <paramref name="action"/> throws an ArgumentException (or subclass) naming <paramref name="parameter"/>.</summary>
    public static void AssertRejects(string parameter, Action action)
    {
        var exception = Assert.ThrowsAny<ArgumentException>(action);
        Assert.Equal(parameter, exception.ParamName);
    }
}
