namespace Rl.Policies;

public static partial class DiagonalGaussian
{
    /// <summary>
    /// A minibatch's forward pass: for each row b of the means [B x d] and actions [B x d] (row-major,
    /// d = logStd.Length), log pi(a_b | s_b) into <paramref name="logProbabilities"/> [B]. The entropy
    /// is the same for every row: <see cref="Entropy"/>(logStd).
    /// </summary>
    public static void LogProbabilities(
        ReadOnlySpan<double> means, ReadOnlySpan<double> logStd, ReadOnlySpan<double> actions, Span<double> logProbabilities)
    {
        int rows = ValidateBatch(means, logStd, actions);
        int d = logStd.Length;
        Guard.Length(logProbabilities.Length, rows, nameof(logProbabilities), "one log-probability per row, B = means.Length / logStd.Length");
        for (int b = 0; b < rows; b++)
            logProbabilities[b] = LogProbabilityOfRow(means.Slice(b * d, d), logStd, actions.Slice(b * d, d));
    }

    /// <summary>
    /// A minibatch's backward pass: adds to row b of <paramref name="meanGradient"/> [B x d] and to the
    /// shared <paramref name="logStdGradient"/> [d], summed over the rows,
    /// <code>
    ///   s_b d log pi(a_b) / d mu_bi     = s_b (a_bi - mu_bi) / sigma_i^2
    ///   s_b d log pi(a_b) / d log sigma_i + s_H dH / d log sigma_i = s_b ((a_bi - mu_bi)^2 / sigma_i^2 - 1) + s_H
    /// </code>
    /// where s_b = <paramref name="logProbabilityScales"/>[b] = dLoss/d log pi(a_b) and s_H =
    /// <paramref name="entropyScale"/> = dLoss/dH_b, the same for every row (-c_ent / B for the loss
    /// -c_ent mean_b H_b, so that log sigma receives -c_ent in total).
    /// </summary>
    public static void AddGradients(
        ReadOnlySpan<double> means, ReadOnlySpan<double> logStd, ReadOnlySpan<double> actions,
        ReadOnlySpan<double> logProbabilityScales, double entropyScale, Span<double> meanGradient, Span<double> logStdGradient)
    {
        int rows = ValidateBatch(means, logStd, actions);
        int d = logStd.Length;
        Guard.Length(logProbabilityScales.Length, rows, nameof(logProbabilityScales), "one scale per row, B = means.Length / logStd.Length");
        Guard.Finite(logProbabilityScales, nameof(logProbabilityScales));
        Guard.Finite(entropyScale, nameof(entropyScale));
        Guard.Length(meanGradient.Length, means.Length, nameof(meanGradient), "one partial derivative per mean, [B x d]");
        Guard.Length(logStdGradient.Length, d, nameof(logStdGradient), "one partial derivative per entry of logStd");
        for (int b = 0; b < rows; b++)
            AddGradientOfRow(means.Slice(b * d, d), logStd, actions.Slice(b * d, d), logProbabilityScales[b], entropyScale,
                meanGradient.Slice(b * d, d), logStdGradient);
    }

    /// <summary>Checks a batch once: log sigma [d], means and actions [B x d] with B &gt;= 1, all finite. Returns B.</summary>
    private static int ValidateBatch(ReadOnlySpan<double> means, ReadOnlySpan<double> logStd, ReadOnlySpan<double> actions)
    {
        ValidateLogStd(logStd);
        if (means.IsEmpty || means.Length % logStd.Length != 0)
            throw new ArgumentException(
                $"means has length {means.Length}, which is not B x d with d = logStd.Length = {logStd.Length} and B >= 1.", nameof(means));
        Guard.Length(actions.Length, means.Length, nameof(actions), "one action entry per mean, [B x d]");
        Guard.Finite(means, nameof(means));
        Guard.Finite(actions, nameof(actions));
        return means.Length / logStd.Length;
    }
}
