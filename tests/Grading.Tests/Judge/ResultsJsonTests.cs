using System.Text.Json;
using Rl.Grading.Judge;

namespace Rl.Grading.Tests.Judge;

public sealed class ResultsJsonTests : IDisposable
{
    private readonly DirectoryInfo _temporary = Directory.CreateTempSubdirectory("rl-results-");

    private static GradingReport Report() => new(7, 5, 12.345,
    [
        new GradedTestResult("1.1", "Bellman errors", 3, 3, true, "Passed.", "visible", false),
        new GradedTestResult("1.2", "random", 4, 5, false, "entry 2 is \"x\"\nLikely mistake: the sign is flipped; or gamma is missing.", "after_published", false),
        new GradedTestResult("EC.1", "z-estimator", 5, 5, true, "Passed.", "visible", true),
    ], "Files:\n  src/Rl/Advantages/Gae.cs: taken.");

    [Fact]
    public void TheFile_HasGradescopesFields_InMarkdown_WithExtraCreditOnTop()
    {
        string path = Path.Combine(_temporary.FullName, "results", "results.json");
        ResultsJson.Write(Report(), path);
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var top = json.RootElement;
        Assert.Equal(12, top.GetProperty("score").GetDouble());
        Assert.Equal(12.3, top.GetProperty("execution_time").GetDouble());
        Assert.Equal("md", top.GetProperty("output_format").GetString());
        Assert.Equal("md", top.GetProperty("test_output_format").GetString());
        Assert.Equal("**Score: 7 / 8, extra credit 5 / 5, total 12.**\n\nFiles:\\\n&nbsp;&nbsp;src/Rl/Advantages/Gae.cs: taken.",
            top.GetProperty("output").GetString());
        Assert.Equal("visible", top.GetProperty("visibility").GetString());
        Assert.Equal("hidden", top.GetProperty("stdout_visibility").GetString());
        var tests = top.GetProperty("tests").EnumerateArray().ToArray();
        Assert.Equal(["1.1", "1.2", "EC.1"], tests.Select(t => t.GetProperty("number").GetString()));
        Assert.Equal("failed", tests[1].GetProperty("status").GetString());
        Assert.Equal(4, tests[1].GetProperty("score").GetDouble());
        Assert.Equal(5, tests[1].GetProperty("max_score").GetDouble());
        Assert.Equal("**Likely mistake:** the sign is flipped\n\n**Likely mistake:** gamma is missing\n\n" +
            "entry 2 is \"x\"\\\nLikely mistake: the sign is flipped; or gamma is missing.", tests[1].GetProperty("output").GetString());
        Assert.Equal("after_published", tests[1].GetProperty("visibility").GetString());
        Assert.Equal(0, tests[2].GetProperty("max_score").GetDouble()); // Gradescope's extra credit: points beyond max
        Assert.Equal("extra credit", tests[2].GetProperty("tags")[0].GetString());
        Assert.Equal("z-estimator (extra credit, 5 points beyond the total)", tests[2].GetProperty("name").GetString());
        Assert.StartsWith("**Extra credit: 5 / 5 points, on top of the total.**", tests[2].GetProperty("output").GetString());
    }

    [Fact]
    public void ReadingBack_GivesTheReportAndItsStamp()
    {
        string path = Path.Combine(_temporary.FullName, "results.json");
        var stamp = new ResultsStamp("abc", "judge-1");
        ResultsJson.Write(Report(), path, stamp);
        var (report, read) = ResultsJson.Read(path)!.Value;
        Assert.Equal(stamp, read);
        var expected = Report();
        Assert.Equal((7.0, 5.0, 12.3), (report.Score, report.ExtraCredit, report.ExecutionTimeSeconds));
        Assert.Equal(expected.Output, report.Output);
        Assert.Equal(expected.Tests, report.Tests);
        ResultsJson.Write(Report(), path);
        Assert.Null(ResultsJson.Read(path)!.Value.Stamp);
    }

    [Fact]
    public void ReadingAFileThatIsNotOurs_GivesNull()
    {
        string path = Path.Combine(_temporary.FullName, "results.json");
        Assert.Null(ResultsJson.Read(path));
        File.WriteAllText(path, """{"score": 1000, "tests": []""");
        Assert.Null(ResultsJson.Read(path));
        File.WriteAllText(path, """{"score": 1000, "tests": [{"number": "1.1"}]}""");
        Assert.Null(ResultsJson.Read(path));
    }

    [Fact]
    public void ATestsOutput_StaysWithinItsBytes_HoweverMuchEscapingItNeeds()
    {
        string path = Path.Combine(_temporary.FullName, "results.json");
        string hostile = string.Concat(Enumerable.Repeat("*[<é>]-", 300)); // 2,100 characters, each needing an escape or two bytes
        var report = new GradingReport(0, 0, 1, [new GradedTestResult("1.1", "t", 0, 3, false, hostile, "visible", false)], "");
        ResultsJson.Write(report, path);
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        string output = json.RootElement.GetProperty("tests")[0].GetProperty("output").GetString()!;
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(output), ResultsJson.MaxTestOutputBytes - 20, ResultsJson.MaxTestOutputBytes);
        Assert.EndsWith(" ... (cut)", MarkdownText.ToPlain(output));
        Assert.StartsWith(MarkdownText.ToPlain(output)[..^" ... (cut)".Length], hostile);
    }

    [Theory]
    [InlineData("x is 1, expected 2. Likely mistake: lambda instead of gamma lambda.", new[] { "lambda instead of gamma lambda" })]
    [InlineData("x. Likely mistake: a; or b; or a.\nmore", new[] { "a", "b" })]
    [InlineData("x is 1, expected 2.", new string[0])]
    public void Mistakes_AreTheDescriptionsAfterLikelyMistake(string output, string[] expected) =>
        Assert.Equal(expected, ResultsJson.Mistakes(output));

    [Fact]
    public void AnExistingFile_IsReplacedWhole_AndNoTemporaryFileRemains()
    {
        string path = Path.Combine(_temporary.FullName, "results.json");
        File.WriteAllText(path, """{"score": 1000, "tests": [], "forged": "by student code, and much longer than the real file would be"}""" + new string(' ', 100_000));
        ResultsJson.Write(Report(), path);
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal(12, json.RootElement.GetProperty("score").GetDouble());
        Assert.False(json.RootElement.TryGetProperty("forged", out _));
        Assert.Equal(["results.json"], Directory.GetFiles(_temporary.FullName).Select(Path.GetFileName));
    }

    public void Dispose() => _temporary.Delete(recursive: true);
}
