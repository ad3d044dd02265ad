namespace Rl.Policies;

public static partial class Categorical
{
    /// <summary>
    /// A minibatch's forward pass: for each row b of the logits [B x n] (row-major, B =
    /// actions.Length), log pi(a_b | s_b) into <paramref name="logProbabilities"/> [B] and H(pi(. | s_b))
    /// into <paramref name="entropies"/> [B], with one exponential per logit.
    /// </summary>
    public static void LogProbabilitiesAndEntropies(
        ReadOnlySpan<double> logits, ReadOnlySpan<int> actions, Span<double> logProbabilities, Span<double> entropies)
    {
        int n = ValidateBatch(logits, actions);
        Guard.Length(logProbabilities.Length, actions.Length, nameof(logProbabilities), "one log-probability per row");
        Guard.Length(entropies.Length, actions.Length, nameof(entropies), "one entropy per row");
        for (int b = 0; b < actions.Length; b++)
        {
            var row = logits.Slice(b * n, n);
            var (max, logSum, entropy) = Moments(row);
            logProbabilities[b] = LogProbability(row, actions[b], max, logSum);
            entropies[b] = entropy;
        }
    }

    /// <summary>
    /// A minibatch's backward pass: adds to each row of <paramref name="gradient"/> [B x n]
    /// <code>
    ///   s_b d log pi(a_b) / d l_bj + s_H dH_b / d l_bj = s_b (1[j = a_b] - p_bj) - s_H p_bj (log p_bj + H_b)
    /// </code>
    /// where s_b = <paramref name="logProbabilityScales"/>[b] = dLoss/d log pi(a_b) (from the clipped
    /// surrogate) and s_H = <paramref name="entropyScale"/> = dLoss/dH_b, the same for every row
    /// (-c_ent / B for the loss -c_ent mean_b H_b).
    /// </summary>
    public static void AddGradients(
        ReadOnlySpan<double> logits, ReadOnlySpan<int> actions, ReadOnlySpan<double> logProbabilityScales,
        double entropyScale, Span<double> gradient)
    {
        int n = ValidateBatch(logits, actions);
        Guard.Length(logProbabilityScales.Length, actions.Length, nameof(logProbabilityScales), "one scale per row");
        Guard.Finite(logProbabilityScales, nameof(logProbabilityScales));
        Guard.Finite(entropyScale, nameof(entropyScale));
        Guard.Length(gradient.Length, logits.Length, nameof(gradient), "one partial derivative per logit, [B x n]");
        for (int b = 0; b < actions.Length; b++)
            AddGradient(logits.Slice(b * n, n), actions[b], logProbabilityScales[b], entropyScale, gradient.Slice(b * n, n));
    }

    /// <summary>Checks a [B x n] batch once and returns n, the number of actions.</summary>
    private static int ValidateBatch(ReadOnlySpan<double> logits, ReadOnlySpan<int> actions)
    {
        if (actions.IsEmpty) throw new ArgumentException("actions must not be empty (a minibatch has at least one row).", nameof(actions));
        if (logits.IsEmpty || logits.Length % actions.Length != 0)
            throw new ArgumentException(
                $"logits has length {logits.Length}, which is not B x n with B = actions.Length = {actions.Length} and n >= 1.", nameof(logits));
        Guard.Finite(logits, nameof(logits));
        int n = logits.Length / actions.Length;
        for (int b = 0; b < actions.Length; b++)
            if ((uint)actions[b] >= (uint)n)
                throw new ArgumentOutOfRangeException(nameof(actions), actions[b], $"actions[{b}] must be an action index in [0, {n}).");
        return n;
    }
}
