using MathNet.Numerics.LinearAlgebra;
using Rl.Tabular;

namespace Rl.NaturalGradient;

/// <summary>
/// Exact natural policy gradient on a tabular softmax policy (Kakade 2001; Agarwal et al. 2021):
/// <code>
///   w = F^+ grad J            = A^pi(s, a) / (1 - gamma) + c_s     where d^pi(s) &gt; 0
///   theta' = theta + eta w    =>  pi'(a | s) proportional to pi(a | s) exp(eta A^pi(s, a) / (1 - gamma))
/// </code>
/// Block by block, (diag(p) - p p^T) A = p . A because sum_a p_a A(s, a) = 0, so A / (1 - gamma)
/// solves F w = g and the pseudo-inverse differs from it by a constant per state, which the softmax
/// ignores: an exact NPG step is soft policy iteration, and d^pi has cancelled out.
/// </summary>
public static class ExactNaturalGradient
{
    /// <summary>
    /// w = F^+ g [S x A] at <paramref name="theta"/>, by MathNet's pseudo-inverse of the exact F block by block
    /// (F is block diagonal, so F^+ is the blocks' pseudo-inverses): one block's scale d^pi(s) pi(1 - pi) can be
    /// many orders below another's near a deterministic policy, and a pseudo-inverse of the whole F, whose
    /// cut-off is relative to its largest singular value, would invert that block's rounding noise.
    /// </summary>
    public static double[,] Direction(TabularMdp mdp, double[,] theta, double gamma)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        int actions = mdp.ActionCount;
        var g = ExactPolicyGradient.Gradient(mdp, theta, gamma);
        var fisher = TabularFisher.Compute(mdp, theta, gamma);
        var direction = new double[mdp.StateCount, actions];
        var d = DiscountedStateDistribution.Compute(mdp, TabularSoftmax.Policy(theta), gamma);
        for (int s = 0; s < mdp.StateCount; s++)
        {
            if (d[s] == 0) continue;                    // F_s = 0 and g_s = 0: w_s = 0
            var block = fisher.SubMatrix(s * actions, actions, s * actions, actions) / d[s];  // F_s / d(s), g_s / d(s):
            var gs = Vector<double>.Build.Dense(actions, a => g[s, a] / d[s]);                // the same w, any d(s)
            var w = block.PseudoInverse() * gs;
            for (int a = 0; a < actions; a++) direction[s, a] = w[a];
        }
        return direction;
    }

    /// <summary>Soft policy iteration: pi'(a | s) proportional to pi(a | s) exp(eta A^pi(s, a) / (1 - gamma)).</summary>
    public static TabularPolicy SoftPolicyIteration(TabularMdp mdp, TabularPolicy policy, double gamma, double eta)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        ArgumentNullException.ThrowIfNull(policy);
        var advantage = PolicyEvaluation.Exact(mdp, policy, gamma).A;
        var logits = new double[mdp.StateCount, mdp.ActionCount];
        for (int s = 0; s < mdp.StateCount; s++)
            for (int a = 0; a < mdp.ActionCount; a++)
                logits[s, a] = Math.Log(policy.Probability(s, a)) + eta * advantage[s, a] / (1 - gamma);
        return TabularSoftmax.Policy(logits);
    }

    /// <summary>
    /// <paramref name="steps"/> exact steps theta += eta u from <paramref name="theta"/>, u the natural
    /// gradient w (natural = true) or the vanilla gradient grad J; returns J(pi) before the first step
    /// and after each (length steps + 1), and leaves the final theta in <paramref name="theta"/>.
    /// </summary>
    public static double[] Run(TabularMdp mdp, double[,] theta, double gamma, double eta, int steps, bool natural = true)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        ArgumentNullException.ThrowIfNull(theta);
        Guard.AtLeast(steps, 0, nameof(steps));
        if (!(eta > 0 && double.IsFinite(eta))) throw new ArgumentOutOfRangeException(nameof(eta), eta, "eta must be a positive finite number.");
        var objective = new double[steps + 1];
        objective[0] = ExactPolicyGradient.Objective(mdp, TabularSoftmax.Policy(theta), gamma);
        for (int k = 1; k <= steps; k++)
        {
            var u = natural ? Direction(mdp, theta, gamma) : ExactPolicyGradient.Gradient(mdp, theta, gamma);
            for (int s = 0; s < mdp.StateCount; s++)
                for (int a = 0; a < mdp.ActionCount; a++)
                    theta[s, a] += eta * u[s, a];
            objective[k] = ExactPolicyGradient.Objective(mdp, TabularSoftmax.Policy(theta), gamma);
        }
        return objective;
    }
}
