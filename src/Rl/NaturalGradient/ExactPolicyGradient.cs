using Rl.Tabular;

namespace Rl.NaturalGradient;

/// <summary>
/// The exact objective and policy gradient of a tabular softmax policy (no sampling):
/// <code>
///   J(theta) = sum_s mu(s) V^pi(s)
///   dJ / d theta_{s,a} = 1 / (1 - gamma) d^pi(s) pi(a | s) A^pi(s, a)
/// </code>
/// the policy gradient theorem, grad J = 1/(1 - gamma) E_{s ~ d^pi, a ~ pi}[grad log pi(a|s) A^pi(s,a)],
/// with the softmax's score 1[a = b] - pi(b | s) and sum_a pi(a | s) A^pi(s, a) = 0.
/// </summary>
public static class ExactPolicyGradient
{
    /// <summary>J(pi) = sum_s mu(s) V^pi(s), exactly (<see cref="PolicyEvaluation.Exact"/>).</summary>
    public static double Objective(TabularMdp mdp, TabularPolicy policy, double gamma)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        var v = PolicyEvaluation.Exact(mdp, policy, gamma).V;
        double j = 0.0;
        for (int s = 0; s < mdp.StateCount; s++) j += mdp.StartDistribution[s] * v[s];
        return j;
    }

    /// <summary>dJ / d theta [S x A] at <paramref name="theta"/>, gamma in [0, 1).</summary>
    public static double[,] Gradient(TabularMdp mdp, double[,] theta, double gamma)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        var policy = TabularSoftmax.Policy(theta);
        var d = DiscountedStateDistribution.Compute(mdp, policy, gamma);
        var advantage = PolicyEvaluation.Exact(mdp, policy, gamma).A;
        var gradient = new double[mdp.StateCount, mdp.ActionCount];
        for (int s = 0; s < mdp.StateCount; s++)
            for (int a = 0; a < mdp.ActionCount; a++)
                gradient[s, a] = d[s] * policy.Probability(s, a) * advantage[s, a] / (1 - gamma);
        return gradient;
    }
}
