using Rl.Advantages;
using Rl.Grading.Worker;

namespace PpoGae.Tests;

/// <summary>
/// What the likely mistakes in batched GAE return, each the reference run on a transformed input
/// (so no second implementation of the estimator lives here).
/// </summary>
internal static class BatchedGaeVariants
{
    /// <summary>The reference advantages.</summary>
    public static double[] Reference(BatchedGaeInput input) =>
        BatchedGae.Compute(input.Rewards, input.Values, input.Terminated, input.Truncated,
            input.TruncationValues, input.LastValues, input.Gamma, input.Lambda);

    /// <summary>Every known mistake with its answer on <paramref name="input"/>.</summary>
    public static Mistake[] Mistakes(BatchedGaeInput input)
    {
        int n = input.LastValues.Length, count = input.Rewards.Length;
        bool[] none = new bool[count];
        // V(s_{t+1}) for every entry: the next row, or lastValues after the last step.
        double[] next = Enumerable.Range(0, count).Select(i => i + n < count ? input.Values[i + n] : input.LastValues[i % n]).ToArray();
        bool[] endedByTermination = input.Terminated;
        bool[] truncatedOnly = input.Truncated.Select((t, i) => t && !input.Terminated[i]).ToArray();

        // Termination ignored entirely: bootstrap from V(s_{t+1}) and carry A_{t+1} on.
        var noMask = input with { Terminated = none, Truncated = truncatedOnly };
        // V_next = 0 at termination, but A_{t+1} carried on: the reference with no end there and the
        // reward reduced by gamma V(s_{t+1}), so that r' + gamma V(s_{t+1}) = r.
        var noCut = input with
        {
            Terminated = none, Truncated = truncatedOnly,
            Rewards = input.Rewards.Select((r, i) => endedByTermination[i] ? r - input.Gamma * next[i] : r).ToArray(),
        };
        // The recursion cut at termination, but bootstrapped from V(s_{t+1}) as if truncated.
        var terminationBootstrapped = input with
        {
            Terminated = none,
            Truncated = input.Truncated.Select((t, i) => t || endedByTermination[i]).ToArray(),
            TruncationValues = input.TruncationValues.Select((v, i) => endedByTermination[i] ? next[i] : v).ToArray(),
        };
        var truncationAsTermination = input with { Terminated = input.Terminated.Select((t, i) => t || input.Truncated[i]).ToArray() };
        var truncationContinues = input with { Truncated = none };
        var truncationFromNextRow = input with
        {
            TruncationValues = input.TruncationValues.Select((v, i) => truncatedOnly[i] ? next[i] : v).ToArray(),
        };
        var bothCountAsTruncated = input with { Terminated = input.Terminated.Select((t, i) => t && !input.Truncated[i]).ToArray() };
        var lastValuesIgnored = input with { LastValues = new double[n] };
        // The recursion's factor gamma alone, where gamma lambda belongs: the reference with lambda = 1.
        var gammaOnly = input with { Lambda = 1.0 };

        return
        [
            new("termination is ignored (no (1 - terminated) mask): a terminated step must not bootstrap and must cut the recursion", Reference(noMask)),
            new("the recursion is not cut where an episode terminated: A_t = BE_t there", Reference(noCut)),
            new("a terminated step bootstraps from V(s_{t+1}); the next value after termination is 0", Reference(terminationBootstrapped)),
            new("truncation is not bootstrapped (treated as termination): BE_t must use truncationValues[t]", Reference(truncationAsTermination)),
            new("truncation is treated as continuing: it must bootstrap from truncationValues[t] and cut the recursion", Reference(truncationContinues)),
            new("a truncated step bootstraps from the next row's value instead of truncationValues[t]", Reference(truncationFromNextRow)),
            new("a step both terminated and truncated must count as terminated (no bootstrap)", Reference(bothCountAsTruncated)),
            new("lastValues (V(s_S) after the last step) is ignored", Reference(lastValuesIgnored)),
            new("the recursion multiplies by gamma instead of gamma lambda", Reference(gammaOnly)),
            new("[S x N] is indexed column-major (t + e * S); it is row-major, entry t * N + e", ColumnMajor(input)),
        ];
    }

    /// <summary>
    /// What an implementation that reads and writes entry (t, e) at t + e S returns: the reference
    /// on the input reinterpreted that way, written back the same way.
    /// </summary>
    private static double[] ColumnMajor(BatchedGaeInput input)
    {
        int n = input.LastValues.Length, s = input.Rewards.Length / n;
        T[] Reread<T>(T[] a) => Enumerable.Range(0, a.Length).Select(i => a[i / n + (i % n) * s]).ToArray(); // row-major slot (t, e) <- a[t + e S]
        var advantages = Reference(input with
        {
            Rewards = Reread(input.Rewards), Values = Reread(input.Values), Terminated = Reread(input.Terminated),
            Truncated = Reread(input.Truncated), TruncationValues = Reread(input.TruncationValues),
        });
        var written = new double[advantages.Length];
        for (int i = 0; i < advantages.Length; i++) written[i / n + (i % n) * s] = advantages[i];
        return written;
    }
}
