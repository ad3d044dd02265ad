namespace Rl.Environments;

/// <summary>
/// One trajectory tau = (s_0, a_0, r_0, s_1, ..., s_{H-1}, a_{H-1}, r_{H-1}, s_H), in the lecture's
/// notation: H rewards and actions, H + 1 observations.
/// </summary>
public sealed record Trajectory<TObservation, TAction>
{
    /// <summary>A trajectory; the lengths must agree: H + 1 observations, H actions, H rewards.</summary>
    public Trajectory(IReadOnlyList<TObservation> observations, IReadOnlyList<TAction> actions, double[] rewards, bool terminated, bool truncated)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(rewards);
        Guard.Length(observations.Count, rewards.Length + 1, nameof(observations), "s_0 .. s_H: one more than rewards");
        Guard.Length(actions.Count, rewards.Length, nameof(actions), "a_0 .. a_{H-1}: one per reward");
        Observations = observations;
        Actions = actions;
        Rewards = rewards;
        Terminated = terminated;
        Truncated = truncated;
    }

    /// <summary>s_0 .. s_H (length H + 1).</summary>
    public IReadOnlyList<TObservation> Observations { get; init; }

    /// <summary>a_0 .. a_{H-1} (length H).</summary>
    public IReadOnlyList<TAction> Actions { get; init; }

    /// <summary>r_0 .. r_{H-1} (length H).</summary>
    public double[] Rewards { get; init; }

    /// <summary>s_H is terminal: V(s_H) = 0.</summary>
    public bool Terminated { get; init; }

    /// <summary>The trajectory was cut off at s_H (time limit or rollout budget): V(s_H) is the bootstrap value.</summary>
    public bool Truncated { get; init; }

    /// <summary>H, the number of steps.</summary>
    public int Length => Rewards.Length;

    /// <summary>
    /// V(s_0) .. V(s_H) under the estimate <paramref name="value"/>, with V(s_H) = 0 when s_H is
    /// terminal: the <c>values</c> argument of every estimator in <c>Rl.Advantages</c>.
    /// </summary>
    public double[] Values(Func<TObservation, double> value)
    {
        var values = new double[Observations.Count];
        for (int h = 0; h < values.Length; h++) values[h] = value(Observations[h]);
        if (Terminated) values[^1] = 0.0;
        return values;
    }
}
