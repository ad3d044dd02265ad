using Rl.Plots;

namespace Plots.Tests;

/// <summary>Each kind of chart carries its data, names and titles, as a fragment without plotly.js.</summary>
public class ChartKindTests
{
    [Fact]
    public void Lines_carries_x_y_names_and_titles_in_a_fragment()
    {
        string html = Plot.Lines("Returns by step", "step k", "return G",
            new Series("two rollouts", [1, 2, 3], [0.125, 0.25, 0.5]),
            new Series("one rollout", [1, 2, 3], [1.5, 2.5, 3.5], SeriesStyle.Markers)).Html;
        Html.AssertFragment(html);
        Assert.Contains("\"x\":[1.0,2.0,3.0]", html);
        Assert.Contains("\"y\":[0.125,0.25,0.5]", html);
        Assert.Contains("\"y\":[1.5,2.5,3.5]", html);
        Assert.Contains("\"name\":\"two rollouts\"", html);
        Assert.Contains("\"name\":\"one rollout\"", html);
        Assert.Contains("Returns by step", html);
        Assert.Contains("step k", html);
        Assert.Contains("return G", html);
        Assert.DoesNotContain("\"type\":\"log\"", html);
    }

    [Theory]
    [InlineData(SeriesStyle.Lines, "\"mode\":\"lines\"")]
    [InlineData(SeriesStyle.Markers, "\"mode\":\"markers\"")]
    [InlineData(SeriesStyle.LinesAndMarkers, "\"mode\":\"lines+markers\"")]
    [InlineData(SeriesStyle.Region, "\"fill\":\"toself\"")]
    public void Each_style_draws_its_mode(SeriesStyle style, string mode) =>
        Assert.Contains(mode, Plot.Lines("t", "x", "y", new Series("s", [1, 2], [3, 4], style)).Html);

    [Fact]
    public void LogLog_sets_both_axes_logarithmic()
    {
        string html = Plot.LogLog("Time against H", "H", "seconds", new Series("O(H^2)", [10, 100, 1000], [0.0001, 0.01, 1])).Html;
        Html.AssertFragment(html);
        Assert.Equal(2, Html.Count(html, "\"type\":\"log\""));
        Assert.Contains("\"xaxis\":{\"title\":{\"text\":\"H\"},\"type\":\"log\"}", html);
        Assert.Contains("\"yaxis\":{\"title\":{\"text\":\"seconds\"},\"type\":\"log\"}", html);
        Assert.Contains("\"x\":[10.0,100.0,1000.0]", html);
        Assert.Contains("\"y\":[0.0001,0.01,1.0]", html);
    }

    [Fact]
    public void Histogram_overlays_one_trace_per_sample()
    {
        string html = Plot.Histogram("Estimator spread", "A-hat", ("two rollouts", [0.75, 1.5, 2.25]), ("one rollout", [-3.5, 4.5])).Html;
        Html.AssertFragment(html);
        Assert.Equal(2, Html.Count(html, "{\"type\":\"histogram\",\"name\""));
        Assert.Contains("\"x\":[0.75,1.5,2.25]", html);
        Assert.Contains("\"x\":[-3.5,4.5]", html);
        Assert.Contains("\"name\":\"two rollouts\"", html);
        Assert.Contains("\"barmode\":\"overlay\"", html);
        Assert.Contains("Estimator spread", html);
        Assert.Contains("A-hat", html);
    }

    [Fact]
    public void Bars_group_values_by_category()
    {
        string html = Plot.Bars("Ablation", "trick", "final return", ["adv norm", "value clip"], ("on", [480.5, 470.25]), ("off", [300.5, 455.75])).Html;
        Html.AssertFragment(html);
        Assert.Equal(2, Html.Count(html, "{\"type\":\"bar\",\"name\""));
        Assert.Equal(2, Html.Count(html, "\"x\":[\"adv norm\",\"value clip\"]"));
        Assert.Contains("\"y\":[480.5,470.25]", html);
        Assert.Contains("\"y\":[300.5,455.75]", html);
        Assert.Contains("\"name\":\"off\"", html);
        Assert.Contains("\"barmode\":\"group\"", html);
        Assert.Contains("final return", html);
    }

    [Fact]
    public void Heatmap_carries_rows_and_labels_row_zero_on_top()
    {
        string html = Plot.Heatmap("V on the grid", new double[,] { { 0.5, 1.5, 2.5 }, { 3.5, 4.5, 5.5 } }, ["left", "mid", "right"], ["top", "bottom"]).Html;
        Html.AssertFragment(html);
        Assert.Contains("\"z\":[[0.5,1.5,2.5],[3.5,4.5,5.5]]", html);
        Assert.Contains("\"x\":[\"left\",\"mid\",\"right\"]", html);
        Assert.Contains("\"y\":[\"top\",\"bottom\"]", html);
        Assert.Contains("\"autorange\":\"reversed\"", html);
        Assert.Contains("V on the grid", html);
    }

    [Fact]
    public void Heatmaps_given_one_range_share_one_colour_scale()
    {
        string html = Plot.Heatmap("critic", new double[,] { { 81.4, 81.9 } }, zMin: 1.25, zMax: 99.5).Html;
        Assert.Contains("\"zmin\":1.25", html);
        Assert.Contains("\"zmax\":99.5", html);
        Assert.DoesNotContain("zmin", Plot.Heatmap("own range", new double[,] { { 81.4, 81.9 } }).Html);
    }

    [Fact]
    public void Bands_draw_each_line_with_its_edges_and_a_fill_between_them()
    {
        string html = Plot.Bands("seeds", "steps", "return",
            new Band("default", [1, 2], [10.5, 20.5], [8.25, 17.25], [12.75, 23.75]),
            new Band("lambda = 0", [1, 2], [5.5, 6.5], [4.25, 5.25], [6.75, 7.75])).Html;
        Html.AssertFragment(html);
        foreach (string values in new[] { "[10.5,20.5]", "[8.25,17.25]", "[12.75,23.75]", "[5.5,6.5]", "[4.25,5.25]", "[6.75,7.75]" })
            Assert.Contains($"\"y\":{values}", html);
        Assert.Equal(2, Html.Count(html, "\"fill\":\"tonexty\""));   // one shaded band per line
        Assert.Contains("\"name\":\"default\"", html);
        Assert.Contains("\"name\":\"lambda = 0\"", html);
        Assert.Equal(4, Html.Count(html, "\"showlegend\":false"));   // the edges have no legend entry
        Assert.Contains("\"legendgroup\":\"lambda = 0\"", html);     // each band toggles with its line
        Assert.DoesNotContain("legendgrouptitle", html);
        Assert.Contains("31, 119, 180", html);    // the first band in plotly.js's first colour,
        Assert.Contains("255, 127, 14", html);    // the second in its second
    }

    [Fact]
    public void Heatmap_without_labels_has_no_label_arrays()
    {
        string html = Plot.Heatmap("z only", new double[,] { { 1.25 } }).Html;
        Assert.Contains("\"z\":[[1.25]]", html);
        Assert.DoesNotContain("\"x\":[", html);
        Assert.DoesNotContain("\"y\":[", html);
    }

    [Fact]
    public void Non_finite_y_values_are_gaps_not_errors()
    {
        string html = Plot.Lines("gaps", "x", "y", new Series("s", [1, 2, 3], [1, double.NaN, double.PositiveInfinity])).Html;
        Assert.Contains("\"y\":[1.0,\"NaN\",\"Infinity\"]", html); // plotly.js draws a non-numeric y as a gap
    }

    [Fact]
    public void Text_cannot_end_the_script_early()
    {
        string html = Plot.Lines("a </script><script>alert(1)</script> <!-- b", "x", "y", new Series("</script>", [1], [2])).Html;
        Assert.Equal(1, Html.Count(html, "</script>"));
        Assert.EndsWith("</script></div>", html);
        Assert.Contains("a <\\/script><script>alert(1)<\\/script> <\\!-- b", html);
    }

    [Fact]
    public void ToString_is_the_fragment()
    {
        var chart = Plot.Lines("t", "x", "y", new Series("s", [1], [2]));
        Assert.Equal(chart.Html, chart.ToString());
    }
}
