using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Rl.Notebooks.Export;

/// <summary>
/// Markdown cells to HTML with Markdig: tables, raw HTML such as <c>&lt;details&gt;</c>, and the math
/// extension, which keeps LaTeX away from the markdown parser and hands it to MathJax as
/// <c>\( ... \)</c> (inline) or <c>\[ ... \]</c> (display).
/// </summary>
internal static class MarkdownCells
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    public static string ToHtml(string markdown)
    {
        var html = new StringWriter();
        var renderer = new HtmlRenderer(html);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<HtmlMathInlineRenderer>(new MathInlineRenderer());
        renderer.Render(Markdown.Parse(markdown, Pipeline));
        return html.ToString();
    }

    /// <summary>The text of the first level-1 heading, or null.</summary>
    public static string? Title(string markdown) =>
        Markdown.Parse(markdown, Pipeline).Descendants<HeadingBlock>().FirstOrDefault(h => h.Level == 1)?.Inline is { } inline
            ? string.Concat(inline.Descendants<LiteralInline>().Select(literal => literal.Content.ToString()))
            : null;

    /// <summary>
    /// <c>$$...$$</c> within a paragraph is display math in Jupyter and VS Code; Markdig would make it
    /// inline, so this renderer keeps it display.
    /// </summary>
    private sealed class MathInlineRenderer : HtmlObjectRenderer<MathInline>
    {
        protected override void Write(HtmlRenderer renderer, MathInline math)
        {
            bool display = math.DelimiterCount >= 2;
            renderer.Write("<span").WriteAttributes(math).Write(display ? ">\\[" : ">\\(");
            renderer.WriteEscape(ref math.Content);
            renderer.Write(display ? "\\]</span>" : "\\)</span>");
        }
    }
}
