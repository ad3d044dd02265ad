using Rl.Grading.Release;

namespace Rl.Grading.Tests.Release;

public sealed class KitOnlySectionsTests
{
    private const string Begin = KitOnlySections.Begin, End = KitOnlySections.End;

    [Fact]
    public void EverySectionGoes_MarkersIncluded_AndEveryOtherLineStays()
    {
        string markdown = $"# Title\nshared\n{Begin}\nkit 1\n{End}\nmiddle\n  {Begin}  \nkit 2\nkit 3\n{End}\nend\n";
        Assert.Equal("# Title\nshared\nmiddle\nend\n", KitOnlySections.Strip(markdown, "x.md"));
    }

    [Fact]
    public void TextWithoutMarkers_IsUnchanged()
    {
        const string Markdown = "a\r\n\nb <!-- a comment -->\n";
        Assert.Equal(Markdown, KitOnlySections.Strip(Markdown, "x.md"));
    }

    [Theory]
    [InlineData($"a\n{Begin}\nb\n", "x.md, line 2: " + Begin + " is never closed")]
    [InlineData($"a\n{End}\n", "x.md, line 2: " + End + " without a " + Begin)]
    [InlineData($"{Begin}\n{Begin}\n{End}\n", "x.md, line 2: " + Begin + " inside the section opened on line 1")]
    public void UnpairedOrNestedMarkers_AreAFormatError_NamingFileAndLine(string markdown, string message)
    {
        var error = Assert.Throws<FormatException>(() => KitOnlySections.Strip(markdown, "x.md"));
        Assert.StartsWith(message, error.Message);
    }
}
