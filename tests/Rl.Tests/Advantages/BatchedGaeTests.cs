using CsCheck;
using Rl.Advantages;

namespace Rl.Tests.Advantages;

/// <summary>The [steps x envs] estimator the trainer uses: episode ends, truncation, and equivalence.</summary>
public class BatchedGaeTests
{
    private const double Gamma = 0.9, Lambda = 0.5;

    [Fact]
    public void EpisodeEndingMidBatch_StopsTheRecursionThere()
    {
        // One env, four steps, terminated at t = 1: steps 0-1 are one episode, 2-3 the next.
        double[] r = [1, 1, 1, 1], v = [0.5, 0.5, 0.5, 0.5];
        bool[] terminated = [false, true, false, false], truncated = new bool[4];
        double[] a = BatchedGae.Compute(r, v, terminated, truncated, new double[4], lastValues: [2.0], Gamma, Lambda);
        // A_3 = 1 + 0.9*2 - 0.5 = 2.3 (the rollout ends mid-episode: bootstrap from V(s_S) = 2)
        // A_2 = (1 + 0.9*0.5 - 0.5) + 0.45*2.3 = 0.95 + 1.035 = 1.985
        // A_1 = 1 + 0 - 0.5 = 0.5 (terminated: no bootstrap, no carry)
        // A_0 = 0.95 + 0.45*0.5 = 1.175
        AssertClose([1.175, 0.5, 1.985, 2.3], a);
    }

    [Fact]
    public void Truncation_BootstrapsFromTheFinalObservationsValue()
    {
        double[] r = [1, 1, 1], v = [0.5, 0.5, 0.5], finalValues = [0, 4.0, 0];
        bool[] terminated = new bool[3], truncated = [false, true, false];
        double[] a = BatchedGae.Compute(r, v, terminated, truncated, finalValues, lastValues: [0.0], Gamma, Lambda);
        // A_2 = 1 + 0 - 0.5 = 0.5; A_1 = 1 + 0.9*4 - 0.5 = 4.1 (no carry); A_0 = 0.95 + 0.45*4.1 = 2.795
        AssertClose([2.795, 4.1, 0.5], a);
    }

    [Fact]
    public void Termination_WinsOverTruncation_AndUnreadEntriesMayBeAnything()
    {
        double[] r = [1, 1], v = [0.5, 0.5], finalValues = [100.0, double.NaN];
        bool[] both = [true, false], truncated = [true, false];
        double[] a = BatchedGae.Compute(r, v, both, truncated, finalValues, lastValues: [0.0], Gamma, Lambda);
        Assert.Equal(0.5, a[0]); // 1 + 0 - 0.5: the 100 is not read
        Assert.Equal(0.5, a[1]);
    }

    [Fact]
    public void Columns_AreIndependentEnvironments()
    {
        // Two envs laid out [t * 2 + e]: env 0 terminates at t = 0, env 1 never does.
        double[] r = [1, 2, 1, 2], v = [0, 0, 0, 0];
        bool[] terminated = [true, false, false, false], truncated = new bool[4];
        double[] a = BatchedGae.Compute(r, v, terminated, truncated, new double[4], lastValues: [0.0, 10.0], Gamma, Lambda);
        // env 0: A_1 = 1, A_0 = 1. env 1: A_1 = 2 + 9 = 11, A_0 = 2 + 0.45*11 = 6.95
        AssertClose([1, 6.95, 1, 11], a);
    }

    [Fact]
    public void OneEnvWithoutFlags_IsBitForBitTheSingleTrajectoryRecursion() =>
        RandomTrajectories.Trajectory.Sample(t =>
        {
            int horizon = t.Rewards.Length;
            double[] batched = BatchedGae.Compute(t.Rewards, t.Values.AsSpan(0, horizon), new bool[horizon], new bool[horizon],
                new double[horizon], t.Values.AsSpan(horizon), t.Gamma, t.Lambda);
            Assert.Equal(Gae.Compute(t.Rewards, t.Values, t.Gamma, t.Lambda), batched);
        }, iter: RandomTrajectories.Iterations);

    /// <summary>A random rollout [S x N] with episode ends of both kinds.</summary>
    private static readonly Gen<Batch> Batches =
        from steps in Gen.Int[1, 40]
        from envs in Gen.Int[1, 8]
        from r in Gen.Double[-5.0, 5.0].Array[steps * envs]
        from v in Gen.Double[-5.0, 5.0].Array[steps * envs]
        from ends in Gen.Int[0, 9].Array[steps * envs] // 0: terminated, 1: truncated, 2: both, else running
        from finalValues in Gen.Double[-5.0, 5.0].Array[steps * envs]
        from lastValues in Gen.Double[-5.0, 5.0].Array[envs]
        from gamma in RandomTrajectories.UnitInterval
        from lambda in RandomTrajectories.UnitInterval
        select new Batch(steps, envs, r, v, ends.Select(x => x is 0 or 2).ToArray(), ends.Select(x => x is 1 or 2).ToArray(),
            finalValues, lastValues, gamma, lambda);

    [Fact]
    public void Batch_EqualsSplittingItIntoTrajectories() =>
        Batches.Sample(b =>
        {
            double[] batched = BatchedGae.Compute(b.Rewards, b.Values, b.Terminated, b.Truncated, b.FinalValues, b.LastValues, b.Gamma, b.Lambda);
            double[] split = new double[batched.Length];
            foreach (var (env, start, end, bootstrap) in Episodes(b))
            {
                // The segment as one trajectory in the lecture's notation: V(s_start) .. V(s_end), V(s_H).
                double[] rewards = Enumerable.Range(start, end - start).Select(t => b.Rewards[t * b.Envs + env]).ToArray();
                double[] values = Enumerable.Range(start, end - start).Select(t => b.Values[t * b.Envs + env]).Append(bootstrap).ToArray();
                double[] a = Gae.Compute(rewards, values, b.Gamma, b.Lambda);
                for (int t = start; t < end; t++) split[t * b.Envs + env] = a[t - start];
            }
            Assert.Equal(split, batched); // same operations in the same order: bit for bit
        }, iter: RandomTrajectories.Iterations);

    /// <summary>Each env's column cut at episode ends: (env, first step, end step exclusive, V(s_H)).</summary>
    private static IEnumerable<(int Env, int Start, int End, double Bootstrap)> Episodes(Batch b)
    {
        for (int env = 0; env < b.Envs; env++)
        {
            int start = 0;
            for (int t = 0; t < b.Steps; t++)
            {
                int i = t * b.Envs + env;
                if (b.Terminated[i]) yield return (env, start, start = t + 1, 0.0);
                else if (b.Truncated[i]) yield return (env, start, start = t + 1, b.FinalValues[i]);
            }
            if (start < b.Steps) yield return (env, start, b.Steps, b.LastValues[env]);
        }
    }

    private sealed record Batch(int Steps, int Envs, double[] Rewards, double[] Values, bool[] Terminated, bool[] Truncated,
        double[] FinalValues, double[] LastValues, double Gamma, double Lambda);

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-14, $"entry {i}: expected {expected[i]:R}, got {actual[i]:R}");
    }
}
