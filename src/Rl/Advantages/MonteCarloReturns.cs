namespace Rl.Advantages;

/// <summary>
/// Monte Carlo returns (reward-to-go), the regression targets of lecture item 3:
/// <code>
///   y_h = sum_{l=h}^{H-1} gamma^(l-h) r_l + gamma^(H-h) V(s_H)
/// </code>
/// where V(s_H) is the bootstrap value: 0 if the episode terminated, an estimate of V of the last
/// state if it was truncated. With V(s_H) = 0 on a terminated episode, y_h is an unbiased sample of
/// V^pi(s_h), but a noisy one: it sums the randomness of every later step.
/// </summary>
public static class MonteCarloReturns
{
    /// <summary>y_0 .. y_{H-1} for rewards r_0 .. r_{H-1} and the bootstrap value V(s_H).</summary>
    public static double[] Compute(ReadOnlySpan<double> rewards, double bootstrapValue, double gamma)
    {
        var returns = new double[rewards.Length];
        Compute(rewards, bootstrapValue, gamma, returns);
        return returns;
    }

    /// <summary>
    /// Writes y_0 .. y_{H-1} into <paramref name="returns"/>, backwards:
    /// y_{H-1} = r_{H-1} + gamma V(s_H); y_h = r_h + gamma y_{h+1}.
    /// </summary>
    public static void Compute(ReadOnlySpan<double> rewards, double bootstrapValue, double gamma, Span<double> returns)
    {
        Guard.NotEmpty(rewards, nameof(rewards));
        Guard.UnitInterval(gamma, nameof(gamma));
        Guard.Finite(rewards, nameof(rewards));
        Guard.Finite(bootstrapValue, nameof(bootstrapValue));
        Guard.Length(returns.Length, rewards.Length, nameof(returns), "one return per reward");
        double next = bootstrapValue;
        for (int h = rewards.Length - 1; h >= 0; h--)
        {
            next = rewards[h] + gamma * next;
            returns[h] = next;
        }
    }
}
