using MathNet.Numerics.LinearAlgebra;
using Rl.Ppo;

namespace Rl.NaturalGradient;

/// <summary>
/// M, the Fisher information of the action distribution in the space of its own parameters (the
/// policy head's outputs), M = E_a[ grad log pi(a) grad log pi(a)^T ]:
/// <code>
///   categorical over logits l, p = softmax(l):   M = diag(p) - p p^T          (M u = p . u - p (p^T u))
///   diagonal Gaussian over (mu, log sigma):       M = diag(1 / sigma^2, ..., 2, ...)
/// </code>
/// (for the Gaussian: E[(a - mu)^2 / sigma^4] = 1 / sigma^2 on the mean, E[(z^2 - 1)^2] = 2 on each
/// log sigma, and E[z (z^2 - 1)] / sigma = 0 between them). The Fisher in theta is
/// F = E_s[ J^T M J ] with J = d(head parameters) / d theta.
/// </summary>
public static class DistributionFisher
{
    /// <summary>M u for one row of categorical logits: p_j u_j - p_j sum_k p_k u_k.</summary>
    public static void CategoricalProduct(ReadOnlySpan<double> logits, ReadOnlySpan<double> u, Span<double> result)
    {
        // BEGIN SOLUTION: M u = diag(p) u - p (p^T u) with p = softmax(logits) (Policies.Categorical.Probabilities): result_j = p_j (u_j - sum_k p_k u_k).
        Span<double> p = stackalloc double[logits.Length];
        Policies.Categorical.Probabilities(logits, p);
        double pu = 0.0;
        for (int j = 0; j < p.Length; j++) pu += p[j] * u[j];
        for (int j = 0; j < p.Length; j++) result[j] = p[j] * (u[j] - pu);
        // END SOLUTION
    }

    /// <summary>M u on the Gaussian's mean: u_j / sigma_j^2 = u_j exp(-2 log sigma_j).</summary>
    public static void GaussianMeanProduct(ReadOnlySpan<double> logStd, ReadOnlySpan<double> u, Span<double> result)
    {
        for (int j = 0; j < logStd.Length; j++) result[j] = u[j] * Math.Exp(-2 * logStd[j]);
    }

    /// <summary>The Fisher of a Gaussian in each log sigma_j: E[(z^2 - 1)^2] = 2, whatever sigma.</summary>
    public const double GaussianLogStd = 2.0;

    /// <summary>
    /// M as a matrix over the distribution's parameters [outputs | head parameters]: diag(p) - p p^T
    /// for a categorical head, diag(1 / sigma^2 | 2) for a Gaussian one.
    /// </summary>
    public static Matrix<double> Matrix(ActionHead head, ReadOnlySpan<double> outputs, ReadOnlySpan<double> headParameters)
    {
        ArgumentNullException.ThrowIfNull(head);
        int n = head.OutputSize, h = head.Parameters.Length;
        var m = Matrix<double>.Build.Dense(n + h, n + h);
        switch (head)
        {
            case CategoricalHead:
                Span<double> p = stackalloc double[n];
                Policies.Categorical.Probabilities(outputs, p);
                for (int j = 0; j < n; j++)
                    for (int k = 0; k < n; k++)
                        m[j, k] = (j == k ? p[j] : 0.0) - p[j] * p[k];
                break;
            case GaussianHead:
                for (int j = 0; j < n; j++)
                {
                    m[j, j] = Math.Exp(-2 * headParameters[j]);
                    m[n + j, n + j] = GaussianLogStd;
                }
                break;
            default:
                throw new NotSupportedException($"no Fisher for {head.GetType().Name}");
        }
        return m;
    }
}
