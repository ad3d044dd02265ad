using Rl.Tabular;

namespace Rl.NaturalGradient;

/// <summary>
/// The KL divergence between two tabular policies, averaged over the old policy's discounted state
/// distribution (weighted as <see cref="TabularFisher"/> is, so its Hessian at pi_new = pi_old is F):
/// <code>
///   KL_d(pi_old, pi_new) = sum_s d^pi_old(s) sum_a pi_old(a | s) (log pi_old(a | s) - log pi_new(a | s))
///                       ~= (1/2) (theta_new - theta_old)^T F (theta_new - theta_old)   for a small step
/// </code>
/// The exact counterpart of the mean KL over a batch's states that TRPO's trust region bounds.
/// </summary>
public static class TabularKl
{
    /// <summary>KL_d from <paramref name="oldTheta"/>'s policy to <paramref name="newTheta"/>'s, gamma in [0, 1).</summary>
    public static double Mean(TabularMdp mdp, double[,] oldTheta, double[,] newTheta, double gamma)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        ArgumentNullException.ThrowIfNull(oldTheta);
        ArgumentNullException.ThrowIfNull(newTheta);
        ExactClippedSurrogate.CheckShape(mdp, oldTheta, nameof(oldTheta));
        ExactClippedSurrogate.CheckShape(mdp, newTheta, nameof(newTheta));
        var oldPolicy = TabularSoftmax.Policy(oldTheta);
        var newPolicy = TabularSoftmax.Policy(newTheta);
        var d = DiscountedStateDistribution.Compute(mdp, oldPolicy, gamma);
        double kl = 0.0;
        for (int s = 0; s < mdp.StateCount; s++)
        {
            if (d[s] == 0) continue;
            double perState = 0.0;
            for (int a = 0; a < mdp.ActionCount; a++)
            {
                double p = oldPolicy.Probability(s, a);
                if (p > 0) perState += p * (Math.Log(p) - Math.Log(newPolicy.Probability(s, a)));
            }
            kl += d[s] * perState;
        }
        return kl;
    }
}
