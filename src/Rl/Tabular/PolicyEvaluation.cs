using MathNet.Numerics.LinearAlgebra;

namespace Rl.Tabular;

/// <summary>Exact policy evaluation: V^pi, Q^pi and A^pi of a fixed policy in a known finite MDP.</summary>
public static class PolicyEvaluation
{
    /// <summary>
    /// Solves the Bellman equations of <paramref name="policy"/> exactly. With
    /// <code>
    ///   P_pi(s' | s) = sum_a pi(a | s) P(s' | s, a)
    ///   r_pi(s)      = sum_a pi(a | s) sum_{s'} P(s' | s, a) r(s, a, s')
    /// </code>
    /// V^pi is the solution of the linear system over the non-terminal states N
    /// <code>
    ///   (I - gamma P_pi[N, N]) V[N] = r_pi[N],    V = 0 on terminal states,
    /// </code>
    /// solved by LU decomposition, and then
    /// <code>
    ///   Q^pi(s, a) = sum_{s'} P(s' | s, a) [ r(s, a, s') + gamma V^pi(s') ]
    ///   A^pi(s, a) = Q^pi(s, a) - V^pi(s)
    /// </code>
    /// (Q and A are 0 on terminal states). No sampling: this is the ground truth, with no bias and
    /// no variance, that the lecture's estimators approximate.
    /// </summary>
    /// <remarks>
    /// For gamma &lt; 1 the system always has a unique solution. For gamma = 1 it has one exactly
    /// when pi reaches a terminal state with probability 1 from every state; otherwise some return
    /// is an infinite sum, the matrix is singular, and this method says from which state pi never
    /// terminates.
    /// </remarks>
    /// <param name="mdp">The known dynamics.</param>
    /// <param name="policy">pi, with one row per state of <paramref name="mdp"/> and its number of actions.</param>
    /// <param name="gamma">The discount, in [0, 1].</param>
    public static PolicyValues Exact(TabularMdp mdp, TabularPolicy policy, double gamma)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.StateCount != mdp.StateCount || policy.ActionCount != mdp.ActionCount)
            throw new ArgumentException(
                $"policy is {policy.StateCount} x {policy.ActionCount} but the MDP has {mdp.StateCount} states and {mdp.ActionCount} actions.",
                nameof(policy));
        Guard.UnitInterval(gamma, nameof(gamma));
        if (gamma == 1.0 && StateThatNeverTerminates(mdp, policy) is int stuck)
            throw new ArgumentException(
                $"with gamma = 1, V^pi is finite only if pi terminates with probability 1, but from state {stuck} " +
                $"({mdp.StateLabels[stuck]}) pi never reaches a terminal state, so (I - P_pi) is singular; use gamma < 1.",
                nameof(gamma));

        int stateCount = mdp.StateCount, actionCount = mdp.ActionCount;
        int[] nonTerminal = Enumerable.Range(0, stateCount).Where(s => !mdp.IsTerminal(s)).ToArray();
        var row = new int[stateCount]; // the row of each non-terminal state in the system
        Array.Fill(row, -1);
        for (int i = 0; i < nonTerminal.Length; i++) row[nonTerminal[i]] = i;

        // (I - gamma P_pi[N, N]) V[N] = r_pi[N]
        var lhs = Matrix<double>.Build.DenseIdentity(nonTerminal.Length);
        var rhs = Vector<double>.Build.Dense(nonTerminal.Length);
        for (int i = 0; i < nonTerminal.Length; i++)
        {
            int s = nonTerminal[i];
            for (int a = 0; a < actionCount; a++)
            {
                double pi = policy.Probability(s, a);
                if (pi == 0) continue;
                rhs[i] += pi * mdp.ExpectedReward(s, a);
                var p = mdp.NextStateDistribution(s, a);
                for (int next = 0; next < stateCount; next++)
                    if (row[next] >= 0) lhs[i, row[next]] -= gamma * pi * p[next];
            }
        }
        var solution = lhs.LU().Solve(rhs);

        var v = new double[stateCount];
        for (int i = 0; i < nonTerminal.Length; i++) v[nonTerminal[i]] = solution[i];

        // Q(s, a) = sum_{s'} P(s' | s, a) [r(s, a, s') + gamma V(s')];  A = Q - V
        var q = new double[stateCount, actionCount];
        var advantage = new double[stateCount, actionCount];
        foreach (int s in nonTerminal)
        {
            for (int a = 0; a < actionCount; a++)
            {
                var p = mdp.NextStateDistribution(s, a);
                double expectedNextValue = 0;
                for (int next = 0; next < stateCount; next++) expectedNextValue += p[next] * v[next];
                q[s, a] = mdp.ExpectedReward(s, a) + gamma * expectedNextValue;
                advantage[s, a] = q[s, a] - v[s];
            }
        }
        return new PolicyValues(v, q, advantage);
    }

    /// <summary>
    /// With gamma = 1, (I - P_pi[N, N]) is invertible iff a terminal state is reachable under pi from
    /// every state (then pi terminates with probability 1). Searches backwards from the terminal
    /// states and returns a state that no path reaches them from, or null if there is none.
    /// </summary>
    private static int? StateThatNeverTerminates(TabularMdp mdp, TabularPolicy policy)
    {
        int stateCount = mdp.StateCount;
        var reaches = new bool[stateCount];
        var frontier = new Stack<int>();
        for (int s = 0; s < stateCount; s++)
            if (mdp.IsTerminal(s)) { reaches[s] = true; frontier.Push(s); }
        while (frontier.Count > 0)
        {
            int target = frontier.Pop();
            for (int s = 0; s < stateCount; s++)
            {
                if (reaches[s]) continue;
                for (int a = 0; a < mdp.ActionCount; a++)
                {
                    if (policy.Probability(s, a) > 0 && mdp.Transition(s, a, target) > 0)
                    {
                        reaches[s] = true;
                        frontier.Push(s);
                        break;
                    }
                }
            }
        }
        int stuck = Array.IndexOf(reaches, false);
        return stuck >= 0 ? stuck : null;
    }
}
