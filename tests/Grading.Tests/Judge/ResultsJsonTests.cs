using System.Text.Json;
using Rl.Grading.Judge;

namespace Rl.Grading.Tests.Judge;

public sealed class ResultsJsonTests : IDisposable
{
    private readonly DirectoryInfo _temporary = Directory.CreateTempSubdirectory("rl-results-");

    private static GradingReport Report() => new(7, 5, 12.345,
    [
        new GradedTestResult("1.1", "Bellman errors", 3, 3, true, "Passed.", "visible", false),
        new GradedTestResult("1.2", "random", 4, 5, false, "entry 2 is \"x\"\nLikely mistake: ...", "after_published", false),
        new GradedTestResult("EC.1", "z-estimator", 5, 5, true, "Passed.", "visible", true),
    ], "Score: 7 / 8.");

    [Fact]
    public void TheFile_HasGradescopesFields_WithExtraCreditOnTop()
    {
        string path = Path.Combine(_temporary.FullName, "results", "results.json");
        ResultsJson.Write(Report(), path);
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var top = json.RootElement;
        Assert.Equal(12, top.GetProperty("score").GetDouble());
        Assert.Equal(12.3, top.GetProperty("execution_time").GetDouble());
        Assert.Equal("Score: 7 / 8.", top.GetProperty("output").GetString());
        Assert.Equal("visible", top.GetProperty("visibility").GetString());
        Assert.Equal("hidden", top.GetProperty("stdout_visibility").GetString());
        var tests = top.GetProperty("tests").EnumerateArray().ToArray();
        Assert.Equal(["1.1", "1.2", "EC.1"], tests.Select(t => t.GetProperty("number").GetString()));
        Assert.Equal("failed", tests[1].GetProperty("status").GetString());
        Assert.Equal(4, tests[1].GetProperty("score").GetDouble());
        Assert.Equal(5, tests[1].GetProperty("max_score").GetDouble());
        Assert.Equal("entry 2 is \"x\"\nLikely mistake: ...", tests[1].GetProperty("output").GetString());
        Assert.Equal("after_published", tests[1].GetProperty("visibility").GetString());
        Assert.Equal(0, tests[2].GetProperty("max_score").GetDouble()); // Gradescope's extra credit: points beyond max
        Assert.Equal("extra credit", tests[2].GetProperty("tags")[0].GetString());
    }

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
