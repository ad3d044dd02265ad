namespace Rl.Plots.Backend;

/// <summary>One curve: points (X[i], Y[i]) drawn as lines, markers or both.</summary>
/// <param name="Name">Legend entry.</param>
/// <param name="X">Positions along the x axis.</param>
/// <param name="Y">Values; a non-finite value is a gap.</param>
/// <param name="ShowLines">Join the points with lines.</param>
/// <param name="ShowMarkers">Mark each point.</param>
public sealed record LineTrace(string Name, double[] X, double[] Y, bool ShowLines, bool ShowMarkers)
{
    /// <summary>Close the line into a shape and fill it (a shaded region).</summary>
    public bool FillShape { get; init; }
}
