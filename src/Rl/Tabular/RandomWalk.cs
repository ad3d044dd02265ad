namespace Rl.Tabular;

/// <summary>
/// The random-walk chain (Sutton and Barto, Example 6.2) with actions: states 0, 1, ..., n + 1 in a
/// row, where 0 and n + 1 are terminal and 1 .. n are not. Action <see cref="Left"/> moves to s - 1 and
/// <see cref="Right"/> to s + 1, except that with probability <c>slip</c> the move goes the other way.
/// Entering the right end pays +1; every other transition, entering the left end included, pays 0.
/// Episodes start in the middle.
/// </summary>
/// <remarks>
/// The policy moves right with probability pi(right), so each step moves right with probability
/// q = pi(right) (1 - slip) + (1 - pi(right)) slip. With gamma = 1, V^pi(i) is the probability of
/// leaving by the right end (gambler's ruin): i / (n + 1) when q = 1/2, else
/// (1 - rho^i) / (1 - rho^(n+1)) with rho = (1 - q) / q.
/// </remarks>
public static class RandomWalk
{
    /// <summary>The action that moves towards state 0.</summary>
    public const int Left = 0;

    /// <summary>The action that moves towards state n + 1.</summary>
    public const int Right = 1;

    /// <summary>
    /// The chain with <paramref name="nonTerminalStates"/> = n states between the two ends, and the
    /// policy that plays <see cref="Right"/> with probability <paramref name="rightProbability"/>.
    /// </summary>
    /// <param name="nonTerminalStates">n, at least 1; the default 5 is Sutton and Barto's chain A..E.</param>
    /// <param name="slip">The probability that a move goes the opposite way, in [0, 1].</param>
    /// <param name="rightProbability">pi(right | s), in [0, 1]: 0.6 makes A^pi differ between the actions.</param>
    public static TabularProblem Create(int nonTerminalStates = 5, double slip = 0.1, double rightProbability = 0.6)
    {
        Guard.AtLeast(nonTerminalStates, 1, nameof(nonTerminalStates));
        Guard.UnitInterval(slip, nameof(slip));
        Guard.UnitInterval(rightProbability, nameof(rightProbability));
        int n = nonTerminalStates, stateCount = n + 2;

        var transitions = new double[stateCount, 2, stateCount];
        var rewards = new double[stateCount, 2, stateCount];
        foreach (int end in new[] { 0, n + 1 })
        {
            transitions[end, Left, end] = 1.0; // terminal: an unused self-loop
            transitions[end, Right, end] = 1.0;
        }
        for (int s = 1; s <= n; s++)
        {
            transitions[s, Left, s - 1] += 1.0 - slip;
            transitions[s, Left, s + 1] += slip;
            transitions[s, Right, s + 1] += 1.0 - slip;
            transitions[s, Right, s - 1] += slip;
            rewards[s, Left, n + 1] = 1.0;
            rewards[s, Right, n + 1] = 1.0;
        }

        var start = new double[stateCount];
        if (n % 2 == 1)
        {
            start[(n + 1) / 2] = 1.0;
        }
        else
        {
            start[n / 2] = 0.5; // no single middle state: split between the two
            start[n / 2 + 1] = 0.5;
        }

        var labels = Enumerable.Range(0, stateCount)
            .Select(s => s == 0 ? "L" : s == n + 1 ? "R" : s.ToString()).ToArray();
        var mdp = new TabularMdp(transitions, rewards, [0, n + 1], start, labels);
        return new TabularProblem(mdp, TabularPolicy.SameInEveryState(stateCount, 1.0 - rightProbability, rightProbability));
    }
}
