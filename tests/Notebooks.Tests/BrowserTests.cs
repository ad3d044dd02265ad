using System.Text.RegularExpressions;
using Rl.Notebooks.Export;
using TestSupport;
using Xunit.Abstractions;

namespace Notebooks.Tests;

/// <summary>
/// The exported page in a real browser: headless Chromium with no network shows the LaTeX typeset by
/// MathJax and the chart drawn by plotly.js. The screenshot is kept in artifacts/browser/.
/// </summary>
public partial class BrowserTests(ITestOutputHelper output)
{
    private const string Formulas = """
        # GAE in a browser

        The Bellman error $\delta_t = r_t + \gamma V(s_{t+1}) - V(s_t)$ and GAE:

        $$\hat A_t^{\mathrm{GAE}(\gamma, \lambda)} = \sum_{l=0}^{\infty} (\gamma\lambda)^l \delta_{t+l}$$

        Backward: $\hat A_t = \delta_t + \gamma\lambda\, \hat A_{t+1}$.
        """;

    [SkippableFact]
    public void ExportedPage_InHeadlessChromium_ShowsTypesetMathAndADrawnChart()
    {
        if (HeadlessChromium.Find() is not { } chromium)
            throw Prerequisite.Missing("headless Chromium not found on PATH: install Debian's chromium package (apt-get install -y chromium); .ci/run installs it where missing.");
        if (Repository.Scripts.MathJax is null)
            throw Prerequisite.Missing("MathJax not installed: run npm ci in notebooks/ (.ci/run does).");
        using var notebook = new TestNotebook(Formulas, $"#r \"{CompiledLibrary.FakePlotsDll}\"\nnew FakePlots.FakeChart(\"gae-chart\")");
        var result = notebook.Run();
        Assert.True(result.Succeeded, result.Error?.Value);
        var (_, page) = NotebookExport.Write(result, notebook.Folder, Repository.Scripts);

        string dom = HeadlessChromium.DumpDom(chromium, page);
        string png = Path.Combine(Repository.Root, "artifacts", "browser", "notebook-page.png");
        Directory.CreateDirectory(Path.GetDirectoryName(png)!);
        HeadlessChromium.Screenshot(chromium, page, png);
        output.WriteLine($"screenshot: {png}");

        Assert.Equal(3, Regex.Count(dom, "<mjx-container")); // two inline formulas and one display
        string text = Regex.Replace(NotRead().Replace(dom, ""), "<[^>]+>", "");
        Assert.DoesNotContain("$", text);
        Assert.DoesNotContain(@"\(", text);
        Assert.DoesNotContain(@"\[", text);
        Assert.Contains("class=\"main-svg\"", dom);
        Assert.Matches("<div id=\"gae-chart\" class=\"[^\"]*js-plotly-plot", dom);
        Assert.True(new FileInfo(png).Length > 10_000, "the screenshot is (nearly) empty");
    }

    /// <summary>Elements whose text is not prose: scripts, styles, code, and MathJax's own output.</summary>
    [GeneratedRegex("<(script|style|pre|code|mjx-container)\\b.*?</\\1>", RegexOptions.Singleline)]
    private static partial Regex NotRead();
}
