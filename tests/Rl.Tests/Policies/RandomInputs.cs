using Rl.Random;

namespace Rl.Tests.Policies;

/// <summary>Seeded random policy inputs, so every run checks the same cases.</summary>
internal static class RandomInputs
{
    /// <summary>How many random cases each property test checks.</summary>
    public const int Cases = 500;

    /// <summary>n in [1, 8] logits uniform in [-6, 6] (probabilities from about 1e-5 to 1).</summary>
    public static double[] Logits(Rng rng) => Uniform(rng, 1 + rng.NextInt(8), -6.0, 6.0);

    /// <summary>A Gaussian head with d in [1, 6]: mean in [-3, 3], log sigma in [-1.5, 1], and an action near the mean.</summary>
    public static (double[] Mean, double[] LogStd, double[] Action) Gaussian(Rng rng)
    {
        int d = 1 + rng.NextInt(6);
        double[] mean = Uniform(rng, d, -3.0, 3.0);
        double[] logStd = Uniform(rng, d, -1.5, 1.0);
        double[] action = mean.Select((mu, i) => mu + Math.Exp(logStd[i]) * rng.Uniform(-3.0, 3.0)).ToArray();
        return (mean, logStd, action);
    }

    public static double[] Uniform(Rng rng, int length, double low, double high)
    {
        var values = new double[length];
        for (int i = 0; i < length; i++) values[i] = rng.Uniform(low, high);
        return values;
    }

    /// <summary>|expected - actual| &lt;= tolerance max(1, |expected|), with the case in the message.</summary>
    public static void AssertClose(double expected, double actual, double tolerance, string what)
    {
        if (!(Math.Abs(expected - actual) <= tolerance * Math.Max(1.0, Math.Abs(expected))))
            throw new Xunit.Sdk.XunitException($"{what}: expected {expected:R}, got {actual:R}.");
    }

    public static string Show(ReadOnlySpan<double> values) => "[" + string.Join(", ", values.ToArray().Select(v => v.ToString("R"))) + "]";
}
