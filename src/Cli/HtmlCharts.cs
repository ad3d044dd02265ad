using Rl.Plots;

namespace Rl.Cli;

/// <summary>
/// Learning curves as a self-contained HTML page, drawn with the kit's chart API (Rl.Plots): one chart
/// per curve, plotly.js inlined once, so the page opens with no network.
/// </summary>
internal static class HtmlCharts
{
    /// <summary>The episodic return and every debug metric of a run, one chart each, against steps.</summary>
    public static void WriteLearningCurves(string path, string title, IReadOnlyList<Ppo.UpdateReport> reports, IReadOnlyList<(long Steps, double Return)> episodes)
    {
        const string steps = "environment steps";
        double[] episodeSteps = episodes.Select(e => (double)e.Steps).ToArray(), returns = episodes.Select(e => e.Return).ToArray();
        var charts = new List<ChartHtml>
        {
            Plot.Lines("Episodic return", steps, "return",
                new Series("episode return", episodeSteps, returns, SeriesStyle.Markers),
                new Series("mean of the last 20", episodeSteps, RollingMean(returns, 20))),
        };
        double[] updateSteps = reports.Select(r => (double)r.Steps).ToArray();
        foreach (var (name, values) in new (string, Func<Ppo.UpdateReport, double>)[]
                 {
                     ("Policy loss l_pi", r => r.PolicyLoss), ("Value loss l_V", r => r.ValueLoss), ("Entropy", r => r.Entropy),
                     ("Approx KL (k3)", r => r.ApproxKl), ("Clip fraction", r => r.ClipFraction), ("Explained variance", r => r.ExplainedVariance),
                 })
            charts.Add(Plot.Lines(name, steps, name, new Series(name, updateSteps, reports.Select(values).ToArray())));
        ChartPage.Write(path, title, charts);
    }

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
