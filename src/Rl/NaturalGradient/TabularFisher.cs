using MathNet.Numerics.LinearAlgebra;
using Rl.Tabular;

namespace Rl.NaturalGradient;

/// <summary>
/// The exact Fisher matrix of a tabular softmax policy under its discounted state distribution,
/// block diagonal with one A x A block per state (index s * A + a):
/// <code>
///   F = E_{s ~ d^pi, a ~ pi}[ grad log pi grad log pi^T ],   F_s = d^pi(s) (diag(pi_s) - pi_s pi_s^T)
/// </code>
/// Each block is singular (F_s 1 = 0: adding a constant to a state's theta leaves pi unchanged),
/// so the natural gradient is F^+ g, the minimum-norm solution.
/// </summary>
public static class TabularFisher
{
    /// <summary>F [SA x SA] at <paramref name="theta"/> [S x A], gamma in [0, 1).</summary>
    public static Matrix<double> Compute(TabularMdp mdp, double[,] theta, double gamma)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        var policy = TabularSoftmax.Policy(theta);
        var d = DiscountedStateDistribution.Compute(mdp, policy, gamma);
        int actions = mdp.ActionCount;
        var fisher = Matrix<double>.Build.Dense(mdp.StateCount * actions, mdp.StateCount * actions);
        for (int s = 0; s < mdp.StateCount; s++)
        {
            var pi = policy.ActionDistribution(s);
            for (int a = 0; a < actions; a++)
            {
                double others = 0.0;   // 1 - pi_a as the sum of the other probabilities: no cancellation near pi_a = 1
                for (int b = 0; b < actions; b++)
                {
                    if (b == a) continue;
                    others += pi[b];
                    fisher[s * actions + a, s * actions + b] = -d[s] * pi[a] * pi[b];
                }
                fisher[s * actions + a, s * actions + a] = d[s] * pi[a] * others;
            }
        }
        return fisher;
    }
}
