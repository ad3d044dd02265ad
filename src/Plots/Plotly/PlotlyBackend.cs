using Plotly.NET;
using Plotly.NET.CSharp;
using Rl.Plots.Backend;
using Chart = Plotly.NET.CSharp.Chart;

namespace Rl.Plots.Plotly;

/// <summary>
/// Plotly.NET behind <see cref="IChartBackend"/>. Rl.Plots creates it by name inside its private load
/// context; nothing references this assembly directly.
/// </summary>
public sealed class PlotlyBackend : IChartBackend
{
    private const int Width = 820, Height = 420;

    /// <summary>The backend; Plotly.NET's default template is serialized once from here on (<see cref="SerializedTemplate"/>).</summary>
    public PlotlyBackend() => SerializedTemplate.Install();

    /// <inheritdoc/>
    public string PlotlyJs() => Fragment.PlotlyJs.Value;

    /// <summary>The warm-up charts' title: a chart drawn later gets its usual id unless it is one of these exactly.</summary>
    private const string WarmUpTitle = "Rl.Plots warm-up (discarded)";

    /// <inheritdoc/>
    public void WarmUp()
    {
        _ = PlotlyJs();
        double[] x = [1, 2], y = [1, 2];
        _ = Lines(WarmUpTitle, "", "", [new LineTrace("", x, y, ShowLines: true, ShowMarkers: true), new LineTrace("", x, y, false, true),
            new LineTrace("", x, y, true, false) { FillShape = true }], logAxes: false);
        _ = Lines(WarmUpTitle, "", "", [new LineTrace("", x, y, true, false)], logAxes: true);
        _ = Bands(WarmUpTitle, "", "", [new BandTrace("", x, y, x, y)]);
        _ = Histogram(WarmUpTitle, "", [new NamedValues("", x), new NamedValues("", y)]);
        _ = Bars(WarmUpTitle, "", "", ["a", "b"], [new NamedValues("", x)]);
        _ = Heatmap(WarmUpTitle, [x, y], ["a", "b"], ["a", "b"], 0, 2);
    }

    /// <inheritdoc/>
    public string Lines(string title, string xTitle, string yTitle, IReadOnlyList<LineTrace> traces, bool logAxes)
    {
        var axisType = logAxes ? StyleParam.AxisType.Log : StyleParam.AxisType.Auto;
        return Chart.Combine(traces.Select(Trace))
            .WithXAxisStyle<double, double, string>(TitleText: xTitle, AxisType: axisType)
            .WithYAxisStyle<double, double, string>(TitleText: yTitle, AxisType: axisType)
            .Finish(title, Width, Height);
    }

    /// <inheritdoc/>
    public string Histogram(string title, string xTitle, IReadOnlyList<NamedValues> samples) =>
        Chart.Combine(samples.Select(s => Chart.Histogram<double, double, string>(X: s.Values, Name: s.Name, Opacity: samples.Count > 1 ? 0.6 : 1.0)))
            .WithXAxisStyle<double, double, string>(TitleText: xTitle)
            .WithYAxisStyle<double, double, string>(TitleText: "count")
            .WithBarMode("overlay")
            .Finish(title, Width, Height);

    /// <inheritdoc/>
    public string Bars(string title, string xTitle, string yTitle, IReadOnlyList<string> categories, IReadOnlyList<NamedValues> groups) =>
        Chart.Combine(groups.Select(g => Chart.Column<double, string, string>(values: g.Values, Keys: categories.ToArray(), Name: g.Name)))
            .WithXAxisStyle<double, double, string>(TitleText: xTitle)
            .WithYAxisStyle<double, double, string>(TitleText: yTitle)
            .WithBarMode("group")
            .Finish(title, Width, Height);

    /// <inheritdoc/>
    public string Heatmap(string title, IReadOnlyList<double[]> rows, IReadOnlyList<string>? xLabels, IReadOnlyList<string>? yLabels,
        double? zMin, double? zMax) =>
        Chart.Heatmap<double, string, string, string>(
                zData: rows,
                X: Labels(xLabels),
                Y: Labels(yLabels),
                ReverseYAxis: true) // row 0 at the top, as a matrix is printed
            .WithTraceProperties(("zmin", zMin), ("zmax", zMax))
            .Finish(title, 640, 560);

    /// <inheritdoc/>
    public string Bands(string title, string xTitle, string yTitle, IReadOnlyList<BandTrace> bands) =>
        Chart.Combine(bands.Select((band, i) =>
            {
                var (red, green, blue) = Palette[i % Palette.Length];
                var range = Chart.Range<double, double, string>(x: band.X, y: band.Y, upper: band.Upper, lower: band.Lower,
                    mode: StyleParam.Mode.Lines, Name: band.Name,
                    LineColor: Color.fromRGB(red, green, blue),
                    RangeColor: Color.fromARGB(64, red, green, blue),
                    UpperName: $"{band.Name} (upper)", LowerName: $"{band.Name} (lower)");
                // One legend entry per band (its line), which shows and hides the band with it.
                return GenericChart.mapTrace(Microsoft.FSharp.Core.FuncConvert.FromFunc<Trace, Trace>(trace =>
                {
                    trace.SetProperty("legendgroup", band.Name);
                    trace.RemoveProperty("legendgrouptitle");
                    if (!Equals(trace.GetPropertyValue("name"), band.Name)) trace.SetProperty("showlegend", false);
                    return trace;
                }), range);
            }))
            .WithXAxisStyle<double, double, string>(TitleText: xTitle)
            .WithYAxisStyle<double, double, string>(TitleText: yTitle)
            .Finish(title, Width, Height);

    /// <summary>plotly.js's default trace colours, so bands look like the kit's other charts.</summary>
    private static readonly (int Red, int Green, int Blue)[] Palette =
    [
        (31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189),
        (140, 86, 75), (227, 119, 194), (127, 127, 127), (188, 189, 34), (23, 190, 207),
    ];

    /// <summary>The labels, or none (the axis then shows indices).</summary>
    private static Optional<IEnumerable<string>> Labels(IReadOnlyList<string>? labels) =>
        labels is null ? default : new Optional<IEnumerable<string>>(labels, IsSome: true);

    private static GenericChart Trace(LineTrace trace) => trace switch
    {
        { FillShape: true } => Chart.Line<double, double, string>(x: trace.X, y: trace.Y, Name: trace.Name,
            Fill: StyleParam.Fill.ToSelf, LineWidth: 0.0),
        { ShowLines: true } => Chart.Line<double, double, string>(x: trace.X, y: trace.Y, ShowMarkers: trace.ShowMarkers, Name: trace.Name),
        _ => Chart.Point<double, double, string>(x: trace.X, y: trace.Y, Name: trace.Name),
    };
}
