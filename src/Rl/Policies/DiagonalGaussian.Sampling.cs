using Rl.Random;

namespace Rl.Policies;

public static partial class DiagonalGaussian
{
    /// <summary>
    /// Draws a ~ pi into <paramref name="action"/> [d]: a_i = mu_i + sigma_i eps_i with eps_i =
    /// <see cref="Rng.NextGaussian"/>, one per dimension in order. The same generator state gives the
    /// same action. The sample is unbounded; see <see cref="ActionClipping"/> for what the
    /// environment receives.
    /// </summary>
    public static void Sample(ReadOnlySpan<double> mean, ReadOnlySpan<double> logStd, Rng rng, Span<double> action)
    {
        ValidateMean(mean, logStd);
        ArgumentNullException.ThrowIfNull(rng);
        Guard.Length(action.Length, mean.Length, nameof(action), "one entry per action dimension");
        for (int i = 0; i < mean.Length; i++) action[i] = mean[i] + Math.Exp(logStd[i]) * rng.NextGaussian();
    }

    /// <summary>
    /// The most probable action, the mean: writes mu into <paramref name="action"/> [d], for
    /// deterministic evaluation.
    /// </summary>
    public static void Mode(ReadOnlySpan<double> mean, Span<double> action)
    {
        if (mean.IsEmpty) throw new ArgumentException("mean must not be empty (an action has at least one dimension).", nameof(mean));
        Guard.Finite(mean, nameof(mean));
        Guard.Length(action.Length, mean.Length, nameof(action), "one entry per action dimension");
        mean.CopyTo(action);
    }
}
