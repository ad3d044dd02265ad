namespace Rl.Ppo;

/// <summary>
/// PPO's clipped surrogate objective (lecture item 0 and item 8, step 4), as a loss to minimise over a
/// minibatch of B samples:
/// <code>
///   rho_i = pi_theta(a_i | s_i) / pi_theta_t(a_i | s_i) = exp(logp_i - logp_old_i)
///   l_pi  = (1/B) sum_i max( -A_i rho_i,  -A_i clip(rho_i, 1 - eps, 1 + eps) )
///         = -(1/B) sum_i min( rho_i A_i, clip(rho_i, 1 - eps, 1 + eps) A_i )
/// </code>
/// The ratio is formed from log-probabilities (exp of a difference), never as a quotient of two
/// probabilities, which would underflow. The mean over the minibatch replaces the lecture's sum (the
/// scale goes into the learning rate), as in CleanRL and the PPO paper.
/// </summary>
public static class ClippedSurrogate
{
    /// <summary>
    /// The loss, and its gradient with respect to each new log-probability written into
    /// <paramref name="gradient"/>:
    /// <code>
    ///   d l_pi / d logp_i = -(1/B) A_i rho_i   where the unclipped term is the smaller objective,
    ///                     = 0                  where clipping is active:
    ///                                          A_i &gt; 0 and rho_i &gt; 1 + eps, or A_i &lt; 0 and rho_i &lt; 1 - eps.
    /// </code>
    /// With every rho_i = 1 (the first minibatch of an update) this is the plain policy gradient
    /// -(1/B) A_i d logp_i. Also returns the diagnostics PPO logs: the fraction of samples with
    /// |rho - 1| &gt; eps, and the approximate KL divergence KL(pi_old || pi) by the k3 estimator
    /// (1/B) sum_i [(rho_i - 1) - log rho_i] (Schulman, "Approximating KL divergence", 2020), which is
    /// non-negative sample by sample.
    /// </summary>
    public static SurrogateResult Compute(
        ReadOnlySpan<double> logProbabilities, ReadOnlySpan<double> oldLogProbabilities, ReadOnlySpan<double> advantages,
        double clip, Span<double> gradient)
    {
        Guard.NotEmpty(logProbabilities, nameof(logProbabilities));
        int batch = logProbabilities.Length;
        Guard.Length(oldLogProbabilities.Length, batch, nameof(oldLogProbabilities), "one per sample, like logProbabilities");
        Guard.Length(advantages.Length, batch, nameof(advantages), "one per sample, like logProbabilities");
        Guard.Length(gradient.Length, batch, nameof(gradient), "one per sample, like logProbabilities");
        if (!(clip >= 0.0 && double.IsFinite(clip)))
            throw new ArgumentOutOfRangeException(nameof(clip), clip, "clip (epsilon) must be finite and non-negative.");

        // BEGIN SOLUTION: per sample, rho = exp(logp - logp_old); loss += max(-A rho, -A clip(rho, 1 - eps, 1 + eps)); gradient = -A rho / B where the unclipped term is the larger loss, else 0; return the means of loss, of |rho - 1| > eps and of (rho - 1) - log rho.
        double loss = 0.0, clipped = 0.0, approxKl = 0.0;
        double perSample = 1.0 / batch;
        for (int i = 0; i < batch; i++)
        {
            double logRatio = logProbabilities[i] - oldLogProbabilities[i];
            double ratio = Math.Exp(logRatio);
            double advantage = advantages[i];
            double unclippedLoss = -advantage * ratio;
            double clippedLoss = -advantage * Math.Clamp(ratio, 1.0 - clip, 1.0 + clip);
            bool clippingActive = clippedLoss > unclippedLoss;
            loss += clippingActive ? clippedLoss : unclippedLoss;
            gradient[i] = clippingActive ? 0.0 : unclippedLoss * perSample; // d(-A rho)/d logp = -A rho
            if (Math.Abs(ratio - 1.0) > clip) clipped++;
            approxKl += ratio - 1.0 - logRatio;
        }
        var result = new SurrogateResult(loss * perSample, clipped * perSample, approxKl * perSample);
        if (!double.IsFinite(result.Loss))
            throw new ArgumentException("the surrogate loss is not finite: some log-probability or advantage is NaN or infinite, or a ratio overflowed.", nameof(logProbabilities));
        return result;
        // END SOLUTION
    }
}

/// <summary>What one evaluation of the clipped surrogate gives.</summary>
/// <param name="Loss">l_pi, the minibatch mean of max(-A rho, -A clip(rho)).</param>
/// <param name="ClipFraction">The fraction of samples whose ratio left [1 - eps, 1 + eps].</param>
/// <param name="ApproxKl">The k3 estimate of KL(pi_old || pi): mean of (rho - 1) - log rho.</param>
public readonly record struct SurrogateResult(double Loss, double ClipFraction, double ApproxKl);
