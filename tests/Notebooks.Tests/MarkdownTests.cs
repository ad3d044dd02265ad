using Rl.Notebooks.Export;

namespace Notebooks.Tests;

/// <summary>Markdown cells render as in Jupyter: LaTeX reaches MathJax untouched by the markdown parser.</summary>
public class MarkdownTests
{
    [Fact]
    public void Formulas_WithMarkdownCharacters_AreNotMarkdown()
    {
        string html = MarkdownCells.ToHtml("Both $a_t * b_t$ and $c_t * d_t$, also $$x_1 * y_1$$.");
        Assert.Equal("<p>Both $a_t * b_t$ and $c_t * d_t$, also $$x_1 * y_1$$.</p>\n", html);
    }

    [Fact]
    public void MultiLineDisplayMath_KeepsItsLineBreaksAndAlignment_Escaped()
    {
        const string proof = "For $\\lambda < 1$,\n\n$$\\begin{aligned}\nA &= \\sum_k \\lambda^k \\\\\n&= B. \\qquad \\blacksquare\n\\end{aligned}$$\n\nSo it is.";
        string html = MarkdownCells.ToHtml(proof);
        Assert.Contains("<p>For $\\lambda &lt; 1$,</p>", html);
        Assert.Contains("<p>$$\\begin{aligned}\nA &amp;= \\sum_k \\lambda^k \\\\\n&amp;= B. \\qquad \\blacksquare\n\\end{aligned}$$</p>", html);
    }

    [Fact]
    public void LatexEnvironments_OutsideDollars_AreMathToo()
    {
        string html = MarkdownCells.ToHtml("\\begin{equation}\na_1 * b_1 = c_1 * d_1\n\\end{equation}");
        Assert.Contains("\\begin{equation}\na_1 * b_1 = c_1 * d_1\n\\end{equation}", html);
    }

    [Fact]
    public void DollarsInCode_AreCode()
    {
        string html = MarkdownCells.ToHtml("Inline `$\"{x}\"` and\n\n```csharp\nvar s = $\"{a}_{b}\";\n```\n");
        Assert.Contains("<code>$&quot;{x}&quot;</code>", html);
        Assert.Contains("var s = $&quot;{a}_{b}&quot;;", html);
    }

    [Fact]
    public void EscapedDollars_AndFormulasInterruptedByABlankLine_AreNotMath()
    {
        string html = MarkdownCells.ToHtml("Costs \\$5 or \\$6.\n\nA lone $ here\n\nand one there $.");
        Assert.Contains("Costs \\$5 or \\$6.", html); // MathJax shows \$ as $
        Assert.Contains("<p>A lone $ here</p>", html);
        Assert.DoesNotContain("@@", html);
    }

    [Theory]
    [InlineData("# GAE: $\\lambda$-returns\n\ntext", "GAE: \\lambda-returns")]
    [InlineData("Intro\n\n## Not a title\n\n# The title #", "The title")]
    [InlineData("No heading", null)]
    public void Title_IsTheFirstLevel1Heading(string markdown, string? title) => Assert.Equal(title, MarkdownCells.Title(markdown));
}
