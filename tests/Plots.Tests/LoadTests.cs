using System.Runtime.Loader;
using System.Text.RegularExpressions;
using Rl.Plots;

namespace Plots.Tests;

/// <summary>
/// <see cref="Plot.Load"/>: it loads Plotly.NET into the kit's private context, may be called again, and
/// leaves the charts drawn after it as they would be without it (their warm-up copies are not counted).
/// </summary>
public class LoadTests
{
    [Fact]
    public void Load_puts_Plotly_NET_in_the_private_context_and_may_be_called_again()
    {
        Plot.Load();
        Plot.Load();
        Assert.Contains(AppDomain.CurrentDomain.GetAssemblies(),
            a => a.GetName().Name == "Plotly.NET" && AssemblyLoadContext.GetLoadContext(a)?.Name == "Rl.Plots.Plotly");
    }

    [Fact]
    public void Charts_of_every_kind_drawn_after_it_get_their_first_id_not_a_counted_copy()
    {
        Plot.Load();
        double[] x = [1, 2], y = [1, 2];
        string[] charts =
        [
            Plot.Lines("after Load: lines (LoadTests)", "", "", new Series("", x, y)).Html,
            Plot.LogLog("after Load: log-log (LoadTests)", "", "", new Series("", x, y)).Html,
            Plot.Bands("after Load: bands (LoadTests)", "", "", new Band("", x, y, x, y)).Html,
            Plot.Histogram("after Load: histogram (LoadTests)", "", ("", x), ("", y)).Html,
            Plot.Bars("after Load: bars (LoadTests)", "", "", ["a", "b"], ("", x)).Html,
            Plot.Heatmap("after Load: heatmap (LoadTests)", new double[,] { { 1, 2 }, { 1, 2 } }, ["a", "b"], ["a", "b"], 0, 2).Html,
        ];
        foreach (string html in charts)
        {
            Assert.Matches("^chart-[0-9a-f]{16}$", Regex.Match(html, "<div id=\"([^\"]+)\"").Groups[1].Value);
            Html.AssertFragment(html);
        }
    }
}
