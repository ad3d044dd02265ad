using Rl.Policies;
using Rl.Random;

namespace Rl.Tabular;

/// <summary>
/// A fixed stochastic policy on a finite MDP: a table pi(a | s) with one probability distribution
/// over the A actions for each of the S states. It is the pi whose V^pi, Q^pi and A^pi
/// <see cref="PolicyEvaluation.Exact"/> computes.
/// </summary>
public sealed class TabularPolicy : IPolicy<int, int>
{
    private readonly double[] _probabilities; // pi(a | s) at s * A + a

    /// <summary>A policy from <paramref name="probabilities"/>[s, a] = pi(a | s) (copied).</summary>
    /// <param name="probabilities">Shape S x A; every row pi(. | s) is a distribution.</param>
    public TabularPolicy(double[,] probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        StateCount = probabilities.GetLength(0);
        ActionCount = probabilities.GetLength(1);
        if (StateCount == 0 || ActionCount == 0)
            throw new ArgumentException(
                $"probabilities has shape {StateCount} x {ActionCount} but needs at least one state and one action.",
                nameof(probabilities));
        _probabilities = new double[probabilities.Length];
        for (int s = 0; s < StateCount; s++)
        {
            for (int a = 0; a < ActionCount; a++) _probabilities[s * ActionCount + a] = probabilities[s, a];
            TabularMdp.CheckDistribution(ActionDistribution(s), nameof(probabilities), $"probabilities[{s}, :]");
        }
    }

    /// <summary>The policy that plays <paramref name="actionProbabilities"/> in each of <paramref name="stateCount"/> states.</summary>
    public static TabularPolicy SameInEveryState(int stateCount, params ReadOnlySpan<double> actionProbabilities)
    {
        Guard.AtLeast(stateCount, 1, nameof(stateCount));
        if (actionProbabilities.IsEmpty)
            throw new ArgumentException("actionProbabilities must have at least one action.", nameof(actionProbabilities));
        TabularMdp.CheckDistribution(actionProbabilities, nameof(actionProbabilities), nameof(actionProbabilities));
        var table = new double[stateCount, actionProbabilities.Length];
        for (int s = 0; s < stateCount; s++)
            for (int a = 0; a < actionProbabilities.Length; a++) table[s, a] = actionProbabilities[a];
        return new TabularPolicy(table);
    }

    /// <summary>S, the number of states.</summary>
    public int StateCount { get; }

    /// <summary>A, the number of actions.</summary>
    public int ActionCount { get; }

    /// <summary>pi(<paramref name="action"/> | <paramref name="state"/>).</summary>
    public double Probability(int state, int action)
    {
        if (action < 0 || action >= ActionCount)
            throw new ArgumentOutOfRangeException(nameof(action), action, $"action must be in [0, {ActionCount}).");
        return ActionDistribution(state)[action];
    }

    /// <summary>The row pi(. | <paramref name="state"/>), length A.</summary>
    public ReadOnlySpan<double> ActionDistribution(int state)
    {
        if (state < 0 || state >= StateCount)
            throw new ArgumentOutOfRangeException(nameof(state), state, $"state must be in [0, {StateCount}).");
        return _probabilities.AsSpan(state * ActionCount, ActionCount);
    }

    /// <summary>Draws a ~ pi(. | s) with one uniform from <paramref name="rng"/> (<see cref="Rng.Categorical"/>).</summary>
    public int Sample(int observation, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (observation < 0 || observation >= StateCount)
            throw new ArgumentOutOfRangeException(nameof(observation), observation, $"observation must be a state in [0, {StateCount}).");
        return rng.Categorical(ActionDistribution(observation));
    }
}
