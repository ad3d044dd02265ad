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

    /// <summary>Sets each given property (those whose value is not null) on every trace of the chart.</summary>
    public static GenericChart WithTraceProperties(this GenericChart chart, params (string Name, double? Value)[] properties)
    {
        if (properties.All(p => p.Value is null)) return chart;
        return GenericChart.mapTrace(Microsoft.FSharp.Core.FuncConvert.FromFunc<Trace, Trace>(trace =>
        {
            foreach (var (name, value) in properties)
                if (value is double number) trace.SetProperty(name, number);
            return trace;
        }), chart);
    }

    /// <summary>Titles and sizes the chart and renders it as a fragment.</summary>
    public static string Finish(this GenericChart chart, string title, int width, int height) =>
        Fragment.Of(global::Plotly.NET.Chart.withTitle(title, null).Invoke(chart).WithSize(width, height));
}
