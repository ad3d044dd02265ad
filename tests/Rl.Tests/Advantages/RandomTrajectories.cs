using CsCheck;

namespace Rl.Tests.Advantages;

/// <summary>Generators of random trajectories for the property tests, and a tolerance that scales.</summary>
internal static class RandomTrajectories
{
    /// <summary>0 and 1 often (the lecture's limits), any value in between otherwise.</summary>
    public static readonly Gen<double> UnitInterval =
        from pick in Gen.Int[0, 5]
        from x in Gen.Double[0.0, 1.0]
        select pick switch { 0 => 0.0, 1 => 1.0, _ => x };

    /// <summary>(rewards r_0..r_{H-1}, values V(s_0)..V(s_H), gamma, lambda) with H in [1, 60].</summary>
    public static readonly Gen<(double[] Rewards, double[] Values, double Gamma, double Lambda)> Trajectory =
        from horizon in Gen.Int[1, 60]
        from rewards in Gen.Double[-10.0, 10.0].Array[horizon]
        from values in Gen.Double[-10.0, 10.0].Array[horizon + 1]
        from gamma in UnitInterval
        from lambda in UnitInterval
        select (rewards, values, gamma, lambda);

    /// <summary>The property tests' iteration count: the issue asks for at least 1000.</summary>
    public const int Iterations = 1000;

    /// <summary>
    /// |expected - actual| within 1e-12 relative to the magnitude of the data the two sums were built
    /// from (H times the largest |r| or |V|), so cancellation near zero does not fail a correct sum.
    /// </summary>
    public static void AssertClose(double[] expected, double[] actual, double[] rewards, double[] values, string what)
    {
        double scale = rewards.Length * Math.Max(1.0, Math.Max(rewards.Max(Math.Abs), values.Max(Math.Abs)));
        for (int h = 0; h < expected.Length; h++)
            if (!(Math.Abs(expected[h] - actual[h]) <= 1e-12 * scale))
                throw new Xunit.Sdk.XunitException($"{what} at h = {h}: expected {expected[h]:R}, got {actual[h]:R} (H = {rewards.Length}).");
    }
}
