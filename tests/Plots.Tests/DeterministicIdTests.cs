using System.Text.RegularExpressions;
using Rl.Plots;

namespace Plots.Tests;

/// <summary>
/// A chart's div id is a hash of the chart, not Plotly.NET's random Guid: the same chart is the same bytes
/// in every run (so a page of learning curves is byte-identical for one seed), and two identical charts
/// made in one process still get distinct ids.
/// </summary>
public class DeterministicIdTests
{
    [Fact]
    public void The_id_is_a_hash_of_the_chart_used_by_the_div_and_its_script()
    {
        string html = Plot.Lines("an id from a hash (DeterministicIdTests)", "x", "y", new Series("s", [1, 2, 3], [3, 1, 2])).Html;
        string id = Id(html);
        Assert.Matches("^chart-[0-9a-f]{16}$", id);
        Assert.Contains($"Plotly.newPlot('{id}'", html);
        Assert.Contains($"renderPlotly_{id.Replace('-', '_')}", html); // Plotly.NET's function name, from the same id
        Assert.DoesNotMatch(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", html);
        Html.AssertFragment(html);
    }

    [Fact]
    public void The_same_chart_again_differs_only_by_a_counter_and_another_chart_by_its_hash()
    {
        ChartHtml Make(double last) => Plot.Histogram("the same chart twice (DeterministicIdTests)", "x", ("h", [1, 2, last]));
        string first = Make(3).Html, second = Make(3).Html, other = Make(4).Html;
        string id = Id(first);
        Assert.Equal(id + "-2", Id(second));
        Assert.Equal(first, second.Replace(id + "-2", id).Replace(id.Replace('-', '_') + "_2", id.Replace('-', '_')));
        Assert.NotEqual(id[..22], Id(other)[..Math.Min(22, Id(other).Length)]);
    }

    private static string Id(string html) => Regex.Match(html, "<div id=\"([^\"]+)\"").Groups[1].Value;
}
