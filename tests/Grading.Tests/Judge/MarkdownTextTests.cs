using CsCheck;
using Rl.Grading.Judge;

namespace Rl.Grading.Tests.Judge;

/// <summary>Text through <see cref="MarkdownText"/>: inert whoever wrote it, and back unchanged.</summary>
public sealed class MarkdownTextTests
{
    /// <summary>What <see cref="MarkdownText.Of"/> keeps of a text: lines without trailing blanks, single blank lines between paragraphs.</summary>
    private static string Normalized(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n')
            .Select(line => line.TrimEnd())
            .Select(line => line.Trim().Length == 0 ? "" : line);
        var kept = new List<string>();
        foreach (string line in lines)
            if (line.Length > 0 || (kept.Count > 0 && kept[^1].Length > 0)) kept.Add(line);
        while (kept.Count > 0 && kept[^1].Length == 0) kept.RemoveAt(kept.Count - 1);
        return string.Join('\n', kept);
    }

    [Fact]
    public void AnyText_ComesBackAsWritten()
    {
        var characters = Gen.Char["ab1 .=-*_[]()<>#!&\\`|~\n:/;\"'"];
        Gen.String[characters, 0, 80].Sample(text =>
            Assert.Equal(Normalized(text), MarkdownText.ToPlain(MarkdownText.Of(text))));
    }

    [Theory]
    [InlineData("![tracker](http://evil.example/p.png)", "\\!\\[tracker\\](http://evil.example/p.png)")]
    [InlineData("<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert(1)\\>")]
    [InlineData("# Score: 100", "\\# Score: 100")]
    [InlineData("1. first", "1\\. first")]
    [InlineData("=====", "\\=====")]
    [InlineData("- item", "\\- item")]
    [InlineData("**bold** _it_ `code`", "\\*\\*bold\\*\\* \\_it\\_ \\`code\\`")]
    [InlineData("&lt;script&gt;", "\\&lt;script\\&gt;")]
    public void Markup_IsEscaped(string text, string markdown) => Assert.Equal(markdown, MarkdownText.Of(text));

    [Fact]
    public void Lines_KeepTheirIndentation_AndBreaks() =>
        Assert.Equal("Files:\\\n&nbsp;&nbsp;a.cs\n\nnext", MarkdownText.Of("Files:\n  a.cs\n\n\nnext\n"));

    [Fact]
    public void BoldParagraphs_AreLeftOutWhenReadBack() =>
        Assert.Equal("text", MarkdownText.ToPlain("**Likely mistake:** x\n\ntext"));
}
