using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Plotly.NET;

namespace Rl.Plots.Plotly;

/// <summary>Plotly.NET's chart HTML made safe to embed, and the plotly.js it needs.</summary>
internal static partial class Fragment
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
    /// <remarks>
    /// The div's id is not Plotly.NET's random Guid but <see cref="DeterministicId"/>, so the same chart
    /// gives the same bytes in every run (a page of learning curves is byte-identical for one seed).
    /// </remarks>
    public static string Of(GenericChart chart)
    {
        string html = DeterministicId(GenericChart.toChartHTML(chart));
        int start = html.IndexOf(ScriptOpen, StringComparison.Ordinal) + ScriptOpen.Length;
        int end = html.LastIndexOf(ScriptClose, StringComparison.Ordinal);
        if (start < ScriptOpen.Length || end < start)
            throw new InvalidOperationException("Plotly.NET's chart HTML has no inline script; was the Plotly.NET version changed?");
        string body = html[start..end].Replace("</", "<\\/", StringComparison.Ordinal).Replace("<!--", "<\\!--", StringComparison.Ordinal);
        return string.Concat(html.AsSpan(0, start), body, html.AsSpan(end));
    }

    /// <summary>How many fragments with each content hash this process has made: the n-th copy gets "-n".</summary>
    private static readonly ConcurrentDictionary<string, int> Made = new(StringComparer.Ordinal);

    /// <summary>
    /// Replaces the random id Plotly.NET gives the chart's div (a Guid, also written without dashes in the
    /// script's function name) by "chart-" and the first 16 hex digits of the SHA-256 of the fragment with
    /// the id taken out: the same chart always gets the same id. The n-th (n &gt; 1) distinct call drawing an
    /// identical chart in this process gets "-n" appended, so two such charts on one page stay apart.
    /// </summary>
    internal static string DeterministicId(string html)
    {
        var match = DivId().Match(html);
        if (!match.Success) throw new InvalidOperationException("Plotly.NET's chart HTML has no <div id=...>; was the Plotly.NET version changed?");
        string random = match.Groups[1].Value, compact = random.Replace("-", "", StringComparison.Ordinal);
        string Replace(string id) => html.Replace(random, id, StringComparison.Ordinal).Replace(compact, id.Replace("-", "_", StringComparison.Ordinal), StringComparison.Ordinal);
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Replace("@id@"))))[..16];
        int n = Made.AddOrUpdate(hash, 1, (_, count) => count + 1);
        return Replace(n == 1 ? $"chart-{hash}" : $"chart-{hash}-{n}");
    }

    [GeneratedRegex("<div id=\"([^\"]+)\"")]
    private static partial Regex DivId();
}
