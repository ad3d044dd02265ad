namespace Rl.Environments;

/// <summary>
/// One trajectory tau = (s_0, a_0, r_0, s_1, ..., s_{H-1}, a_{H-1}, r_{H-1}, s_H), in the lecture's
/// notation: H rewards and actions, H + 1 observations.
/// </summary>
/// <param name="Observations">s_0 .. s_H (length H + 1).</param>
/// <param name="Actions">a_0 .. a_{H-1} (length H).</param>
/// <param name="Rewards">r_0 .. r_{H-1} (length H).</param>
/// <param name="Terminated">s_H is terminal: V(s_H) = 0.</param>
/// <param name="Truncated">The trajectory was cut off at s_H (time limit or rollout budget): V(s_H) is
/// the bootstrap value.</param>
public sealed record Trajectory<TObservation, TAction>(
    IReadOnlyList<TObservation> Observations,
    IReadOnlyList<TAction> Actions,
    double[] Rewards,
    bool Terminated,
    bool Truncated)
{
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
