using Plotly.NET.CSharp;

namespace Rl.Cli;

/// <summary>
/// Learning curves as a self-contained HTML page: Plotly.NET builds each chart, and the page inlines
/// the plotly.js that ships inside Plotly.NET, so it opens with no network.
/// </summary>
internal static class HtmlCharts
{
    /// <summary>The episodic return and every debug metric of a run, one chart each, against steps.</summary>
    public static void WriteLearningCurves(string path, string title, IReadOnlyList<Ppo.UpdateReport> reports, IReadOnlyList<(long Steps, double Return)> episodes)
    {
        var steps = reports.Select(r => (double)r.Steps).ToArray();
        var charts = new List<Plotly.NET.GenericChart>
        {
            Chart.Combine([
                Chart.Point<double, double, string>(x: episodes.Select(e => (double)e.Steps), y: episodes.Select(e => e.Return), Name: "episode return"),
                Chart.Line<double, double, string>(x: episodes.Select(e => (double)e.Steps), y: RollingMean(episodes.Select(e => e.Return).ToArray(), 20), Name: "mean of the last 20"),
            ]).WithXAxisStyle<double, double, string>(TitleText: "environment steps").Titled("Episodic return"),
        };
        foreach (var (name, values) in new (string, Func<Ppo.UpdateReport, double>)[]
                 {
                     ("Policy loss l_pi", r => r.PolicyLoss), ("Value loss l_V", r => r.ValueLoss), ("Entropy", r => r.Entropy),
                     ("Approx KL (k3)", r => r.ApproxKl), ("Clip fraction", r => r.ClipFraction), ("Explained variance", r => r.ExplainedVariance),
                 })
            charts.Add(Chart.Line<double, double, string>(x: steps, y: reports.Select(values), Name: name)
                .WithXAxisStyle<double, double, string>(TitleText: "environment steps").Titled(name));
        Write(path, title, charts);
    }

    /// <summary>Writes <paramref name="charts"/> into one page with plotly.js inlined.</summary>
    public static void Write(string path, string title, IEnumerable<Plotly.NET.GenericChart> charts)
    {
        using var writer = new StreamWriter(path);
        writer.Write($"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{System.Net.WebUtility.HtmlEncode(title)}</title><script>");
        writer.Write(PlotlyJs.Value);
        writer.Write($"</script></head><body><h1>{System.Net.WebUtility.HtmlEncode(title)}</h1>");
        foreach (var chart in charts) writer.Write(Plotly.NET.GenericChart.toChartHTML(chart.WithSize(900, 380)));
        writer.Write("</body></html>");
    }

    private static readonly Lazy<string> PlotlyJs = new(() =>
    {
        var assembly = typeof(Plotly.NET.GenericChart).Assembly;
        string name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(".min.js", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    });

    /// <summary>Plotly.NET's curried F# withTitle, called from C# (a null font is F#'s None).</summary>
    private static Plotly.NET.GenericChart Titled(this Plotly.NET.GenericChart chart, string title) =>
        Plotly.NET.Chart.withTitle(title, null).Invoke(chart);

    private static double[] RollingMean(double[] x, int window)
    {
        var mean = new double[x.Length];
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sum += x[i];
            if (i >= window) sum -= x[i - window];
            mean[i] = sum / Math.Min(i + 1, window);
        }
        return mean;
    }
}
