using Rl.Advantages;
using Rl.Environments;

namespace Rl.Regression;

/// <summary>
/// The regression dataset of lecture item 3, D = {(s_h, y_h)}: states paired with targets whose
/// conditional mean is the value to learn, usually Monte Carlo returns
/// (<see cref="ValueDataset.FromTrajectories"/>).
/// </summary>
public sealed class ValueDataset<TState>
{
    private readonly TState[] _states;
    private readonly double[] _targets;

    /// <summary>The pairs (<paramref name="states"/>[i], <paramref name="targets"/>[i]) (both copied).</summary>
    public ValueDataset(IReadOnlyList<TState> states, IReadOnlyList<double> targets)
    {
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(targets);
        Guard.Length(targets.Count, states.Count, nameof(targets), "one target per state");
        _states = states.ToArray();
        _targets = targets.ToArray();
        Guard.Finite(_targets, nameof(targets));
    }

    /// <summary>s_0, s_1, ...: the inputs.</summary>
    public IReadOnlyList<TState> States => _states;

    /// <summary>y_0, y_1, ...: the targets, all finite.</summary>
    public IReadOnlyList<double> Targets => _targets;

    /// <summary>|D|, the number of pairs.</summary>
    public int Count => _states.Length;
}

/// <summary>Builds <see cref="ValueDataset{TState}"/>s.</summary>
public static class ValueDataset
{
    /// <summary>
    /// Steps 1 and 2 of lecture item 3: from each trajectory tau, every state s_h paired with its
    /// Monte Carlo return
    /// <code>
    ///   y_h = sum_{l=h}^{H-1} gamma^(l-h) r_l + gamma^(H-h) V(s_H)
    /// </code>
    /// (<see cref="MonteCarloReturns.Compute(ReadOnlySpan{double}, double, double)"/>). V(s_H) = 0 if tau
    /// terminated; otherwise tau was cut off and V(s_H) = <paramref name="bootstrapValue"/>(s_H).
    /// </summary>
    /// <remarks>
    /// On terminated trajectories y_h is an unbiased sample of V^pi(s_h), so the Bayes-optimal
    /// regressor E[y | s] is V^pi(s). On truncated ones the default bootstrap, 0, drops the return
    /// after the cut and biases y_h towards 0 for states near it; pass the current value estimate
    /// to bootstrap from it instead. A state visited several times in one trajectory contributes
    /// one pair per visit ("every visit"), and those targets are correlated.
    /// </remarks>
    /// <param name="trajectories">The rollouts tau^1 .. tau^n.</param>
    /// <param name="gamma">The discount, in [0, 1].</param>
    /// <param name="bootstrapValue">V(s_H) for truncated trajectories; null means 0.</param>
    public static ValueDataset<TState> FromTrajectories<TState, TAction>(
        IEnumerable<Trajectory<TState, TAction>> trajectories, double gamma, Func<TState, double>? bootstrapValue = null)
    {
        ArgumentNullException.ThrowIfNull(trajectories);
        Guard.UnitInterval(gamma, nameof(gamma));
        var states = new List<TState>();
        var targets = new List<double>();
        int index = 0;
        foreach (var tau in trajectories)
        {
            if (tau is null) throw new ArgumentException($"trajectory {index} is null.", nameof(trajectories));
            if (tau.Length > 0) // a trajectory of no steps has no (s_h, y_h) pairs
            {
                double lastValue = tau.Terminated ? 0.0 : bootstrapValue?.Invoke(tau.Observations[^1]) ?? 0.0;
                double[] y = MonteCarloReturns.Compute(tau.Rewards, lastValue, gamma);
                for (int h = 0; h < y.Length; h++)
                {
                    states.Add(tau.Observations[h]);
                    targets.Add(y[h]);
                }
            }
            index++;
        }
        return new ValueDataset<TState>(states, targets);
    }
}
