using Rl.Ppo;

namespace Rl.NaturalGradient;

/// <summary>
/// The mean KL divergence between the old and the new policy over the batch's states, exact per
/// state (no sampling of actions), the quantity TRPO's trust region bounds by delta:
/// <code>
///   KLbar(theta_old, theta) = (1/B) sum_i KL( pi_old(. | s_i) || pi_theta(. | s_i) )
///   categorical:        KL = sum_a p_a (log p_a - log q_a)
///   diagonal Gaussian:  KL = sum_j [ log sigma'_j - log sigma_j + (sigma_j^2 + (mu_j - mu'_j)^2) / (2 sigma'_j^2) - 1/2 ]
/// </code>
/// Its Hessian in theta at theta = theta_old is the Fisher matrix F, which is why the quadratic
/// model (1/2) d^T F d of this KL defines the natural step.
/// </summary>
public static class PolicyKl
{
    /// <summary>
    /// KLbar from the old outputs [B x out] and head parameters to the new ones, for
    /// <paramref name="head"/>'s kind of distribution.
    /// </summary>
    public static double Mean(ActionHead head, ReadOnlySpan<double> oldOutputs, ReadOnlySpan<double> oldHeadParameters,
        ReadOnlySpan<double> newOutputs, ReadOnlySpan<double> newHeadParameters)
    {
        ArgumentNullException.ThrowIfNull(head);
        int width = head.OutputSize;
        Guard.Length(newOutputs.Length, oldOutputs.Length, nameof(newOutputs), "the same [B x out] as oldOutputs");
        if (oldOutputs.IsEmpty || oldOutputs.Length % width != 0)
            throw new ArgumentException($"oldOutputs has length {oldOutputs.Length}, which is not B x {width} with B >= 1.", nameof(oldOutputs));
        int batch = oldOutputs.Length / width;
        double sum = 0.0;
        for (int i = 0; i < batch; i++)
        {
            var p = oldOutputs.Slice(i * width, width);
            var q = newOutputs.Slice(i * width, width);
            sum += head switch
            {
                CategoricalHead => Categorical(p, q),
                GaussianHead => Gaussian(p, oldHeadParameters, q, newHeadParameters),
                _ => throw new NotSupportedException($"no KL for {head.GetType().Name}"),
            };
        }
        return sum / batch;
    }

    /// <summary>KL = sum_a p_a (log p_a - log q_a), from logits, with log p = l - logsumexp(l).</summary>
    private static double Categorical(ReadOnlySpan<double> oldLogits, ReadOnlySpan<double> newLogits)
    {
        double oldNormaliser = Policies.Categorical.LogSumExp(oldLogits), newNormaliser = Policies.Categorical.LogSumExp(newLogits);
        double kl = 0.0;
        for (int a = 0; a < oldLogits.Length; a++)
        {
            double logP = oldLogits[a] - oldNormaliser;
            double p = Math.Exp(logP);
            if (p > 0) kl += p * (logP - (newLogits[a] - newNormaliser));
        }
        return kl;
    }

    /// <summary>The diagonal Gaussians' closed form, summed over the action dimensions.</summary>
    private static double Gaussian(ReadOnlySpan<double> oldMean, ReadOnlySpan<double> oldLogStd, ReadOnlySpan<double> newMean, ReadOnlySpan<double> newLogStd)
    {
        double kl = 0.0;
        for (int j = 0; j < oldMean.Length; j++)
        {
            double difference = oldMean[j] - newMean[j];
            kl += newLogStd[j] - oldLogStd[j]
                + (Math.Exp(2 * oldLogStd[j]) + difference * difference) / (2 * Math.Exp(2 * newLogStd[j])) - 0.5;
        }
        return kl;
    }
}
