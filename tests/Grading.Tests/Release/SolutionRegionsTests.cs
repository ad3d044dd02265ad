using Rl.Grading.Release;

namespace Rl.Grading.Tests.Release;

public class SolutionRegionsTests
{
    private static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    [Fact]
    public void Strip_RegionWithHint_BecomesThrowAtTheBeginIndentation()
    {
        string source = Lines(
            "static int F(int x)",
            "{",
            "    if (x < 0) throw new ArgumentException();",
            "        // BEGIN SOLUTION: return twice x.",
            "    return 2 * x;",
            "    // END SOLUTION",
            "}");
        Assert.Equal(Lines(
            "static int F(int x)",
            "{",
            "    if (x < 0) throw new ArgumentException();",
            "        throw new NotImplementedException(\"return twice x.\");",
            "}"), SolutionRegions.Strip(source, "F.cs"));
    }

    [Fact]
    public void Strip_RegionWithoutHint_IsRemovedWithItsMarkers()
    {
        string source = Lines("class C", "{", "    // BEGIN SOLUTION", "    private static int Helper() => 1;", "", "    // END SOLUTION", "}");
        Assert.Equal(Lines("class C", "{", "}"), SolutionRegions.Strip(source, "C.cs"));
    }

    [Fact]
    public void Strip_HintWithQuotesAndBackslashes_IsEscapedAsACSharpLiteral()
    {
        string source = Lines("\t// BEGIN SOLUTION: say \"a\\b\"", "x();", "\t// END SOLUTION");
        Assert.Equal(Lines("\tthrow new NotImplementedException(\"say \\\"a\\\\b\\\"\");"), SolutionRegions.Strip(source, "Q.cs"));
    }

    [Fact]
    public void Strip_KeepsCrLfLineEndingsAndTheMissingFinalNewline()
    {
        string source = "a\r\n  // BEGIN SOLUTION: h\r\n  b\r\n  // END SOLUTION\r\nc";
        Assert.Equal("a\r\n  throw new NotImplementedException(\"h\");\r\nc", SolutionRegions.Strip(source, "E.cs"));
    }

    [Fact]
    public void Strip_SourceWithoutRegions_IsUnchanged()
    {
        string source = Lines("/// <summary>Mentions // BEGIN SOLUTION in a doc comment.</summary>", "var s = \"// END SOLUTION\";");
        Assert.Equal(source, SolutionRegions.Strip(source, "N.cs"));
        Assert.Empty(SolutionRegions.Find(source, "N.cs"));
    }

    [Fact]
    public void Find_ReportsLinesAndHints()
    {
        string source = Lines("x", "// BEGIN SOLUTION: first", "y", "// END SOLUTION", "  // BEGIN SOLUTION", "  // END SOLUTION");
        Assert.Equal([new SolutionRegion(2, 4, "first"), new SolutionRegion(5, 6, null)], SolutionRegions.Find(source, "R.cs"));
    }

    [Theory]
    [InlineData("a|// BEGIN SOLUTION: h|b", "U.cs:2:", "never closed")]
    [InlineData("a|// END SOLUTION", "U.cs:2:", "without a")]
    [InlineData("// BEGIN SOLUTION: h|// BEGIN SOLUTION|// END SOLUTION|// END SOLUTION", "U.cs:2:", "do not nest")]
    [InlineData("// BEGIN SOLUTION:   |// END SOLUTION", "U.cs:1:", "empty hint")]
    [InlineData("// BEGIN SOLUTIONS|// END SOLUTION", "U.cs:1:", "malformed begin marker")]
    [InlineData("// BEGIN SOLUTION|x|// END SOLUTION here", "U.cs:3:", "malformed end marker")]
    public void Find_BadMarkers_AreErrorsNamingFileAndLine(string source, string location, string rule)
    {
        var error = Assert.Throws<FormatException>(() => SolutionRegions.Find(source.Replace('|', '\n'), "U.cs"));
        Assert.StartsWith(location, error.Message);
        Assert.Contains(rule, error.Message);
        Assert.Throws<FormatException>(() => SolutionRegions.Strip(source.Replace('|', '\n'), "U.cs"));
    }
}
