namespace Rl.Ppo;

/// <summary>
/// The critic's regression loss (lecture item 8, step 5), over a minibatch of B samples with targets
/// y_i = A^gae_i + V_old(s_i):
/// <code>
///   unclipped:  l_V = (1/2) (1/B) sum_i (V(s_i) - y_i)^2
///   clipped:    l_V = (1/2) (1/B) sum_i max( (V - y)^2, (V_old + clip(V - V_old, -eps, eps) - y)^2 )
/// </code>
/// The 1/2 makes the gradient V - y (CleanRL's convention; the value coefficient c_V scales it in the
/// combined loss). Clipping, from OpenAI's baselines, keeps the new value within eps of the value
/// the rollout was collected with, the critic's analogue of the ratio clip; where the clipped term
/// is the larger, the loss is flat in V and its gradient is 0.
/// </summary>
public static class ValueLoss
{
    /// <summary>
    /// The loss, with d l_V / d V_i written into <paramref name="gradient"/>; pass
    /// <paramref name="clip"/> = null for the unclipped loss (then <paramref name="oldValues"/> is
    /// not read and may be empty).
    /// </summary>
    public static double Compute(
        ReadOnlySpan<double> values, ReadOnlySpan<double> oldValues, ReadOnlySpan<double> targets, double? clip,
        Span<double> gradient)
    {
        Guard.NotEmpty(values, nameof(values));
        int batch = values.Length;
        Guard.Length(targets.Length, batch, nameof(targets), "one per sample, like values");
        Guard.Length(gradient.Length, batch, nameof(gradient), "one per sample, like values");
        if (clip is double c)
        {
            Guard.Length(oldValues.Length, batch, nameof(oldValues), "one per sample, like values, when clipping");
            if (!(c >= 0.0 && double.IsFinite(c)))
                throw new ArgumentOutOfRangeException(nameof(clip), c, "clip must be finite and non-negative, or null for no clipping.");
        }

        // BEGIN SOLUTION: l_V = (1/2) mean of (V - y)^2, or with clip of max((V - y)^2, (V_old + clip(V - V_old, -eps, eps) - y)^2); gradient[i] = d l_V / d V_i (mind the 1/2 and the 1/B).
        double loss = 0.0, perSample = 1.0 / batch;
        for (int i = 0; i < batch; i++)
        {
            double error = values[i] - targets[i];
            double squared = error * error;
            double slope = error; // d (1/2)(V - y)^2 / dV
            if (clip is double eps)
            {
                double step = values[i] - oldValues[i];
                double clippedError = oldValues[i] + Math.Clamp(step, -eps, eps) - targets[i];
                double clippedSquared = clippedError * clippedError;
                if (clippedSquared > squared)
                {
                    squared = clippedSquared;
                    slope = Math.Abs(step) <= eps ? clippedError : 0.0; // clamp passes the gradient only inside
                }
            }
            loss += squared;
            gradient[i] = slope * perSample;
        }
        loss *= 0.5 * perSample;
        if (!double.IsFinite(loss))
            throw new ArgumentException("the value loss is not finite: some value or target is NaN or infinite.", nameof(values));
        return loss;
        // END SOLUTION
    }
}
