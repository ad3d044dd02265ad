namespace Rl.Plots;

/// <summary>
/// One curve with a shaded band around it, for <see cref="Plot.Bands"/>: the mean of several runs
/// (seeds) at each x, and their spread (lowest to highest, say). X, Y, Lower and Upper have the same,
/// non-zero length; every X is finite; a value that is not finite is drawn as a gap.
/// </summary>
/// <param name="Name">Legend entry.</param>
/// <param name="X">Positions along the x axis.</param>
/// <param name="Y">The curve (the mean over runs, say).</param>
/// <param name="Lower">The band's lower edge at each x.</param>
/// <param name="Upper">The band's upper edge at each x.</param>
public sealed record Band(string Name, double[] X, double[] Y, double[] Lower, double[] Upper);
