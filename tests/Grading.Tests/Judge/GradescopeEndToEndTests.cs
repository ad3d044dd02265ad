using System.IO.Compression;
using System.Text.Json;
using Rl.Grading.Release;
using TestSupport;

namespace Rl.Grading.Tests.Judge;

/// <summary>
/// The Gradescope entry point end to end, in a temporary folder laid out like /autograder: the bundle
/// unpacked into source/, setup.sh run as Gradescope does (it finds the .NET 10 SDK present and only
/// builds), run_autograder copied to the root, the reference's files as the submission, and a
/// forged results.json already in results/. What comes out must be the judge's results.json.
/// </summary>
[Collection(Samples.GradingCollection.Name)]
public sealed class GradescopeEndToEndTests : IDisposable
{
    private readonly DirectoryInfo _temporary = Directory.CreateTempSubdirectory("rl-gradescope-");

    [SkippableFact]
    public void SetupThenRunAutograder_GradesTheReference_AndReplacesAForgedResultsFile()
    {
        OuterLoop.Required("the bundle's setup.sh builds the judge from source, about 40 s; the inner loop grades with the judge built here");
        SandboxRequired.Here();
        string root = RepositoryRoot.Find();
        string autograder = Path.Combine(_temporary.FullName, "autograder");
        string zip = Path.Combine(_temporary.FullName, "autograder.zip");
        AutograderBundle.Write(root, zip);
        ZipFile.ExtractToDirectory(zip, Path.Combine(autograder, "source"));
        File.Copy(Path.Combine(autograder, "source", "run_autograder"), Path.Combine(autograder, "run_autograder"));
        foreach (var file in AssignmentFiles.Allowed(root))
        {
            string destination = Path.Combine(autograder, "submission", file);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(Path.Combine(root, file), destination);
        }
        string results = Path.Combine(autograder, "results", "results.json");
        Directory.CreateDirectory(Path.GetDirectoryName(results)!);
        File.WriteAllText(results, """{"score": 1000, "tests": []}""");

        var setup = ChildProcess.Run("env", [$"AUTOGRADER_ROOT={autograder}", "bash", Path.Combine(autograder, "source", "setup.sh")], TimeSpan.FromMinutes(20));
        Assert.True(setup.ExitCode == 0, $"setup.sh failed ({setup.ExitCode}):\n{Tail(setup.Output)}\n{Tail(setup.Error)}");
        var run = ChildProcess.Run("env", [$"AUTOGRADER_ROOT={autograder}", Path.Combine(autograder, "run_autograder")], TimeSpan.FromMinutes(10));
        Assert.True(run.ExitCode == 0, $"run_autograder failed ({run.ExitCode}):\n{Tail(run.Output)}\n{Tail(run.Error)}");

        using var json = JsonDocument.Parse(File.ReadAllText(results));
        var top = json.RootElement;
        Assert.Equal(105, top.GetProperty("score").GetDouble()); // 100, plus 5 extra credit
        var tests = top.GetProperty("tests").EnumerateArray().ToArray();
        Assert.Equal(Rl.Grading.Judge.GradedTests.All.Count, tests.Length);   // every graded test, 34 with NPG's
        Assert.All(tests, test => Assert.Equal("passed", test.GetProperty("status").GetString()));
        Assert.Equal(100, tests.Sum(test => test.GetProperty("max_score").GetDouble()));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(results)!, "*.tmp"));
    }

    private static string Tail(string text) => text.Length <= 3000 ? text : text[^3000..];

    public void Dispose() => _temporary.Delete(recursive: true);
}
