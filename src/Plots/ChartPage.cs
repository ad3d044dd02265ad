using System.Net;
using System.Text;

namespace Rl.Plots;

/// <summary>A complete, self-contained HTML page of charts: plotly.js once in its head, so it works offline.</summary>
public static class ChartPage
{
    /// <summary>The page: <paramref name="title"/> as its title and heading, then each chart in order.</summary>
    public static string Render(string title, IEnumerable<ChartHtml> charts)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(charts);
        string encoded = WebUtility.HtmlEncode(title);
        var page = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").Append(encoded).Append("</title>\n")
            .Append("<script type=\"text/javascript\">").Append(PlotlyJs.Source).Append("</script>\n</head><body>\n")
            .Append("<h1>").Append(encoded).Append("</h1>\n");
        foreach (var chart in charts) page.Append(chart.Html).Append('\n');
        return page.Append("</body></html>\n").ToString();
    }

    /// <summary>Writes <see cref="Render"/>'s page to <paramref name="path"/> (UTF-8).</summary>
    public static void Write(string path, string title, IEnumerable<ChartHtml> charts) =>
        File.WriteAllText(path, Render(title, charts));
}
