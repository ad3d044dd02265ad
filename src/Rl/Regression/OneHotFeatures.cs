namespace Rl.Regression;

/// <summary>
/// One-hot features of a tabular state: phi(s) = e_s, the s-th unit vector of length S. A linear
/// value function on them is a table, Vhat(s) = w_s, so least squares fits each state's own mean
/// return, the tabular Monte Carlo estimate of V^pi(s).
/// </summary>
public sealed class OneHotFeatures : IFeatureMap<int>
{
    /// <summary>One-hot features for states 0 .. <paramref name="stateCount"/> - 1.</summary>
    public OneHotFeatures(int stateCount)
    {
        Guard.AtLeast(stateCount, 1, nameof(stateCount));
        Dimension = stateCount;
    }

    /// <summary>S: one feature per state.</summary>
    public int Dimension { get; }

    /// <inheritdoc />
    public void Write(int state, Span<double> features)
    {
        if (state < 0 || state >= Dimension)
            throw new ArgumentOutOfRangeException(nameof(state), state, $"state must be in [0, {Dimension}), the states these one-hot features cover.");
        Guard.Length(features.Length, Dimension, nameof(features), "one feature per state");
        features.Clear();
        features[state] = 1.0;
    }
}
