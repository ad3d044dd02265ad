using MathNet.Numerics.LinearAlgebra;
using Rl.Tabular;

namespace Rl.NaturalGradient;

/// <summary>
/// The discounted state distribution of pi from the start distribution mu, exactly:
/// <code>
///   d^pi(s) = (1 - gamma) sum_t gamma^t Pr(s_t = s | s_0 ~ mu, pi)
///   d^pi[N] = (1 - gamma) (I - gamma P_pi[N, N])^-T mu[N]        over the non-terminal states N
/// </code>
/// It weights the policy gradient theorem and the Fisher. Terminal states get 0 (an episode stops
/// there), so with termination d^pi sums to less than 1: the rest is the discounted mass after the end.
/// </summary>
public static class DiscountedStateDistribution
{
    /// <summary>d^pi [S] for discount <paramref name="gamma"/> in [0, 1).</summary>
    public static double[] Compute(TabularMdp mdp, TabularPolicy policy, double gamma)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        ArgumentNullException.ThrowIfNull(policy);
        if (!(gamma >= 0 && gamma < 1)) throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "gamma must be in [0, 1) for d^pi to be a (sub)distribution.");
        if (policy.StateCount != mdp.StateCount || policy.ActionCount != mdp.ActionCount)
            throw new ArgumentException($"policy is {policy.StateCount} x {policy.ActionCount} but the MDP has {mdp.StateCount} states and {mdp.ActionCount} actions.", nameof(policy));
        int[] nonTerminal = Enumerable.Range(0, mdp.StateCount).Where(s => !mdp.IsTerminal(s)).ToArray();
        int n = nonTerminal.Length;
        var system = Matrix<double>.Build.DenseIdentity(n);
        var start = Vector<double>.Build.Dense(n);
        for (int i = 0; i < n; i++)
        {
            int s = nonTerminal[i];
            start[i] = (1 - gamma) * mdp.StartDistribution[s];
            for (int j = 0; j < n; j++)
            {
                double p = 0.0;
                for (int a = 0; a < mdp.ActionCount; a++) p += policy.Probability(s, a) * mdp.Transition(s, a, nonTerminal[j]);
                system[i, j] -= gamma * p;
            }
        }
        var solution = system.Transpose().LU().Solve(start);
        var d = new double[mdp.StateCount];
        for (int i = 0; i < n; i++) d[nonTerminal[i]] = solution[i];
        return d;
    }
}
