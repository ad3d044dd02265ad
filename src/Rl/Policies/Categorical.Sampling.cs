using Rl.Random;

namespace Rl.Policies;

public static partial class Categorical
{
    /// <summary>
    /// Draws a ~ pi = softmax(l) by the inverse CDF on one uniform u = <see cref="Rng.NextDouble"/>:
    /// the first a with u &lt; p_0 + ... + p_a. The same generator state gives the same action.
    /// </summary>
    /// <remarks>
    /// The same rule as <see cref="Rng.Categorical"/>, without a probability buffer: the cumulative
    /// sum runs over the unnormalised weights exp(z_j) and is compared with u sum_j exp(z_j).
    /// </remarks>
    public static int Sample(ReadOnlySpan<double> logits, Rng rng)
    {
        Validate(logits);
        ArgumentNullException.ThrowIfNull(rng);
        double max = Max(logits);
        double threshold = rng.NextDouble() * SumExp(logits, max);
        double cumulative = 0.0;
        int last = 0; // the last action with a positive weight takes what rounding leaves over
        for (int j = 0; j < logits.Length; j++)
        {
            double e = Math.Exp(logits[j] - max);
            cumulative += e;
            if (threshold < cumulative) return j;
            if (e > 0) last = j;
        }
        return last;
    }

    /// <summary>
    /// The most probable action argmax_a l_a (the first one on ties), for deterministic evaluation.
    /// </summary>
    public static int Mode(ReadOnlySpan<double> logits)
    {
        Validate(logits);
        int best = 0;
        for (int j = 1; j < logits.Length; j++)
            if (logits[j] > logits[best]) best = j;
        return best;
    }
}
