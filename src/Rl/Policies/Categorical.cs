namespace Rl.Policies;

/// <summary>
/// The policy head for a discrete action space (CartPole: 2 actions): the network's n outputs for
/// one state are the logits l_0 .. l_{n-1}, and
/// <code>
///   pi(a | s) = p_a = exp(l_a) / sum_j exp(l_j)          (softmax)
///   log pi(a | s) = l_a - logsumexp(l)                   (log-softmax)
/// </code>
/// This file holds one row's log-probability and entropy, each with its gradient with respect to
/// the logits right below it; <c>Categorical.Sampling.cs</c> draws actions and
/// <c>Categorical.Batch.cs</c> runs a minibatch [B x n]. CleanRL's <c>ppo.py</c> does the same with
/// <c>torch.distributions.Categorical(logits=...)</c> and autograd.
/// </summary>
/// <remarks>
/// Numerical stability: every formula works with the shifted logits z_j = l_j - max_k l_k &lt;= 0, so
/// exp(z_j) never overflows and the largest term is exactly 1. Logits must be finite; their
/// differences may still overflow (l = [1e308, -1e308]), in which case the dropped action has
/// exp(z) = 0 and log-probability -inf, and the terms p log p with p = 0 are taken as their limit 0.
/// The gradient methods add into the span they are given (<c>gradient[j] += ...</c>), so the PPO
/// loss -(surrogate) - c_ent H can be backpropagated without temporaries.
/// </remarks>
public static partial class Categorical
{
    /// <summary>
    /// logsumexp(l) = log sum_j exp(l_j), computed stably as max_j l_j + log sum_j exp(l_j - max_j l_j).
    /// </summary>
    public static double LogSumExp(ReadOnlySpan<double> logits)
    {
        Validate(logits);
        double max = Max(logits);
        return max + Math.Log(SumExp(logits, max));
    }

    /// <summary>
    /// Writes the probabilities p_j = exp(l_j - max) / sum_k exp(l_k - max) (the softmax) into
    /// <paramref name="probabilities"/>, of the same length as <paramref name="logits"/>.
    /// </summary>
    public static void Probabilities(ReadOnlySpan<double> logits, Span<double> probabilities)
    {
        Validate(logits);
        Guard.Length(probabilities.Length, logits.Length, nameof(probabilities), "one probability per logit");
        double max = Max(logits);
        double sum = SumExp(logits, max);
        for (int j = 0; j < logits.Length; j++) probabilities[j] = Math.Exp(logits[j] - max) / sum;
    }

    /// <summary>
    /// log pi(a) = l_a - logsumexp(l) = z_a - log sum_j exp(z_j), with z = l - max l.
    /// </summary>
    public static double LogProbability(ReadOnlySpan<double> logits, int action)
    {
        Validate(logits, action);
        var (max, logSum, _) = Moments(logits);
        return LogProbability(logits, action, max, logSum);
    }

    /// <summary>log pi(a) = (l_a - max) - log sum_j exp(z_j), given the two from <see cref="Moments"/>.</summary>
    private static double LogProbability(ReadOnlySpan<double> logits, int action, double max, double logSum) =>
        (logits[action] - max) - logSum;

    /// <summary>
    /// Adds <paramref name="scale"/> times the gradient of log pi(a) with respect to the logits to
    /// <paramref name="gradient"/>:
    /// <code>
    ///   d log pi(a) / d l_j = 1[j = a] - p_j
    /// </code>
    /// (the score function of the softmax). The trainer passes scale = dLoss/d log pi(a).
    /// </summary>
    public static void AddLogProbabilityGradient(ReadOnlySpan<double> logits, int action, double scale, Span<double> gradient)
    {
        Validate(logits, action);
        ValidateGradient(logits, scale, gradient);
        AddGradient(logits, action, scale, 0.0, gradient);
    }

    /// <summary>
    /// The entropy H = -sum_j p_j log p_j = log sum_j exp(z_j) - sum_j p_j z_j, with z = l - max l;
    /// 0 for a deterministic policy, log n for the uniform one. PPO adds c_ent H to its objective so
    /// that the policy does not collapse early.
    /// </summary>
    public static double Entropy(ReadOnlySpan<double> logits)
    {
        Validate(logits);
        return Moments(logits).Entropy;
    }

    /// <summary>
    /// Adds <paramref name="scale"/> times the gradient of the entropy with respect to the logits to
    /// <paramref name="gradient"/>:
    /// <code>
    ///   dH / d l_j = -p_j (log p_j + H)
    /// </code>
    /// The trainer passes scale = dLoss/dH, e.g. -c_ent / B for the loss -c_ent mean_b H_b.
    /// </summary>
    public static void AddEntropyGradient(ReadOnlySpan<double> logits, double scale, Span<double> gradient)
    {
        Validate(logits);
        ValidateGradient(logits, scale, gradient);
        AddGradient(logits, NoAction, 0.0, scale, gradient);
    }

    /// <summary>An action index that no logit has: <see cref="AddGradient"/> then skips the 1[j = a] term.</summary>
    private const int NoAction = -1;

    /// <summary>
    /// The one backward pass behind both gradients: gradient_j += s_lp (1[j = a] - p_j) - s_H p_j (log p_j + H).
    /// Inputs are already validated.
    /// </summary>
    private static void AddGradient(ReadOnlySpan<double> logits, int action, double logProbabilityScale, double entropyScale, Span<double> gradient)
    {
        var (max, logSum, entropy) = Moments(logits);
        for (int j = 0; j < logits.Length; j++)
        {
            double z = logits[j] - max;
            double p = Math.Exp(z - logSum);
            double g = -logProbabilityScale * p;
            if (p > 0) g -= entropyScale * p * (z - logSum + entropy); // p log p -> 0 as p -> 0
            gradient[j] += g;
        }
        if (action != NoAction) gradient[action] += logProbabilityScale;
    }

    /// <summary>
    /// One forward pass: the shift max_j l_j, log sum_j exp(z_j), and H = log sum_j exp(z_j) - sum_j p_j z_j.
    /// </summary>
    private static (double Max, double LogSum, double Entropy) Moments(ReadOnlySpan<double> logits)
    {
        double max = Max(logits);
        double sum = 0.0, weighted = 0.0; // sum_j exp(z_j) and sum_j exp(z_j) z_j
        for (int j = 0; j < logits.Length; j++)
        {
            double z = logits[j] - max;
            double e = Math.Exp(z);
            sum += e;
            if (e > 0) weighted += e * z; // z may be -inf when the difference overflows
        }
        double logSum = Math.Log(sum);
        return (max, logSum, logSum - weighted / sum);
    }

    private static double Max(ReadOnlySpan<double> logits)
    {
        double max = logits[0];
        for (int j = 1; j < logits.Length; j++)
            if (logits[j] > max) max = logits[j];
        return max;
    }

    /// <summary>sum_j exp(l_j - max) &gt;= 1: the term of the largest logit is exactly 1.</summary>
    private static double SumExp(ReadOnlySpan<double> logits, double max)
    {
        double sum = 0.0;
        for (int j = 0; j < logits.Length; j++) sum += Math.Exp(logits[j] - max);
        return sum;
    }

    /// <summary>At least one logit, every logit finite.</summary>
    private static void Validate(ReadOnlySpan<double> logits)
    {
        if (logits.IsEmpty)
            throw new ArgumentException("logits must not be empty (an action space has at least one action).", nameof(logits));
        Guard.Finite(logits, nameof(logits));
    }

    /// <summary>Valid logits and an action index in [0, n).</summary>
    private static void Validate(ReadOnlySpan<double> logits, int action)
    {
        Validate(logits);
        if ((uint)action >= (uint)logits.Length)
            throw new ArgumentOutOfRangeException(nameof(action), action, $"action must be an action index in [0, {logits.Length}).");
    }

    private static void ValidateGradient(ReadOnlySpan<double> logits, double scale, Span<double> gradient)
    {
        Guard.Finite(scale, nameof(scale));
        Guard.Length(gradient.Length, logits.Length, nameof(gradient), "one partial derivative per logit");
    }
}
