using Plotly.NET;
using Plotly.NET.CSharp;

namespace Rl.Plots.Plotly;

/// <summary>The layout steps every chart shares, and the final step to an HTML fragment.</summary>
internal static class ChartExtensions
{
    /// <summary>How several bar-like traces share the x axis ("group", "overlay", "stack").</summary>
    public static GenericChart WithBarMode(this GenericChart chart, string mode)
    {
        var layout = new Layout();
        layout.SetProperty("barmode", mode);
        return global::Plotly.NET.Chart.withLayout(layout).Invoke(chart);
    }

    /// <summary>Titles and sizes the chart and renders it as a fragment.</summary>
    public static string Finish(this GenericChart chart, string title, int width, int height) =>
        Fragment.Of(global::Plotly.NET.Chart.withTitle(title, null).Invoke(chart).WithSize(width, height));
}
