using System.IO.Compression;
using Rl.Grading.Class;
using Rl.Grading.Judge;

namespace Rl.Grading.Tests.Class;

/// <summary>
/// The batch's bookkeeping with a stand-in for the judge (the real one is graded in
/// <see cref="ClassGradingEndToEndTests"/>): one results.json per submission, resumable by input hash,
/// failures retried, a broken zip graded as such, and never more gradings at once than allowed.
/// </summary>
public sealed class ClassGradingTests : IDisposable
{
    private readonly DirectoryInfo _temporary = Directory.CreateTempSubdirectory("rl-class-grading-");
    private string Submissions => Path.Combine(_temporary.FullName, "submissions");
    private string Output => Path.Combine(_temporary.FullName, "out");

    private static GradingReport Fake(double score) => new(score, 0, 1,
    [
        new GradedTestResult("1.1", "first", score, 3, score == 3, score == 3 ? "Passed." : "x is 1, expected 2. Likely mistake: gamma is missing.", "visible", false),
    ], "graded by a stand-in");

    private ClassSubmission Folder(string id, string text)
    {
        string folder = Directory.CreateDirectory(Path.Combine(Submissions, id)).FullName;
        File.WriteAllText(Path.Combine(folder, "Gae.cs"), text);
        return new ClassSubmission(id, folder, []);
    }

    [Fact]
    public void EachSubmission_GetsAStampedResultsFile_AndARerunSkipsTheUnchanged()
    {
        var submissions = new[] { Folder("a", "good"), Folder("b", "bad"), Folder("c", "good") };
        int calls = 0;
        GradingReport Grade(string folder, string results)
        {
            Interlocked.Increment(ref calls);
            var report = Fake(File.ReadAllText(Path.Combine(folder, "Gae.cs")) == "good" ? 3 : 0);
            ResultsJson.Write(report, results);
            return report;
        }

        var first = ClassGrading.Run(submissions, Output, 2, Grade);
        Assert.Equal(3, calls);
        Assert.All(first, r => Assert.Equal(ClassOutcome.Graded, r.Outcome));
        Assert.Equal([3.0, 0.0, 3.0], first.Select(r => r.Report!.Score));
        Assert.All(first, r => Assert.Equal(new ResultsStamp(InputHash.Of(r.Submission.Path), InputHash.Judge), ResultsJson.Read(r.ResultsPath)!.Value.Stamp));

        File.WriteAllText(Path.Combine(submissions[1].Path, "Gae.cs"), "good");
        var second = ClassGrading.Run(submissions, Output, 2, Grade);
        Assert.Equal(4, calls);
        Assert.Equal([ClassOutcome.UpToDate, ClassOutcome.Graded, ClassOutcome.UpToDate], second.Select(r => r.Outcome));
        Assert.Equal([3.0, 3.0, 3.0], second.Select(r => r.Report!.Score));
    }

    [Fact]
    public void AFailedGrading_IsReported_AndRetriedNextTime()
    {
        var submissions = new[] { Folder("a", "good") };
        var failed = ClassGrading.Run(submissions, Output, 1, (_, _) => throw new TimeoutException("the judge hung"));
        Assert.Equal(ClassOutcome.Failed, failed[0].Outcome);
        Assert.Equal("the judge hung", failed[0].Error);
        Assert.Null(failed[0].Report);
        var retried = ClassGrading.Run(submissions, Output, 1, (_, results) => { ResultsJson.Write(Fake(3), results); return Fake(3); });
        Assert.Equal(ClassOutcome.Graded, retried[0].Outcome);
    }

    [Fact]
    public void AZip_IsGradedUnpacked_AndABrokenOneFailsEveryTestWithTheReason()
    {
        Directory.CreateDirectory(Submissions);
        string good = Path.Combine(Submissions, "good.zip");
        using (var zip = new ZipArchive(File.Create(good), ZipArchiveMode.Create))
        using (var writer = new StreamWriter(zip.CreateEntry("src/Gae.cs").Open()))
            writer.Write("good");
        string broken = Path.Combine(Submissions, "broken.zip");
        File.WriteAllText(broken, "not a zip");
        string? seen = null;
        var results = ClassGrading.Run([new ClassSubmission("good", good, []), new ClassSubmission("broken", broken, [])], Output, 1, (folder, path) =>
        {
            seen = File.ReadAllText(Path.Combine(folder, "src", "Gae.cs"));
            ResultsJson.Write(Fake(3), path);
            return Fake(3);
        });
        Assert.Equal("good", seen);
        Assert.Equal(3, results[0].Report!.Score);
        var rejected = results[1].Report!;
        Assert.Equal(0, rejected.Score);
        Assert.Equal(GradedTests.All.Count, rejected.Tests.Count);
        Assert.All(rejected.Tests, t => Assert.Contains("Your zip could not be unpacked: broken.zip is not a zip archive", t.Output));
    }

    [Fact]
    public void NoMoreGradingsRunAtOnceThanAllowed()
    {
        var submissions = Enumerable.Range(0, 8).Select(i => Folder($"s{i}", $"text {i}")).ToArray();
        int running = 0, most = 0;
        ClassGrading.Run(submissions, Output, 3, (_, results) =>
        {
            int now = Interlocked.Increment(ref running);
            lock (submissions) most = Math.Max(most, now);
            Thread.Sleep(20); // lets the gradings overlap; the assertion below does not depend on it
            Interlocked.Decrement(ref running);
            ResultsJson.Write(Fake(3), results);
            return Fake(3);
        });
        Assert.InRange(most, 1, 3);
    }

    [Fact]
    public void ResultFolders_AreSafeNames_EvenForHostileIds()
    {
        var a = Folder("a", "x");
        var results = ClassGrading.Run([a with { Id = "../../evil" }, a with { Id = "..__evil" }], Output, 1, (_, path) => { ResultsJson.Write(Fake(3), path); return Fake(3); });
        Assert.All(results, r => Assert.StartsWith(Output + Path.DirectorySeparatorChar, r.ResultsPath));
        Assert.Equal(2, results.Select(r => r.ResultsPath).Distinct().Count());
    }

    [Fact]
    public void TheInputHash_DependsOnContentAndNames_NotOnWhereTheFolderIs()
    {
        var a = Folder("a", "same");
        var b = Folder("b", "same");
        Assert.Equal(InputHash.Of(a.Path), InputHash.Of(b.Path));
        File.WriteAllText(Path.Combine(b.Path, "Gae.cs"), "other");
        Assert.NotEqual(InputHash.Of(a.Path), InputHash.Of(b.Path));
        File.Move(Path.Combine(a.Path, "Gae.cs"), Path.Combine(a.Path, "Gae2.cs"));
        File.WriteAllText(Path.Combine(b.Path, "Gae2.cs"), "same");
        File.Delete(Path.Combine(b.Path, "Gae.cs"));
        Assert.Equal(InputHash.Of(a.Path), InputHash.Of(b.Path));
    }

    [Fact]
    public async Task TheInputHash_SkipsANamedPipe_InsteadOfBlockingOnIt()
    {
        var a = Folder("a", "same");
        string before = InputHash.Of(a.Path);
        var mkfifo = TestSupport.ChildProcess.Run("mkfifo", [Path.Combine(a.Path, "pipe.cs")], TimeSpan.FromSeconds(30));
        Assert.Equal(0, mkfifo.ExitCode);
        var hashing = Task.Run(() => InputHash.Of(a.Path));
        Assert.Same(hashing, await Task.WhenAny(hashing, Task.Delay(TimeSpan.FromMinutes(1)))); // else it blocked on the pipe
        Assert.Equal(before, await hashing);
    }

    public void Dispose() => _temporary.Delete(recursive: true);
}
