namespace Rl.Advantages;

/// <summary>
/// The n-step advantage estimators of lecture item 4:
/// <code>
///   A^(k)(s_h, a_h) = sum_{l=0}^{k-1} gamma^l r_{h+l} + gamma^k V(s_{h+k}) - V(s_h)
/// </code>
/// A^(1) = BE_h has low variance but is as biased as V is wrong; each extra step replaces one
/// bootstrapped V by a sampled reward, so the bias of the bootstrap term shrinks like gamma^k while
/// the variance grows. Where h + k passes the end of the trajectory the estimator uses what is left:
/// the remaining rewards plus the discounted bootstrap value V(s_H), so any k &gt;= H gives
/// A^(inf)_h = (Monte Carlo return from h) - V(s_h).
/// </summary>
public static class NStep
{
    /// <summary>A^(k)_0 .. A^(k)_{H-1}; k &gt;= 1. Cost O(H min(k, H)).</summary>
    public static double[] Compute(ReadOnlySpan<double> rewards, ReadOnlySpan<double> values, double gamma, int k)
    {
        var advantages = new double[rewards.Length];
        Compute(rewards, values, gamma, k, advantages);
        return advantages;
    }

    /// <summary>Writes A^(k)_0 .. A^(k)_{H-1} into <paramref name="advantages"/> (length H).</summary>
    public static void Compute(ReadOnlySpan<double> rewards, ReadOnlySpan<double> values, double gamma, int k, Span<double> advantages)
    {
        Trajectories.Validate(rewards, values, gamma);
        Guard.AtLeast(k, 1, nameof(k));
        Guard.Length(advantages.Length, rewards.Length, nameof(advantages), "one advantage per reward");
        // BEGIN SOLUTION: for each h, A^(k)_h = sum_{l<k'} gamma^l r_{h+l} + gamma^k' V(s_{h+k'}) - V(s_h) with k' = min(k, H - h); Series computes A^(1)_h .. A^(n)_h in one pass.
        int horizon = rewards.Length;
        Span<double> series = new double[Math.Min(k, horizon)];
        for (int h = 0; h < horizon; h++)
        {
            int steps = Math.Min(k, horizon - h);
            Series(rewards, values, gamma, h, series[..steps]);
            advantages[h] = series[steps - 1];
        }
        // END SOLUTION
    }

    /// <summary>
    /// Writes A^(1)_h, A^(2)_h, ..., A^(n)_h into <paramref name="estimates"/> (n = its length, at most
    /// H - h) in one pass, keeping the running discounted reward sum sum_{l&lt;j} gamma^l r_{h+l}.
    /// Shared by <see cref="Compute(ReadOnlySpan{double}, ReadOnlySpan{double}, double, int)"/> and
    /// <see cref="Gae.ByDefinition(ReadOnlySpan{double}, ReadOnlySpan{double}, double, double)"/>.
    /// </summary>
    internal static void Series(ReadOnlySpan<double> rewards, ReadOnlySpan<double> values, double gamma, int h, Span<double> estimates)
    {
        // BEGIN SOLUTION: keep a running sum of gamma^l r_{h+l} and a running gamma^j; estimates[j - 1] = that sum + gamma^j V(s_{h+j}) - V(s_h).
        double discountedRewards = 0.0; // sum_{l<j} gamma^l r_{h+l}
        double discount = 1.0;          // gamma^j
        for (int j = 1; j <= estimates.Length; j++)
        {
            discountedRewards += discount * rewards[h + j - 1];
            discount *= gamma;
            estimates[j - 1] = discountedRewards + discount * values[h + j] - values[h];
        }
        // END SOLUTION
    }
}
