namespace Rl.Plots;

/// <summary>
/// One curve of a <see cref="Plot.Lines"/> or <see cref="Plot.LogLog"/> chart: the points (X[i], Y[i]).
/// X and Y have the same, non-zero length; every X is finite; a Y that is not finite (NaN, infinity)
/// is drawn as a gap, so a metric that is undefined at some steps can still be plotted.
/// </summary>
/// <param name="Name">Legend entry.</param>
/// <param name="X">Positions along the x axis.</param>
/// <param name="Y">Values at those positions.</param>
/// <param name="Style">Lines, markers or both.</param>
public sealed record Series(string Name, double[] X, double[] Y, SeriesStyle Style = SeriesStyle.Lines);
