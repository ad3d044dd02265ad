using System.Runtime.CompilerServices;
using Rl.Plots.Backend;

namespace Rl.Plots;

/// <summary>
/// The kit's charts: plain arrays in, an HTML fragment (<see cref="ChartHtml"/>) out, drawn by Plotly.NET
/// in a private load context (see <see cref="PlotlyLoadContext"/>). In a notebook, make the chart a
/// cell's last expression or pass it to <c>display</c>.
/// <para>
/// Input rules, checked before anything is drawn (otherwise an <see cref="ArgumentException"/> whose
/// ParamName is the parameter and whose message names the entry): titles, names and labels non-null
/// (empty is fine); every array non-null and non-empty; a series' X and Y of equal length, a group's values
/// one per category; X values and histogram samples finite. A y value, bar value or heatmap cell that is
/// not finite (NaN, infinity) is allowed and drawn as a gap, so an undefined metric does not stop a plot.
/// </para>
/// </summary>
public static class Plot
{
    private static readonly Lazy<bool> Loaded = new(() =>
    {
        PlotlyLoadContext.Backend.WarmUp();
        return true;
    });

    /// <summary>
    /// Loads the chart library now: Plotly.NET in its private context, its template, plotly.js, and one
    /// small chart of each kind, drawn and discarded (about a second on a 2-core machine), and registers
    /// the notebook formatter. A notebook calls it in its first cell, so that the setup cell, not the
    /// first chart, waits for the library. Later calls return at once. Charts drawn after it are exactly
    /// what they would be without it. Throws what the first chart would if Plotly.NET cannot be loaded.
    /// </summary>
    /// <remarks>
    /// Synchronous on purpose: loaded on a background thread instead, it competed on two cores with the
    /// cells that followed, and notebook 06's training cell took 1 to 3 s longer. Not for a notebook whose
    /// first chart follows training on every core (06, 07): the charts it draws make Plotly.NET's methods
    /// hot first, a kernel's tiered compiler then optimizes them before the training code, and that code
    /// runs unoptimized meanwhile (07 took 15.5 to 19.2 s with it, 12.5 to 14.8 s without).
    /// </remarks>
    public static void Load()
    {
        RuntimeHelpers.RunClassConstructor(typeof(ChartHtml).TypeHandle);
        _ = Loaded.Value;
    }

    /// <summary>Curves against x on linear axes.</summary>
    public static ChartHtml Lines(string title, string xTitle, string yTitle, params Series[] series) =>
        XY(title, xTitle, yTitle, series, logAxes: false);

    /// <summary>
    /// Curves with both axes logarithmic (timings against size, errors against sample count): every X
    /// and every finite Y must be positive.
    /// </summary>
    public static ChartHtml LogLog(string title, string xTitle, string yTitle, params Series[] series) =>
        XY(title, xTitle, yTitle, series, logAxes: true);

    /// <summary>
    /// Curves against x on linear axes, each with a shaded band (the spread over seeds, say) in its
    /// own colour.
    /// </summary>
    public static ChartHtml Bands(string title, string xTitle, string yTitle, params Band[] bands)
    {
        Titles(title, xTitle, yTitle);
        Guard.NotEmpty(bands, nameof(bands), "band");
        var traces = new BandTrace[bands.Length];
        for (int i = 0; i < bands.Length; i++)
        {
            var b = bands[i];
            string entry = $"bands[{i}] (\"{b.Name}\")";
            Guard.Name(b.Name, $"bands[{i}].Name", nameof(bands));
            Guard.Values(b.X, $"{entry}.X", nameof(bands));
            Guard.Finite(b.X, $"{entry}.X", nameof(bands));
            foreach (var (values, part) in new[] { (b.Y, "Y"), (b.Lower, "Lower"), (b.Upper, "Upper") })
            {
                Guard.Values(values, $"{entry}.{part}", nameof(bands));
                Guard.Length(values.Length, b.X.Length, $"{entry}.{part}", nameof(bands), "one value per x");
            }
            traces[i] = new BandTrace(b.Name, b.X, b.Y, b.Lower, b.Upper);
        }
        return new ChartHtml(PlotlyLoadContext.Backend.Bands(title, xTitle, yTitle, traces));
    }

    /// <summary>One histogram per sample, overlaid (semi-transparent when there are several); counts on y.</summary>
    public static ChartHtml Histogram(string title, string xTitle, params (string Name, double[] Values)[] samples)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(xTitle);
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Length == 0) throw new ArgumentException("samples must hold at least one sample.", nameof(samples));
        var named = new NamedValues[samples.Length];
        for (int i = 0; i < samples.Length; i++)
        {
            var (name, values) = samples[i];
            Guard.Name(name, $"samples[{i}].Name", nameof(samples));
            Guard.Values(values, $"samples[{i}].Values", nameof(samples));
            Guard.Finite(values, $"samples[{i}].Values", nameof(samples));
            named[i] = new NamedValues(name, values);
        }
        return new ChartHtml(PlotlyLoadContext.Backend.Histogram(title, xTitle, named));
    }

    /// <summary>Grouped bars: for each category, one bar per group (group i's Values[j] is its bar at categories[j]).</summary>
    public static ChartHtml Bars(string title, string xTitle, string yTitle, string[] categories, params (string Name, double[] Values)[] groups)
    {
        Titles(title, xTitle, yTitle);
        Guard.NotEmpty(categories, nameof(categories), "category");
        ArgumentNullException.ThrowIfNull(groups);
        if (groups.Length == 0) throw new ArgumentException("groups must hold at least one group.", nameof(groups));
        var named = new NamedValues[groups.Length];
        for (int i = 0; i < groups.Length; i++)
        {
            var (name, values) = groups[i];
            Guard.Name(name, $"groups[{i}].Name", nameof(groups));
            Guard.Values(values, $"groups[{i}].Values", nameof(groups));
            Guard.Length(values.Length, categories.Length, $"groups[{i}].Values", nameof(groups), "one value per category");
            named[i] = new NamedValues(name, values);
        }
        return new ChartHtml(PlotlyLoadContext.Backend.Bars(title, xTitle, yTitle, categories, named));
    }

    /// <summary>
    /// A heatmap of <paramref name="z"/>: z[i, j] is the cell in row i (y label i, row 0 at the top, as the
    /// matrix is printed) and column j (x label j). Without labels, the axes show indices. The colour
    /// scale spans <paramref name="zMin"/> .. <paramref name="zMax"/> when both are given (pass the same
    /// pair to two heatmaps and equal colours mean equal numbers), else the range of z.
    /// </summary>
    public static ChartHtml Heatmap(string title, double[,] z, string[]? xLabels = null, string[]? yLabels = null,
        double? zMin = null, double? zMax = null)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(z);
        int rows = z.GetLength(0), columns = z.GetLength(1);
        if (rows == 0 || columns == 0) throw new ArgumentException($"z is {rows} x {columns}; it needs at least one cell.", nameof(z));
        if (xLabels is not null)
        {
            Guard.NotEmpty(xLabels, nameof(xLabels), "label");
            Guard.Length(xLabels.Length, columns, nameof(xLabels), nameof(xLabels), "one label per column of z");
        }
        if (yLabels is not null)
        {
            Guard.NotEmpty(yLabels, nameof(yLabels), "label");
            Guard.Length(yLabels.Length, rows, nameof(yLabels), nameof(yLabels), "one label per row of z");
        }
        if (zMin.HasValue != zMax.HasValue)
            throw new ArgumentException("zMin and zMax go together: give both, or neither.", zMin.HasValue ? nameof(zMax) : nameof(zMin));
        if (zMin is double low && zMax is double high && !(double.IsFinite(low) && double.IsFinite(high) && low < high))
            throw new ArgumentException($"zMin ({low}) must be finite and below zMax ({high}).", nameof(zMin));
        var data = new double[rows][];
        for (int i = 0; i < rows; i++)
        {
            data[i] = new double[columns];
            for (int j = 0; j < columns; j++) data[i][j] = z[i, j];
        }
        return new ChartHtml(PlotlyLoadContext.Backend.Heatmap(title, data, xLabels, yLabels, zMin, zMax));
    }

    private static ChartHtml XY(string title, string xTitle, string yTitle, Series[] series, bool logAxes)
    {
        Titles(title, xTitle, yTitle);
        Guard.NotEmpty(series, nameof(series), "series");
        var traces = new LineTrace[series.Length];
        for (int i = 0; i < series.Length; i++)
        {
            var s = series[i];
            string entry = $"series[{i}] (\"{s.Name}\")";
            Guard.Name(s.Name, $"series[{i}].Name", nameof(series));
            Guard.Values(s.X, $"{entry}.X", nameof(series));
            Guard.Values(s.Y, $"{entry}.Y", nameof(series));
            Guard.Length(s.Y.Length, s.X.Length, $"{entry}.Y", nameof(series), "one y per x");
            Guard.Finite(s.X, $"{entry}.X", nameof(series));
            if (logAxes)
            {
                Guard.Positive(s.X, $"{entry}.X", nameof(series), gapsAllowed: false);
                Guard.Positive(s.Y, $"{entry}.Y", nameof(series), gapsAllowed: true);
            }
            traces[i] = s.Style switch
            {
                SeriesStyle.Lines => new LineTrace(s.Name, s.X, s.Y, ShowLines: true, ShowMarkers: false),
                SeriesStyle.Markers => new LineTrace(s.Name, s.X, s.Y, ShowLines: false, ShowMarkers: true),
                SeriesStyle.LinesAndMarkers => new LineTrace(s.Name, s.X, s.Y, ShowLines: true, ShowMarkers: true),
                SeriesStyle.Region => new LineTrace(s.Name, s.X, s.Y, ShowLines: true, ShowMarkers: false) { FillShape = true },
                _ => throw new ArgumentException($"{entry}.Style is {s.Style}, which is not a SeriesStyle.", nameof(series)),
            };
        }
        return new ChartHtml(PlotlyLoadContext.Backend.Lines(title, xTitle, yTitle, traces, logAxes));
    }

    private static void Titles(string title, string xTitle, string yTitle)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(xTitle);
        ArgumentNullException.ThrowIfNull(yTitle);
    }
}
