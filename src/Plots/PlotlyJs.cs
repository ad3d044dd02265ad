namespace Rl.Plots;

/// <summary>plotly.js itself, for pages that show <see cref="ChartHtml"/> fragments: include it once per page.</summary>
public static class PlotlyJs
{
    private static readonly Lazy<string> Text = new(() => PlotlyLoadContext.Backend.PlotlyJs());

    /// <summary>The full, minified plotly.js (the version Plotly.NET ships; its header names it).</summary>
    public static string Source => Text.Value;
}
