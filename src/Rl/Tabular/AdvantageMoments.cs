using MathNet.Numerics.LinearAlgebra;

namespace Rl.Tabular;

/// <summary>
/// The exact mean and variance of the n-step and GAE advantage estimates (lecture items 4 and 6) from
/// every (s, a), computed from a known MDP instead of sampled. Both estimates are discounted sums of
/// Bellman errors along the episode that starts with a in s and then follows pi,
/// <code>
///   X = sum_{l &lt; K} beta^l BE_l,   BE_l = r_l + gamma Vhat(s_{l+1}) - Vhat(s_l)   (Vhat = 0 at terminal states)
///   A^(k):   beta = gamma,          K = k
///   A^gae:   beta = gamma lambda,   K = infinity
/// </code>
/// (the sum stops when the episode terminates). With BE(s, a, s') that Bellman error, the first and
/// second moments obey Bellman equations, the second-moment ones of Sobel (1982):
/// <code>
///   q1_K(s, a) = sum_s' P(s' | s, a) [ BE(s, a, s') + beta m1_{K-1}(s') ]
///   q2_K(s, a) = sum_s' P(s' | s, a) [ BE(s, a, s')^2 + 2 beta BE(s, a, s') m1_{K-1}(s') + beta^2 m2_{K-1}(s') ]
///   m_K(s) = sum_a pi(a | s) q_K(s, a),   m_0 = 0,   m(terminal) = 0
/// </code>
/// iterated k times for A^(k), and solved as linear systems for K = infinity,
/// (I - beta P_pi) m1 = sum_a pi q1-part, (I - beta^2 P_pi) m2 = sum_a pi q2-part, over the
/// non-terminal states. Then E[X | s, a] = q1(s, a) and Var[X | s, a] = q2(s, a) - q1(s, a)^2.
/// </summary>
public static class AdvantageMoments
{
    /// <summary>E and Var of A^(k)(s, a) for every s, a [S x A]; k &gt;= 1.</summary>
    public static EstimatorMoments NStep(TabularMdp mdp, TabularPolicy policy, double gamma, double[] values, int k)
    {
        Check(mdp, policy, gamma, values);
        Guard.AtLeast(k, 1, nameof(k));
        var m1 = new double[mdp.StateCount];
        var m2 = new double[mdp.StateCount];
        var (q1, q2) = Backup(mdp, values, gamma, gamma, m1, m2);
        for (int j = 2; j <= k; j++)
        {
            m1 = Average(policy, q1);
            m2 = Average(policy, q2);
            (q1, q2) = Backup(mdp, values, gamma, gamma, m1, m2);
        }
        return Moments(q1, q2);
    }

    /// <summary>E and Var of A^gae(s, a) for every s, a [S x A]; lambda in [0, 1].</summary>
    public static EstimatorMoments Gae(TabularMdp mdp, TabularPolicy policy, double gamma, double[] values, double lambda)
    {
        Check(mdp, policy, gamma, values);
        Guard.UnitInterval(lambda, nameof(lambda));
        double beta = gamma * lambda;
        int[] live = Enumerable.Range(0, mdp.StateCount).Where(s => !mdp.IsTerminal(s)).ToArray();
        var zero = new double[mdp.StateCount];
        // m1 = c1 + beta P_pi m1, with c1 the backup of m1 = 0; then m2 = c2 + beta^2 P_pi m2, with c2 the
        // backup of (m1, m2 = 0), which holds the cross term 2 beta BE m1(s').
        var m1 = Solve(mdp, policy, live, beta, Average(policy, Backup(mdp, values, gamma, beta, zero, zero).Q1));
        var m2 = Solve(mdp, policy, live, beta * beta, Average(policy, Backup(mdp, values, gamma, beta, m1, zero).Q2));
        var (q1, q2) = Backup(mdp, values, gamma, beta, m1, m2);
        return Moments(q1, q2);
    }

    /// <summary>One Bellman backup of both moments: q1(s, a) and q2(s, a) from m1, m2 (0 at terminal states).</summary>
    private static (double[,] Q1, double[,] Q2) Backup(
        TabularMdp mdp, double[] values, double gamma, double beta, double[] m1, double[] m2)
    {
        int states = mdp.StateCount, actions = mdp.ActionCount;
        var q1 = new double[states, actions];
        var q2 = new double[states, actions];
        for (int s = 0; s < states; s++)
        {
            if (mdp.IsTerminal(s)) continue;
            for (int a = 0; a < actions; a++)
                for (int next = 0; next < states; next++)
                {
                    double p = mdp.Transition(s, a, next);
                    if (p == 0) continue;
                    bool end = mdp.IsTerminal(next);
                    double be = mdp.Reward(s, a, next) + gamma * (end ? 0 : values[next]) - values[s];
                    double later1 = end ? 0 : m1[next], later2 = end ? 0 : m2[next];
                    q1[s, a] += p * (be + beta * later1);
                    q2[s, a] += p * (be * be + 2 * beta * be * later1 + beta * beta * later2);
                }
        }
        return (q1, q2);
    }

    /// <summary>Mean q1 and variance q2 - q1^2 (rounding below 0 set to 0).</summary>
    private static EstimatorMoments Moments(double[,] q1, double[,] q2)
    {
        var variance = new double[q1.GetLength(0), q1.GetLength(1)];
        for (int s = 0; s < q1.GetLength(0); s++)
            for (int a = 0; a < q1.GetLength(1); a++) variance[s, a] = Math.Max(0, q2[s, a] - q1[s, a] * q1[s, a]);
        return new EstimatorMoments(q1, variance);
    }

    /// <summary>m(s) = sum_a pi(a | s) q(s, a).</summary>
    private static double[] Average(TabularPolicy policy, double[,] q)
    {
        var m = new double[q.GetLength(0)];
        for (int s = 0; s < m.Length; s++)
            for (int a = 0; a < q.GetLength(1); a++) m[s] += policy.Probability(s, a) * q[s, a];
        return m;
    }

    /// <summary>m = c + discount P_pi m over the non-terminal states (with c the one-step part); 0 at terminal states.</summary>
    private static double[] Solve(TabularMdp mdp, TabularPolicy policy, int[] live, double discount, double[] oneStep)
    {
        int n = live.Length;
        var system = Matrix<double>.Build.DenseIdentity(n);
        var right = Vector<double>.Build.Dense(n);
        for (int i = 0; i < n; i++)
        {
            right[i] = oneStep[live[i]];
            for (int j = 0; j < n; j++)
                for (int a = 0; a < mdp.ActionCount; a++)
                    system[i, j] -= discount * policy.Probability(live[i], a) * mdp.Transition(live[i], a, live[j]);
        }
        var solution = system.LU().Solve(right);
        var m = new double[mdp.StateCount];
        for (int i = 0; i < n; i++) m[live[i]] = solution[i];
        return m;
    }

    private static void Check(TabularMdp mdp, TabularPolicy policy, double gamma, double[] values)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(values);
        if (!(gamma >= 0 && gamma < 1))
            throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "gamma must be in [0, 1).");
        if (policy.StateCount != mdp.StateCount || policy.ActionCount != mdp.ActionCount)
            throw new ArgumentException($"policy is {policy.StateCount} x {policy.ActionCount} but the MDP has {mdp.StateCount} states and {mdp.ActionCount} actions.", nameof(policy));
        Guard.Length(values.Length, mdp.StateCount, nameof(values), "one value estimate per state (those of terminal states are not used)");
        Guard.Finite(values, nameof(values));
    }
}

/// <summary>E[X | s, a] and Var[X | s, a] of an advantage estimate X, both [S x A] (0 at terminal states).</summary>
public sealed record EstimatorMoments(double[,] Mean, double[,] Variance);
