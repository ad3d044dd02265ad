using System.Text.RegularExpressions;
using Rl.Notebooks.Export;

namespace Notebooks.Tests;

/// <summary>The exported page is self-contained: scripts inline, nothing fetched, plotly.js once and only when needed.</summary>
public partial class HtmlPageTests
{
    [Fact]
    public void Page_LoadsNothingFromOutside()
    {
        string page = Render("# Page $a$", $"#r \"{CompiledLibrary.FakePlotsDll}\"\nnew FakePlots.FakeChart(\"c\")");
        // The inline libraries mention URLs in their code (links in MathJax's menu); the page's elements must not.
        string markup = ScriptBodies().Replace(page, "<script></script>");
        Assert.Empty(ExternalReferences().Matches(markup));
        Assert.DoesNotContain("<script src", markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", markup, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void PlotlyJs_IsIncludedOnce_WhenChartsAreShown_AndNotOtherwise()
    {
        string marker = Repository.Scripts.Plotly[..200];
        string withCharts = Render($"#r \"{CompiledLibrary.FakePlotsDll}\"\nusing FakePlots;\ndisplay(new FakeChart(\"one\"));\nnew FakeChart(\"two\")");
        string without = Render("1 + 1");
        Assert.Single(Regex.Matches(withCharts, Regex.Escape(marker)));
        Assert.DoesNotContain(marker, without);
    }

    [Fact]
    public void MathJax_IsInlinedWhenInstalled_AndOtherwiseThePageSaysHowToInstallIt()
    {
        using var notebook = new TestNotebook("# Page $a$", "1 + 1");
        var result = notebook.Run();
        string with = HtmlPage.Render(result, new ExportScripts("/* plotly */", "/* the MathJax bundle */ var MathJax;"));
        string without = HtmlPage.Render(result, new ExportScripts("/* plotly */", null));

        Assert.Contains("<script>/* the MathJax bundle */ var MathJax;</script>", with);
        Assert.Contains("window.MathJax = {", with); // its settings: the notebook's $ delimiters
        Assert.DoesNotContain("class=\"note\"", with);
        Assert.DoesNotContain("MathJax = {", without);
        Assert.Contains($"<p class=\"note\">{System.Net.WebUtility.HtmlEncode(HtmlPage.NoMathJax)}</p>", without);
        Assert.Contains("npm ci", HtmlPage.NoMathJax);
        Assert.Contains("$a$", without); // the TeX source, readable as it is
    }

    [Fact]
    public void CopiesOfPlotlyJs_ThatOutputsCarryForNotebookFrontEnds_AreLeftOutOfThePage()
    {
        // Built from pieces, so that only the output, not the cell's source, holds the copy's text.
        const string bundled = "\"<script type='text/javascript'>/**\\n* \" + \"plotly.js v2.28.0\\n*/ var bundled\" + \"Copy = 1;</script>\"";
        string page = Render($"#r \"{CompiledLibrary.FakePlotsDll}\"\nnew FakePlots.FakeChart(\"first\", {bundled})");
        Assert.DoesNotContain("bundledCopy", page);
        Assert.Single(Regex.Matches(page, Regex.Escape("* plotly.js v")));
        Assert.Contains("Plotly.newPlot('first'", page);
    }

    [Fact]
    public void Markdown_IsRendered_WithTheMathLeftForMathJax()
    {
        string page = Render("# GAE\n\nThe estimator $\\hat A_t$ is\n\n$$\\sum_l (\\gamma\\lambda)^l \\delta_{t+l}$$\n\n| k | bias |\n|---|---|\n| 1 | high |\n\n<details><summary>Answer</summary>\n\nIt is *unbiased*.\n\n</details>");
        Assert.Contains("<title>GAE</title>", page);
        Assert.Contains("The estimator $\\hat A_t$ is", page);
        Assert.Contains("<p>$$\\sum_l (\\gamma\\lambda)^l \\delta_{t+l}$$</p>", page);
        Assert.Contains("<td>high</td>", page);
        Assert.Contains("<details><summary>Answer</summary>", page);
        Assert.Contains("<em>unbiased</em>", page);
    }

    [Fact]
    public void CodeAndTextOutputs_AreEscaped()
    {
        string page = Render("var tag = \"<b>\";\nConsole.WriteLine(tag);\ntag");
        Assert.Contains("var tag = &quot;&lt;b&gt;&quot;;", page);
        Assert.Contains("<pre class=\"output stdout\">&lt;b&gt;\n</pre>", page);
        Assert.DoesNotContain("<b>", page[page.IndexOf("<main>", StringComparison.Ordinal)..]);
    }

    private static string Render(params string[] cells)
    {
        using var notebook = new TestNotebook(cells);
        var result = notebook.Run();
        Assert.True(result.Succeeded, result.Error?.Value);
        return HtmlPage.Render(result, Repository.Scripts);
    }

    [GeneratedRegex("<script>.*?</script>", RegexOptions.Singleline)]
    private static partial Regex ScriptBodies();

    /// <summary>src= or href= pointing at another host or a protocol-relative URL.</summary>
    [GeneratedRegex("""(?:src|href)\s*=\s*["']?\s*(?:[a-z]+:)?//""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReferences();
}
