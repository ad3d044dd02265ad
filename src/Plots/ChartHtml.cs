namespace Rl.Plots;

/// <summary>
/// A chart as an HTML fragment: a <c>&lt;div&gt;</c> and the <c>&lt;script&gt;</c> that draws into it
/// with <c>Plotly.newPlot</c>. The fragment does not contain plotly.js: a page includes it once
/// (<see cref="PlotlyJs.Source"/>, <see cref="ChartPage"/>), and in a notebook the registered formatter
/// (<see cref="ChartFormatter"/>) takes care of it.
/// </summary>
/// <param name="Html">The fragment.</param>
public sealed record ChartHtml(string Html)
{
    /// <summary>Registers the notebook formatter before the first chart exists.</summary>
    static ChartHtml() => ChartFormatter.Register();

    /// <summary>The fragment itself.</summary>
    public override string ToString() => Html;
}
