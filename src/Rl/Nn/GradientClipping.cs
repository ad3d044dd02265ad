namespace Rl.Nn;

/// <summary>
/// Clipping by the global gradient norm, as PyTorch's <c>torch.nn.utils.clip_grad_norm_</c>:
/// <code>
///   total = sqrt(sum over every gradient entry g of g^2)
///   if max / (total + 1e-6) &lt; 1:  g *= max / (total + 1e-6)   for every entry
/// </code>
/// The direction of the whole gradient is kept; only its length is capped, at (just under) max.
/// PPO uses max = 0.5 over the actor and critic together, a guard against the rare huge
/// gradient that would throw the policy far outside the trust region in one step.
/// </summary>
public static class GradientClipping
{
    /// <summary>Added to the norm before dividing, as PyTorch does, so a zero gradient stays finite.</summary>
    public const double Epsilon = 1e-6;

    /// <summary>
    /// Scales all of <paramref name="gradients"/> together so that their joint Euclidean norm is at
    /// most <paramref name="maxNorm"/>, and returns the norm before clipping (worth logging).
    /// </summary>
    /// <param name="maxNorm">max: at least 0 (positive infinity never clips).</param>
    /// <param name="gradients">One or more gradient arrays, e.g. the actor's and the critic's.</param>
    public static double ClipGlobalNorm(double maxNorm, params ReadOnlySpan<double[]> gradients)
    {
        if (!(maxNorm >= 0.0)) throw new ArgumentOutOfRangeException(nameof(maxNorm), maxNorm, "maxNorm must be at least 0.");
        double sumOfSquares = 0.0;
        foreach (var g in gradients)
        {
            ArgumentNullException.ThrowIfNull(g, nameof(gradients));
            sumOfSquares += SimdKernels.SumOfSquares(g);
        }
        double total = Math.Sqrt(sumOfSquares);
        double coefficient = maxNorm / (total + Epsilon);
        if (coefficient < 1.0)
            foreach (var g in gradients) SimdKernels.Scale(g, coefficient);
        return total;
    }
}
