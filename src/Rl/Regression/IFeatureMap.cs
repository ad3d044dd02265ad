namespace Rl.Regression;

/// <summary>
/// A feature map phi: a state s becomes a vector phi(s) of <see cref="Dimension"/> numbers, so that
/// a linear value function Vhat(s) = phi(s)^T w can be fitted by least squares.
/// </summary>
/// <typeparam name="TState">What a state is: an index, or a vector of doubles.</typeparam>
public interface IFeatureMap<in TState>
{
    /// <summary>d, the length of phi(s).</summary>
    int Dimension { get; }

    /// <summary>Writes phi(<paramref name="state"/>) into <paramref name="features"/>, of length <see cref="Dimension"/>.</summary>
    void Write(TState state, Span<double> features);
}
