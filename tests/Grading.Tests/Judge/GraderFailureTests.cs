using System.Text.Json;
using Rl.Grading.Judge;

namespace Rl.Grading.Tests.Judge;

/// <summary>results.json is written whatever happens to the judge.</summary>
public sealed class GraderFailureTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("rl-grader-failure-");

    [Fact]
    public void AJudgeThatFails_StillWritesResults_WithScore0AndTheReason()
    {
        string submission = Directory.CreateDirectory(Path.Combine(_work.FullName, "submission")).FullName;
        string results = Path.Combine(_work.FullName, "results.json");
        // A repository without the kit's sources: the release cannot be written.
        string broken = Directory.CreateDirectory(Path.Combine(_work.FullName, "not-a-repository")).FullName;
        var report = Grader.Grade(new GradingOptions(submission, results) { RepositoryRoot = broken });
        Assert.Equal(0, report.Score);
        Assert.Contains("The autograder could not grade this submission", report.Output);
        using var written = JsonDocument.Parse(File.ReadAllText(results));
        Assert.Equal(0, written.RootElement.GetProperty("score").GetDouble());
        Assert.Contains("could not grade", written.RootElement.GetProperty("output").GetString());
    }

    public void Dispose() => _work.Delete(recursive: true);
}
