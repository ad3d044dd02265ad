using System.Text.RegularExpressions;

namespace Rl.Notebooks.Export;

/// <summary>
/// Chart outputs and plotly.js. A chart is an HTML output whose script calls <c>Plotly.newPlot</c>; it
/// needs plotly.js loaded before it, once per page. Rl.Plots's formatter puts a copy before the first
/// chart a process formats, for VS Code; the exports place plotly.js themselves instead, so that each
/// exported notebook and page carries exactly one copy whatever ran before it in the process.
/// </summary>
internal static partial class PlotlyOutputs
{
    /// <summary>True when <paramref name="html"/> draws with plotly.js (after <see cref="WithoutPlotlyJs"/>).</summary>
    public static bool Draws(string html) => html.Contains("Plotly.", StringComparison.Ordinal);

    /// <summary><paramref name="html"/> without script elements holding plotly.js itself.</summary>
    public static string WithoutPlotlyJs(string html) => PlotlyJsCopy().Replace(html, "");

    /// <summary>A script element holding plotly.js, known by its licence header "plotly.js vX.Y.Z".</summary>
    [GeneratedRegex(@"<script\b[^>]*>\s*/\*\*\s*\*\s*plotly\.js v.*?</script>", RegexOptions.Singleline)]
    private static partial Regex PlotlyJsCopy();
}
