namespace Rl.Policies;

/// <summary>
/// What the environment receives from a continuous policy: the Gaussian sample clipped to the action
/// bounds, a_env,i = min(max(a_i, low_i), high_i) (Pendulum: torque in [-2, 2]).
/// </summary>
/// <remarks>
/// The convention (CleanRL's <c>ppo_continuous_action.py</c> does the same with
/// <c>gym.wrappers.ClipAction</c>): the environment gets the clipped action, while the rollout buffer
/// keeps the unclipped sample a and its log pi_old(a). The PPO ratio pi_new(a) / pi_old(a) must be
/// evaluated at the point the Gaussian actually drew; at a clipped value every sample beyond the
/// bound would collapse onto the bound, whose Gaussian density is not the probability of having
/// landed there, and the ratio (and so the update) would be biased. That is why <see cref="Clip"/>
/// writes to a separate span and refuses to overwrite the sample.
/// </remarks>
public static class ActionClipping
{
    /// <summary>
    /// Writes min(max(<paramref name="action"/>_i, <paramref name="low"/>_i), <paramref name="high"/>_i)
    /// into <paramref name="destination"/>, which must not overlap <paramref name="action"/> (the
    /// buffer keeps the unclipped sample).
    /// </summary>
    public static void Clip(ReadOnlySpan<double> action, ReadOnlySpan<double> low, ReadOnlySpan<double> high, Span<double> destination)
    {
        Guard.Length(low.Length, action.Length, nameof(low), "one bound per action dimension");
        Guard.Length(high.Length, action.Length, nameof(high), "one bound per action dimension");
        Guard.Length(destination.Length, action.Length, nameof(destination), "one entry per action dimension");
        if (destination.Overlaps(action))
            throw new ArgumentException(
                "destination must not overlap action: the rollout buffer keeps the unclipped sample for log pi(a).", nameof(destination));
        Guard.Finite(action, nameof(action));
        for (int i = 0; i < action.Length; i++)
            if (!(low[i] <= high[i])) // also rejects NaN
                throw new ArgumentException($"low[{i}] = {low[i]} and high[{i}] = {high[i]}: need low <= high.", nameof(high));
        for (int i = 0; i < action.Length; i++) destination[i] = Math.Min(Math.Max(action[i], low[i]), high[i]);
    }
}
