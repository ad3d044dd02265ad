using Rl.Tabular;

namespace Rl.NaturalGradient;

/// <summary>
/// The mean of the sampled policy gradient of a tabular softmax policy when the advantage estimate's
/// conditional mean E[Ahat | s, a] is known (<see cref="AdvantageMoments"/>), exactly:
/// <code>
///   ghat = sum_h gamma^h grad log pi_theta(a_h | s_h) Ahat_h          (one episode from mu)
///   E[ghat]_{s,b} = eta(s) pi(b | s) ( Abar(s, b) - sum_a pi(a | s) Abar(s, a) ),
///   Abar(s, a) = E[Ahat | s, a],   eta(s) = d^pi(s) / (1 - gamma)
/// </code>
/// from the softmax's score 1[a = b] - pi(b | s). Only the part of Abar that differs between actions
/// of one state enters: an error that depends on the state alone (a baseline) cancels, and with
/// Abar = A^pi this is <see cref="ExactPolicyGradient.Gradient"/>. Its distance to that gradient is
/// the bias of the estimate that matters for learning.
/// </summary>
public static class ExpectedPolicyGradient
{
    /// <summary>E[ghat] [S x A] at <paramref name="theta"/> for the conditional means <paramref name="meanAdvantage"/> [S x A].</summary>
    public static double[,] Compute(TabularMdp mdp, double[,] theta, double gamma, double[,] meanAdvantage)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        ArgumentNullException.ThrowIfNull(theta);
        ArgumentNullException.ThrowIfNull(meanAdvantage);
        int states = mdp.StateCount, actions = mdp.ActionCount;
        if (theta.GetLength(0) != states || theta.GetLength(1) != actions)
            throw new ArgumentException($"theta is {theta.GetLength(0)} x {theta.GetLength(1)}; the MDP needs {states} x {actions}.", nameof(theta));
        if (meanAdvantage.GetLength(0) != states || meanAdvantage.GetLength(1) != actions)
            throw new ArgumentException($"meanAdvantage is {meanAdvantage.GetLength(0)} x {meanAdvantage.GetLength(1)}; the MDP needs {states} x {actions}.", nameof(meanAdvantage));
        var policy = TabularSoftmax.Policy(theta);
        var d = DiscountedStateDistribution.Compute(mdp, policy, gamma);
        var gradient = new double[states, actions];
        for (int s = 0; s < states; s++)
        {
            double average = 0.0;
            for (int a = 0; a < actions; a++) average += policy.Probability(s, a) * meanAdvantage[s, a];
            for (int b = 0; b < actions; b++)
                gradient[s, b] = d[s] / (1 - gamma) * policy.Probability(s, b) * (meanAdvantage[s, b] - average);
        }
        return gradient;
    }
}
