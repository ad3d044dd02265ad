namespace Rl.Regression;

/// <summary>
/// A feature map given by a function, for example <c>new FunctionFeatures&lt;double&gt;(2, x =&gt; [1, x])</c>
/// for an affine value function Vhat(x) = w_0 + w_1 x.
/// </summary>
public sealed class FunctionFeatures<TState> : IFeatureMap<TState>
{
    private readonly Func<TState, double[]> _phi;

    /// <summary>phi(s) = <paramref name="phi"/>(s), which must return <paramref name="dimension"/> numbers.</summary>
    public FunctionFeatures(int dimension, Func<TState, double[]> phi)
    {
        Guard.AtLeast(dimension, 1, nameof(dimension));
        ArgumentNullException.ThrowIfNull(phi);
        Dimension = dimension;
        _phi = phi;
    }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <inheritdoc />
    public void Write(TState state, Span<double> features)
    {
        Guard.Length(features.Length, Dimension, nameof(features), "the feature map's Dimension");
        double[] values = _phi(state);
        if (values.Length != Dimension)
            throw new ArgumentException(
                $"the feature function returned {values.Length} values for a feature map of Dimension {Dimension}.", nameof(features));
        values.CopyTo(features);
    }
}
