using MathNet.Numerics.Statistics;

namespace Rl.Advantages;

/// <summary>
/// The result of a Monte Carlo advantage estimator: one sample per repetition, their mean (the
/// estimate) and how far that mean may be off (its standard error).
/// </summary>
/// <param name="Samples">One unbiased sample of A^pi(s, a) per repetition.</param>
public sealed record AdvantageEstimate(double[] Samples)
{
    /// <summary>The estimate of A^pi(s, a): the mean of the samples.</summary>
    public double Mean => Samples.Mean();

    /// <summary>The sample variance of one repetition (n - 1 in the denominator).</summary>
    public double Variance => Samples.Variance();

    /// <summary>The standard error of <see cref="Mean"/>: sqrt(Variance / n).</summary>
    public double StandardError => Math.Sqrt(Variance / Samples.Length);
}
