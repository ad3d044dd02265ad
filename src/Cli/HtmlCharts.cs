using Rl.Plots;

namespace Rl.Cli;

/// <summary>
/// Learning curves as a self-contained HTML page, drawn with the kit's chart API (Rl.Plots): one chart
/// per curve, plotly.js inlined once, so the page opens with no network.
/// </summary>
internal static class HtmlCharts
{
    /// <summary>The name a metric passes to be drawn as explained variance (clamped, with the reason).</summary>
    internal const string ExplainedVariance = "Explained variance";

    /// <summary>The episodic return and every debug metric of a PPO run, one chart each, against steps.</summary>
    public static void WriteLearningCurves(string path, string title, IReadOnlyList<Ppo.UpdateReport> reports, IReadOnlyList<(long Steps, double Return)> episodes) =>
        WriteLearningCurves(path, title, episodes, reports.Select(r => r.Steps).ToArray(),
            new (string, Func<Ppo.UpdateReport, double>)[]
            {
                ("Policy loss l_pi", r => r.PolicyLoss), ("Value loss l_V", r => r.ValueLoss), ("Entropy", r => r.Entropy),
                ("Approx KL (k3)", r => r.ApproxKl), ("Clip fraction", r => r.ClipFraction), (ExplainedVariance, r => r.ExplainedVariance),
            }.Select(m => (m.Item1, reports.Select(m.Item2).ToArray())).ToArray());

    /// <summary>
    /// The episodic return and the given per-update metrics, one chart each, against steps; the metric
    /// named <see cref="ExplainedVariance"/> is drawn clamped (<see cref="ClampForDisplay"/>).
    /// </summary>
    public static void WriteLearningCurves(string path, string title, IReadOnlyList<(long Steps, double Return)> episodes,
        IReadOnlyList<long> updateSteps, IReadOnlyList<(string Name, double[] Values)> metrics)
    {
        const string steps = "environment steps";
        double[] episodeSteps = episodes.Select(e => (double)e.Steps).ToArray(), returns = episodes.Select(e => e.Return).ToArray();
        var charts = new List<ChartHtml>
        {
            Plot.Lines("Episodic return", steps, "return",
                new Series("episode return", episodeSteps, returns, SeriesStyle.Markers),
                new Series("mean of the last 20", episodeSteps, RollingMean(returns, 20))),
        };
        double[] x = updateSteps.Select(s => (double)s).ToArray();
        foreach (var (name, values) in metrics)
            charts.Add(name == ExplainedVariance
                ? Plot.Lines(ExplainedVarianceTitle, steps, "1 - Var(y - V) / Var(y)",
                    new Series("explained variance", x, values.Select(ClampForDisplay).ToArray()))
                : Plot.Lines(name, steps, name, new Series(name, x, values)));
        ChartPage.Write(path, title, charts);
    }

    /// <summary>The explained-variance chart's title, which says why and how its values are clamped.</summary>
    internal const string ExplainedVarianceTitle = "Explained variance, shown clamped to [-1, 1]<br><sub>Once the task is solved the targets y are nearly constant: "
        + "Var(y) is tiny and the ratio falls far below 0 (metrics.csv has the raw values).</sub>";

    /// <summary>
    /// ev clamped to [-1, 1], as dashboards show it: 1 - Var(y - V)/Var(y) is at most 1, but unbounded below
    /// once Var(y) -> 0 (every episode of a solved CartPole returns the same), where a value of -15 says
    /// nothing about the critic and would squash the rest of the curve. NaN stays NaN (a gap).
    /// </summary>
    internal static double ClampForDisplay(double explainedVariance) => double.IsNaN(explainedVariance) ? double.NaN : Math.Clamp(explainedVariance, -1.0, 1.0);

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
