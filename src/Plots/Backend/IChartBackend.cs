namespace Rl.Plots.Backend;

/// <summary>
/// What Rl.Plots asks of a chart implementation: validated plain data in, an HTML fragment
/// (a <c>&lt;div&gt;</c> and the <c>&lt;script&gt;</c> that draws into it with plotly.js) out.
/// Arguments arrive already checked by Rl.Plots; an implementation only draws.
/// </summary>
public interface IChartBackend
{
    /// <summary>The full plotly.js source the fragments need on their page.</summary>
    string PlotlyJs();

    /// <summary>
    /// Reads plotly.js and draws one small chart of every kind, discarding them, so that the code behind
    /// each kind is loaded and compiled before the first real chart asks for it.
    /// </summary>
    void WarmUp();

    /// <summary>Lines and/or markers against x; both axes logarithmic when <paramref name="logAxes"/>.</summary>
    string Lines(string title, string xTitle, string yTitle, IReadOnlyList<LineTrace> traces, bool logAxes);

    /// <summary>Lines against x, each with a shaded band in its own colour, on linear axes.</summary>
    string Bands(string title, string xTitle, string yTitle, IReadOnlyList<BandTrace> bands);

    /// <summary>One overlaid histogram per sample, counts on the y axis.</summary>
    string Histogram(string title, string xTitle, IReadOnlyList<NamedValues> samples);

    /// <summary>Grouped bars: one bar per category in each group.</summary>
    string Bars(string title, string xTitle, string yTitle, IReadOnlyList<string> categories, IReadOnlyList<NamedValues> groups);

    /// <summary>
    /// A heatmap of <paramref name="rows"/>: row i at y label i, column j at x label j (indices when no
    /// labels); its colour scale spans <paramref name="zMin"/> .. <paramref name="zMax"/> when given
    /// (so several heatmaps can share one scale), else the data's own range.
    /// </summary>
    string Heatmap(string title, IReadOnlyList<double[]> rows, IReadOnlyList<string>? xLabels, IReadOnlyList<string>? yLabels,
        double? zMin, double? zMax);
}
