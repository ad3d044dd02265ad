using Rl.Tabular;

namespace Rl.NaturalGradient;

/// <summary>
/// The tabular softmax policy, one parameter per state and action (Agarwal et al. 2021, section 4):
/// <code>
///   pi_theta(a | s) = exp(theta_{s,a}) / sum_b exp(theta_{s,b})
///   d log pi_theta(a | s) / d theta_{s',b} = 1[s = s'] (1[a = b] - pi_theta(b | s))
/// </code>
/// Every stochastic policy is one (up to a per-state constant in theta), which makes it the setting
/// where the exact gradient and Fisher can be written down and NPG's theory checked.
/// </summary>
public static class TabularSoftmax
{
    /// <summary>pi_theta for <paramref name="theta"/> [S x A], each row a softmax (shifted by its maximum).</summary>
    public static TabularPolicy Policy(double[,] theta)
    {
        ArgumentNullException.ThrowIfNull(theta);
        int states = theta.GetLength(0), actions = theta.GetLength(1);
        var probabilities = new double[states, actions];
        for (int s = 0; s < states; s++)
        {
            double max = double.NegativeInfinity;
            for (int a = 0; a < actions; a++)
            {
                if (!double.IsFinite(theta[s, a])) throw new ArgumentException($"theta[{s}, {a}] is {theta[s, a]}; every entry must be finite.", nameof(theta));
                max = Math.Max(max, theta[s, a]);
            }
            double sum = 0.0;
            for (int a = 0; a < actions; a++) sum += probabilities[s, a] = Math.Exp(theta[s, a] - max);
            for (int a = 0; a < actions; a++) probabilities[s, a] /= sum;
        }
        return new TabularPolicy(probabilities);
    }
}
