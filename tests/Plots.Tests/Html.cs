using System.Text.RegularExpressions;

namespace Plots.Tests;

/// <summary>Small readers of the HTML the charts produce.</summary>
internal static class Html
{
    /// <summary>How often <paramref name="text"/> occurs in <paramref name="html"/>.</summary>
    public static int Count(string html, string text)
    {
        int count = 0;
        for (int at = html.IndexOf(text, StringComparison.Ordinal); at >= 0; at = html.IndexOf(text, at + text.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    /// <summary>The first line of plotly.js ("plotly.js v2.28.0"), which occurs once wherever plotly.js is included.</summary>
    public static string PlotlyJsBanner => Regex.Match(Rl.Plots.PlotlyJs.Source, @"plotly\.js v\d+\.\d+\.\d+").Value;

    /// <summary>Asserts the shape of a chart fragment: one div with an id, one inline script that calls Plotly.newPlot on it, no plotly.js.</summary>
    public static void AssertFragment(string html)
    {
        var id = Regex.Match(html, "<div id=\"([^\"]+)\"");
        Assert.True(id.Success, "no <div id=...> in the fragment");
        Assert.Contains($"Plotly.newPlot('{id.Groups[1].Value}'", html);
        Assert.Equal(1, Count(html, "<script"));
        Assert.DoesNotContain("<script src", html);
        Assert.DoesNotContain(PlotlyJsBanner, html);
        Assert.EndsWith("</script></div>", html.TrimEnd());
    }
}
