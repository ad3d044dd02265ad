namespace Rl.Plots.Backend;

/// <summary>A line (X[i], Y[i]) with a shaded band from Lower[i] to Upper[i] around it.</summary>
/// <param name="Name">Legend entry.</param>
/// <param name="X">Positions along the x axis.</param>
/// <param name="Y">The line.</param>
/// <param name="Lower">The band's lower edge; a non-finite value is a gap.</param>
/// <param name="Upper">The band's upper edge; a non-finite value is a gap.</param>
public sealed record BandTrace(string Name, double[] X, double[] Y, double[] Lower, double[] Upper);
