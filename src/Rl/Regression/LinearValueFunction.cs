namespace Rl.Regression;

/// <summary>
/// A linear value function Vhat(s) = phi(s)^T w: fixed features phi, learned weights w. Use it
/// wherever a value estimate is wanted, as <see cref="Predict"/> or, by implicit conversion, as a
/// <c>Func&lt;TState, double&gt;</c> (for example <c>trajectory.Values(vhat)</c>).
/// </summary>
public sealed class LinearValueFunction<TState>
{
    private readonly double[] _weights;

    /// <summary>Vhat(s) = <paramref name="features"/>(s)^T <paramref name="weights"/> (weights copied).</summary>
    public LinearValueFunction(IFeatureMap<TState> features, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(weights);
        Guard.Length(weights.Count, features.Dimension, nameof(weights), "one weight per feature");
        _weights = weights.ToArray();
        Guard.Finite(_weights, nameof(weights));
        Features = features;
    }

    /// <summary>phi, the feature map.</summary>
    public IFeatureMap<TState> Features { get; }

    /// <summary>w, one weight per feature.</summary>
    public IReadOnlyList<double> Weights => _weights;

    /// <summary>Vhat(<paramref name="state"/>) = phi(s)^T w.</summary>
    public double Predict(TState state)
    {
        Span<double> phi = _weights.Length <= 256 ? stackalloc double[_weights.Length] : new double[_weights.Length];
        Features.Write(state, phi);
        double value = 0;
        for (int i = 0; i < phi.Length; i++) value += phi[i] * _weights[i];
        return value;
    }

    /// <summary>The value function as a delegate: <see cref="Predict"/>.</summary>
    public static implicit operator Func<TState, double>(LinearValueFunction<TState> valueFunction)
    {
        ArgumentNullException.ThrowIfNull(valueFunction);
        return valueFunction.Predict;
    }
}
