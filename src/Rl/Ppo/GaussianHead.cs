using Rl.Policies;
using Rl.Random;

namespace Rl.Ppo;

/// <summary>
/// A diagonal Gaussian policy N(mu(s), diag(sigma^2)) for continuous actions: the actor's outputs are
/// the mean mu(s); log sigma is a state-independent parameter vector of the head, initialised to 0
/// (sigma = 1), trained with the actor (CleanRL's ppo_continuous_action).
/// </summary>
public sealed class GaussianHead : ActionHead
{
    private readonly double[] _logStd, _logStdGradient;

    /// <summary>A head over <paramref name="dimension"/> action dimensions.</summary>
    public GaussianHead(int dimension)
    {
        Guard.AtLeast(dimension, 1, nameof(dimension));
        OutputSize = dimension;
        _logStd = new double[dimension];
        _logStdGradient = new double[dimension];
    }

    /// <inheritdoc />
    public override int OutputSize { get; }

    /// <inheritdoc />
    public override int ActionSize => OutputSize;

    /// <summary>log sigma, one per action dimension.</summary>
    public override double[] Parameters => _logStd;

    /// <inheritdoc />
    public override double[] Gradients => _logStdGradient;

    /// <inheritdoc />
    public override double Sample(ReadOnlySpan<double> outputs, Rng rng, Span<double> action)
    {
        DiagonalGaussian.Sample(outputs, _logStd, rng, action);
        return DiagonalGaussian.LogProbability(outputs, _logStd, action);
    }

    /// <inheritdoc />
    public override void Mode(ReadOnlySpan<double> outputs, Span<double> action) => DiagonalGaussian.Mode(outputs, action);

    /// <inheritdoc />
    public override void Evaluate(ReadOnlySpan<double> outputs, ReadOnlySpan<double> actions,
        Span<double> logProbabilities, Span<double> entropies)
    {
        DiagonalGaussian.LogProbabilities(outputs, _logStd, actions, logProbabilities);
        entropies.Fill(DiagonalGaussian.Entropy(_logStd)); // state-independent sigma: the same for every row
    }

    /// <inheritdoc />
    public override void AddGradients(ReadOnlySpan<double> outputs, ReadOnlySpan<double> actions,
        ReadOnlySpan<double> logProbabilityScales, double entropyScale, Span<double> outputGradient) =>
        DiagonalGaussian.AddGradients(outputs, _logStd, actions, logProbabilityScales, entropyScale, outputGradient, _logStdGradient);
}
