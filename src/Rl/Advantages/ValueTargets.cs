namespace Rl.Advantages;

/// <summary>
/// Value targets for the critic, the regression dataset of the PPO algorithm (lecture item 8, step 2):
/// <code>
///   y_h = A^gae_h + V(s_h)
/// </code>
/// the TD(lambda) return. With lambda = 1 it is the Monte Carlo return (lecture item 3); with
/// lambda = 0 the one-step target r_h + gamma V(s_{h+1}). Smaller lambda: less variance, more bias.
/// </summary>
public static class ValueTargets
{
    /// <summary>
    /// y_h = A_h + V(s_h) for every h. <paramref name="values"/> is V(s_0) .. V(s_{H-1}), or the
    /// estimators' V(s_0) .. V(s_H), whose last entry (the bootstrap value) a target does not use.
    /// </summary>
    public static double[] Compute(ReadOnlySpan<double> advantages, ReadOnlySpan<double> values)
    {
        var targets = new double[advantages.Length];
        Compute(advantages, values, targets);
        return targets;
    }

    /// <summary>Writes y_h = A_h + V(s_h) into <paramref name="targets"/> (length H).</summary>
    public static void Compute(ReadOnlySpan<double> advantages, ReadOnlySpan<double> values, Span<double> targets)
    {
        Guard.NotEmpty(advantages, nameof(advantages));
        if (values.Length != advantages.Length && values.Length != advantages.Length + 1)
            throw new ArgumentException(
                $"values has length {values.Length} but must have length {advantages.Length} (V(s_0) .. V(s_{{H-1}})) " +
                $"or {advantages.Length + 1} (V(s_0) .. V(s_H)).", nameof(values));
        Guard.Length(targets.Length, advantages.Length, nameof(targets), "one target per advantage");
        Guard.Finite(advantages, nameof(advantages));
        Guard.Finite(values, nameof(values));
        // BEGIN SOLUTION: targets[h] = A_h + V(s_h) for h = 0 .. H - 1 (values may hold one extra entry, V(s_H), which a target does not use).
        for (int h = 0; h < advantages.Length; h++) targets[h] = advantages[h] + values[h];
        // END SOLUTION
    }
}
