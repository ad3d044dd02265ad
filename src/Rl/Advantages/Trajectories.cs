namespace Rl.Advantages;

/// <summary>The argument rules every single-trajectory estimator shares.</summary>
internal static class Trajectories
{
    private const string ValuesRule = "V(s_0) .. V(s_H): one more than rewards, the last being the bootstrap value V(s_H)";

    /// <summary>
    /// rewards r_0 .. r_{H-1} (H at least 1), values V(s_0) .. V(s_H) (length H + 1: the last is the
    /// bootstrap value), all finite; gamma in [0, 1].
    /// </summary>
    public static void Validate(ReadOnlySpan<double> rewards, ReadOnlySpan<double> values, double gamma)
    {
        Guard.NotEmpty(rewards, nameof(rewards));
        Guard.Length(values.Length, rewards.Length + 1, nameof(values), ValuesRule);
        Guard.UnitInterval(gamma, nameof(gamma));
        Guard.Finite(rewards, nameof(rewards));
        Guard.Finite(values, nameof(values));
    }

    /// <summary>
    /// Called when a result came out non-finite: names the input entry that caused it, or, if every
    /// input is finite, reports the overflow.
    /// </summary>
    public static void ThrowNonFinite(ReadOnlySpan<double> rewards, ReadOnlySpan<double> values)
    {
        Guard.Finite(rewards, nameof(rewards));
        Guard.Finite(values, nameof(values));
        throw new OverflowException("the advantages overflowed to infinity: rewards or values are too large in magnitude.");
    }
}
