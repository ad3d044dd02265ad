using Rl.Random;

namespace PpoGae.Tests;

/// <summary>Seeded random inputs for the hidden tests, all from the kit's <see cref="Rng"/>.</summary>
internal static class Draw
{
    /// <summary><paramref name="count"/> numbers uniform on [low, high).</summary>
    public static double[] Uniform(Rng rng, int count, double low, double high) =>
        Enumerable.Range(0, count).Select(_ => rng.Uniform(low, high)).ToArray();

    /// <summary><paramref name="count"/> numbers from N(mean, scale^2).</summary>
    public static double[] Gaussian(Rng rng, int count, double mean, double scale) =>
        Enumerable.Range(0, count).Select(_ => mean + scale * rng.NextGaussian()).ToArray();

    /// <summary><paramref name="count"/> flags, each set with probability <paramref name="probability"/>.</summary>
    public static bool[] Flags(Rng rng, int count, double probability) =>
        Enumerable.Range(0, count).Select(_ => rng.NextDouble() < probability).ToArray();

    /// <summary>A trajectory: H rewards on [-1, 2) and H + 1 values from N(0, 3^2).</summary>
    public static (double[] Rewards, double[] Values) Trajectory(Rng rng, int horizon) =>
        (Uniform(rng, horizon, -1, 2), Gaussian(rng, horizon + 1, 0, 3));

    /// <summary>A copy of <paramref name="values"/> with the bootstrap value V(s_H) (the last entry) set to 0.</summary>
    public static double[] WithoutBootstrap(double[] values)
    {
        var copy = (double[])values.Clone();
        copy[^1] = 0.0;
        return copy;
    }
}
