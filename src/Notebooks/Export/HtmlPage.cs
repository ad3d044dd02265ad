using System.Net;
using System.Text;
using Rl.Notebooks.Execution;
using Rl.Notebooks.Format;

namespace Rl.Notebooks.Export;

/// <summary>
/// The executed notebook as one self-contained HTML page: markdown rendered, code cells with their
/// outputs, LaTeX typeset by MathJax and charts drawn by plotly.js, both included inline (plotly.js
/// once, and only when an output calls it). The page loads nothing from the network. Without MathJax
/// (<see cref="ExportScripts.MathJax"/> null: not installed) the formulas stay TeX source and a note at
/// the top of the page says so and how to install it.
/// </summary>
/// <remarks>plotly.js sits in the page's head; copies that chart outputs carry are left out (<see cref="PlotlyOutputs"/>).</remarks>
public static class HtmlPage
{
    private const string Style = """
        body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 0; color: #1f2328; }
        main { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
        .cell { margin: 1rem 0; }
        .prompt { font: 0.8rem monospace; color: #57606a; }
        pre { background: #f6f8fa; padding: 0.6rem; overflow-x: auto; border-radius: 4px; }
        pre.source { border-left: 3px solid #0969da; }
        /* Printed text wraps at the page's width: no sideways scrolling on a projector. */
        pre.output { background: #fff; border: 1px solid #d0d7de; white-space: pre-wrap; overflow-wrap: anywhere; }
        pre.stderr { color: #9a6700; }
        pre.error { color: #cf222e; border-color: #cf222e; }
        table { border-collapse: collapse; }
        th, td { border: 1px solid #d0d7de; padding: 0.2rem 0.5rem; }
        details { background: #f6f8fa; padding: 0.4rem 0.8rem; border-radius: 4px; }
        .note { background: #fff8c5; border: 1px solid #d4a72c; padding: 0.4rem 0.8rem; border-radius: 4px; }
        """;

    /// <summary>MathJax's settings: the notebook's delimiters; HTML outputs (charts) are left alone, as are pre and code by default.</summary>
    private const string MathJaxConfig = """
        window.MathJax = {
          tex: { inlineMath: [['$', '$']], displayMath: [['$$', '$$']], processEscapes: true },
          svg: { fontCache: 'global' },
          options: { ignoreHtmlClass: 'no-math' }
        };
        """;

    /// <summary>The note a page without MathJax carries.</summary>
    public const string NoMathJax = "The formulas are shown as TeX source: MathJax was not installed when this page was exported. " +
        "To typeset them, run " + ExportScripts.InstallCommand + " and export again.";

    /// <summary>The page for <paramref name="result"/>, with <paramref name="scripts"/> inline.</summary>
    public static string Render(NotebookResult result, ExportScripts scripts)
    {
        var notebook = result.Notebook;
        var cells = notebook.Cells.Select(cell => Cell(cell, result.For(cell))).ToList();
        bool hasCharts = result.Cells.SelectMany(c => c.Outputs).Any(o => Data(o)?.GetValueOrDefault(MimeBundle.Html) is { } html && PlotlyOutputs.Draws(PlotlyOutputs.WithoutPlotlyJs(html)));
        string title = notebook.Cells.Where(c => c.Kind == CellKind.Markdown).Select(c => MarkdownCells.Title(c.Source)).FirstOrDefault(t => t is not null) ?? notebook.Name;

        var page = new StringBuilder();
        page.Append($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Encode(title)}</title>
            <style>
            {Style}
            </style>

            """);
        if (scripts.MathJax is { } mathJax) page.Append($"<script>\n{MathJaxConfig}\n</script>\n<script>{Inline(mathJax)}</script>\n");
        // Chart fragments call Plotly.newPlot as the page is parsed, so plotly.js comes first.
        if (hasCharts) page.Append($"<script>{Inline(scripts.Plotly)}</script>\n");
        page.Append("</head>\n<body>\n<main>\n");
        if (scripts.MathJax is null) page.Append($"<p class=\"note\">{Encode(NoMathJax)}</p>\n");
        foreach (string cell in cells) page.Append(cell);
        page.Append("</main>\n</body>\n</html>\n");
        return page.ToString();
    }

    private static string Cell(NotebookCell cell, CellResult? run) => cell.Kind switch
    {
        CellKind.Markdown => $"<section class=\"cell markdown\">\n{MarkdownCells.ToHtml(cell.Source)}</section>\n",
        CellKind.Code => $"""
            <section class="cell code">
            <div class="prompt">In [{run?.ExecutionCount.ToString() ?? " "}]:</div>
            <pre class="source"><code class="language-csharp">{Encode(cell.Source)}</code></pre>
            {string.Concat((run?.Outputs ?? []).Select(Output))}</section>

            """,
        _ => $"<section class=\"cell raw\"><pre>{Encode(cell.Source)}</pre></section>\n",
    };

    private static string Output(CellOutput output) => output switch
    {
        StreamOutput stream => $"<pre class=\"output {stream.Name}\">{Encode(stream.Text)}</pre>\n",
        ErrorOutput error => $"<pre class=\"output error\">{Encode(string.Join('\n', error.Traceback))}</pre>\n",
        _ when Data(output)!.TryGetValue(MimeBundle.Html, out string? html) => $"<div class=\"output html no-math\">\n{PlotlyOutputs.WithoutPlotlyJs(html)}\n</div>\n",
        _ => $"<pre class=\"output plain\">{Encode(Data(output)![MimeBundle.Plain])}</pre>\n",
    };

    private static IReadOnlyDictionary<string, string>? Data(CellOutput output) => output switch
    {
        DisplayOutput display => display.Data,
        ResultOutput value => value.Data,
        _ => null,
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A script's text made safe inside a &lt;script&gt; element (no premature end tag).</summary>
    private static string Inline(string javaScript) => javaScript.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
}
