using Rl.Plots;

namespace Plots.Tests;

/// <summary>The self-contained page: plotly.js once, then the charts in order.</summary>
public class ChartPageTests
{
    [Fact]
    public void A_page_holds_plotly_js_exactly_once_and_every_chart_in_order()
    {
        var first = Plot.Lines("first chart", "x", "y", new Series("s", [1], [2]));
        var second = Plot.Histogram("second chart", "x", ("h", [1, 2]));
        string page = ChartPage.Render("Run <1> & co", [first, second]);

        Assert.StartsWith("<!DOCTYPE html>", page);
        Assert.Equal(1, Html.Count(page, Html.PlotlyJsBanner));
        Assert.Equal(1, Html.Count(page, PlotlyJs.Source));
        Assert.DoesNotContain("<script src", page);
        Assert.Contains("<title>Run &lt;1&gt; &amp; co</title>", page);
        Assert.True(page.IndexOf(PlotlyJs.Source, StringComparison.Ordinal) < page.IndexOf(first.Html, StringComparison.Ordinal));
        Assert.True(page.IndexOf(first.Html, StringComparison.Ordinal) < page.IndexOf(second.Html, StringComparison.Ordinal));
        Assert.EndsWith("</body></html>\n", page);
    }

    [Fact]
    public void Write_saves_the_rendered_page()
    {
        string path = Path.Combine(Path.GetTempPath(), $"plots-{Guid.NewGuid():N}.html");
        try
        {
            var chart = Plot.Lines("saved", "x", "y", new Series("s", [1], [2]));
            ChartPage.Write(path, "Saved", [chart]);
            string page = File.ReadAllText(path);
            Assert.Contains(chart.Html, page);
            Assert.Equal(1, Html.Count(page, Html.PlotlyJsBanner));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void PlotlyJs_is_the_full_library() => Assert.True(PlotlyJs.Source.Length > 1_000_000 && PlotlyJs.Source.Contains("newPlot"));
}
