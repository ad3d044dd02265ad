using Plotly.NET;

namespace Rl.Plots.Plotly;

/// <summary>Plotly.NET's chart HTML made safe to embed, and the plotly.js it needs.</summary>
internal static class Fragment
{
    private const string ScriptOpen = "<script type=\"text/javascript\">", ScriptClose = "</script>";

    /// <summary>The plotly.js that ships inside Plotly.NET (one embedded resource).</summary>
    public static readonly Lazy<string> PlotlyJs = new(() =>
    {
        var assembly = typeof(GenericChart).Assembly;
        string name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(".min.js", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    });

    /// <summary>
    /// <c>&lt;div&gt;&lt;div id=...&gt;&lt;/div&gt;&lt;script&gt;...Plotly.newPlot(...)...&lt;/script&gt;&lt;/div&gt;</c>,
    /// with no plotly.js in it. Plotly.NET writes titles and names into the script as JSON strings without
    /// escaping "&lt;/", so a name containing "&lt;/script&gt;" would end the script early; inside the script
    /// body "&lt;/" becomes the equivalent JavaScript string escape "&lt;\/" (and "&lt;!--" becomes "&lt;\!--").
    /// </summary>
    public static string Of(GenericChart chart)
    {
        string html = GenericChart.toChartHTML(chart);
        int start = html.IndexOf(ScriptOpen, StringComparison.Ordinal) + ScriptOpen.Length;
        int end = html.LastIndexOf(ScriptClose, StringComparison.Ordinal);
        if (start < ScriptOpen.Length || end < start)
            throw new InvalidOperationException("Plotly.NET's chart HTML has no inline script; was the Plotly.NET version changed?");
        string body = html[start..end].Replace("</", "<\\/", StringComparison.Ordinal).Replace("<!--", "<\\!--", StringComparison.Ordinal);
        return string.Concat(html.AsSpan(0, start), body, html.AsSpan(end));
    }
}
