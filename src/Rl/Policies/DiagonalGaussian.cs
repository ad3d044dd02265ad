namespace Rl.Policies;

/// <summary>
/// The policy head for a continuous action space (Pendulum: d = 1): the network outputs the mean
/// mu(s) [d], and a state-independent parameter vector log sigma [d] (initialised to 0) gives the
/// standard deviations, so the d action dimensions are independent normals:
/// <code>
///   pi(a | s) = prod_i N(a_i; mu_i, sigma_i^2),   sigma_i = exp(log sigma_i)
/// </code>
/// This file holds the log-probability and entropy, each with its gradients right below it;
/// <c>DiagonalGaussian.Sampling.cs</c> draws actions and <c>DiagonalGaussian.Batch.cs</c> runs a
/// minibatch [B x d]. CleanRL's <c>ppo_continuous_action.py</c> does the same with
/// <c>torch.distributions.Normal(mean, exp(logstd))</c>, summing log-probs and entropies over dimensions.
/// </summary>
/// <remarks>
/// The network learns log sigma rather than sigma so that sigma = exp(log sigma) stays positive
/// without a constraint. The formulas use the standardised action z_i = (a_i - mu_i) / sigma_i,
/// computed as (a_i - mu_i) exp(-log sigma_i). The gradient methods add into the spans they are given.
/// </remarks>
public static partial class DiagonalGaussian
{
    /// <summary>0.5 log(2 pi), the normal density's constant.</summary>
    private const double HalfLogTwoPi = 0.918938533204672741780329736406;

    /// <summary>
    /// log pi(a) summed over the action dimensions:
    /// <code>
    ///   log pi(a) = sum_i [ -(a_i - mu_i)^2 / (2 sigma_i^2) - log sigma_i - 0.5 log(2 pi) ]
    /// </code>
    /// </summary>
    public static double LogProbability(ReadOnlySpan<double> mean, ReadOnlySpan<double> logStd, ReadOnlySpan<double> action)
    {
        Validate(mean, logStd, action);
        return LogProbabilityOfRow(mean, logStd, action);
    }

    /// <summary>
    /// Adds <paramref name="scale"/> times the gradients of log pi(a) to <paramref name="meanGradient"/>
    /// [d] and <paramref name="logStdGradient"/> [d]:
    /// <code>
    ///   d log pi(a) / d mu_i        = (a_i - mu_i) / sigma_i^2
    ///   d log pi(a) / d log sigma_i = (a_i - mu_i)^2 / sigma_i^2 - 1
    /// </code>
    /// The trainer passes scale = dLoss/d log pi(a).
    /// </summary>
    public static void AddLogProbabilityGradient(
        ReadOnlySpan<double> mean, ReadOnlySpan<double> logStd, ReadOnlySpan<double> action, double scale,
        Span<double> meanGradient, Span<double> logStdGradient)
    {
        Validate(mean, logStd, action);
        Guard.Finite(scale, nameof(scale));
        Guard.Length(meanGradient.Length, mean.Length, nameof(meanGradient), "one partial derivative per action dimension");
        Guard.Length(logStdGradient.Length, mean.Length, nameof(logStdGradient), "one partial derivative per action dimension");
        AddGradientOfRow(mean, logStd, action, scale, 0.0, meanGradient, logStdGradient);
    }

    /// <summary>
    /// The entropy, summed over the action dimensions; it does not depend on the state or the mean:
    /// <code>
    ///   H = sum_i (0.5 + 0.5 log(2 pi) + log sigma_i)
    /// </code>
    /// Unlike a discrete entropy it can be negative (once sigma_i &lt; 0.242).
    /// </summary>
    public static double Entropy(ReadOnlySpan<double> logStd)
    {
        ValidateLogStd(logStd);
        double entropy = 0.0;
        for (int i = 0; i < logStd.Length; i++) entropy += 0.5 + HalfLogTwoPi + logStd[i];
        return entropy;
    }

    /// <summary>
    /// Adds <paramref name="scale"/> times the gradient of the entropy to <paramref name="logStdGradient"/>:
    /// <code>
    ///   dH / d log sigma_i = 1,   dH / d mu_i = 0
    /// </code>
    /// The trainer passes scale = dLoss/dH, e.g. -c_ent / B for each of the B rows of the loss -c_ent mean_b H_b.
    /// </summary>
    public static void AddEntropyGradient(ReadOnlySpan<double> logStd, double scale, Span<double> logStdGradient)
    {
        ValidateLogStd(logStd);
        Guard.Finite(scale, nameof(scale));
        Guard.Length(logStdGradient.Length, logStd.Length, nameof(logStdGradient), "one partial derivative per action dimension");
        for (int i = 0; i < logStd.Length; i++) logStdGradient[i] += scale;
    }

    /// <summary>log pi(a) = sum_i (-z_i^2 / 2 - log sigma_i - 0.5 log(2 pi)), z_i = (a_i - mu_i) exp(-log sigma_i). Inputs are validated.</summary>
    private static double LogProbabilityOfRow(ReadOnlySpan<double> mean, ReadOnlySpan<double> logStd, ReadOnlySpan<double> action)
    {
        double logProbability = 0.0;
        for (int i = 0; i < mean.Length; i++)
        {
            double z = (action[i] - mean[i]) * Math.Exp(-logStd[i]);
            logProbability += -0.5 * z * z - logStd[i] - HalfLogTwoPi;
        }
        return logProbability;
    }

    /// <summary>
    /// The one backward pass: meanGradient_i += s_lp z_i / sigma_i and logStdGradient_i += s_lp (z_i^2 - 1) + s_H.
    /// Inputs are validated.
    /// </summary>
    private static void AddGradientOfRow(
        ReadOnlySpan<double> mean, ReadOnlySpan<double> logStd, ReadOnlySpan<double> action,
        double logProbabilityScale, double entropyScale, Span<double> meanGradient, Span<double> logStdGradient)
    {
        for (int i = 0; i < mean.Length; i++)
        {
            double inverseSigma = Math.Exp(-logStd[i]);
            double z = (action[i] - mean[i]) * inverseSigma;
            meanGradient[i] += logProbabilityScale * z * inverseSigma;
            logStdGradient[i] += logProbabilityScale * (z * z - 1.0) + entropyScale;
        }
    }

    /// <summary>At least one dimension, every log sigma_i finite.</summary>
    private static void ValidateLogStd(ReadOnlySpan<double> logStd)
    {
        if (logStd.IsEmpty)
            throw new ArgumentException("logStd must not be empty (an action has at least one dimension).", nameof(logStd));
        Guard.Finite(logStd, nameof(logStd));
    }

    /// <summary>One row: finite mean [d], log sigma [d] and action [d].</summary>
    private static void Validate(ReadOnlySpan<double> mean, ReadOnlySpan<double> logStd, ReadOnlySpan<double> action)
    {
        ValidateMean(mean, logStd);
        Guard.Length(action.Length, logStd.Length, nameof(action), "one entry per action dimension");
        Guard.Finite(action, nameof(action));
    }

    /// <summary>Finite mean [d] and log sigma [d].</summary>
    private static void ValidateMean(ReadOnlySpan<double> mean, ReadOnlySpan<double> logStd)
    {
        ValidateLogStd(logStd);
        Guard.Length(mean.Length, logStd.Length, nameof(mean), "one mean per entry of logStd");
        Guard.Finite(mean, nameof(mean));
    }
}
