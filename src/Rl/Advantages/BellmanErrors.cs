using System.Runtime.CompilerServices;

namespace Rl.Advantages;

/// <summary>
/// Bellman errors (TD residuals), lecture item 5:
/// <code>
///   BE_h = r_h + gamma V(s_{h+1}) - V(s_h)
/// </code>
/// BE_h is the one-step estimator A^(1): low variance (one reward of noise), but as biased as V is
/// wrong. Every longer estimator is a discounted sum of them:
/// A^(k)_h = BE_h + gamma BE_{h+1} + ... + gamma^(k-1) BE_{h+k-1}.
/// </summary>
public static class BellmanErrors
{
    /// <summary>
    /// BE_0 .. BE_{H-1} for rewards r_0 .. r_{H-1} and values V(s_0) .. V(s_H), where V(s_H) is the
    /// bootstrap value (0 if the episode terminated, V of the last state if it was cut off).
    /// </summary>
    public static double[] Compute(ReadOnlySpan<double> rewards, ReadOnlySpan<double> values, double gamma)
    {
        var errors = new double[rewards.Length];
        Compute(rewards, values, gamma, errors);
        return errors;
    }

    /// <summary>Writes BE_0 .. BE_{H-1} into <paramref name="errors"/> (length H).</summary>
    public static void Compute(ReadOnlySpan<double> rewards, ReadOnlySpan<double> values, double gamma, Span<double> errors)
    {
        Trajectories.Validate(rewards, values, gamma);
        Guard.Length(errors.Length, rewards.Length, nameof(errors), "one Bellman error per reward");
        // BEGIN SOLUTION: for every h, errors[h] = BE_h = r_h + gamma V(s_{h+1}) - V(s_h); write the formula once, in Of, and call it here.
        for (int h = 0; h < rewards.Length; h++)
            errors[h] = Of(rewards[h], values[h], values[h + 1], gamma);
        // END SOLUTION
    }

    /// <summary>One Bellman error, r + gamma V(s') - V(s): the single formula every estimator uses.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Of(double reward, double value, double nextValue, double gamma)
    {
        // BEGIN SOLUTION: return r + gamma V(s') - V(s).
        return Math.FusedMultiplyAdd(gamma, nextValue, reward) - value;
        // END SOLUTION
    }
}
