using System.Text.RegularExpressions;
using Markdig;

namespace Rl.Notebooks.Export;

/// <summary>
/// Markdown cells to HTML the way Jupyter and VS Code show them: GitHub-flavoured markdown (tables,
/// strikethrough, task lists, autolinks, raw HTML such as <c>&lt;details&gt;</c>) rendered by Markdig, with
/// the LaTeX kept out of the markdown parser (<see cref="MathSpans"/>) and left in <c>$...$</c> and
/// <c>$$...$$</c> for MathJax.
/// </summary>
internal static partial class MarkdownCells
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables().UseEmphasisExtras().UseTaskLists().UseAutoLinks().Build();

    public static string ToHtml(string markdown)
    {
        var math = new MathSpans();
        return math.Restore(Markdown.ToHtml(math.Protect(markdown), Pipeline));
    }

    /// <summary>The first level-1 heading as plain text (LaTeX without its dollars), or null.</summary>
    public static string? Title(string markdown) =>
        Heading().Match(markdown) is { Success: true } heading ? heading.Groups[1].Value.Replace("$", "").Trim() : null;

    [GeneratedRegex(@"^ {0,3}#[ \t]+(.+?)[ \t#]*$", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
