using System.Diagnostics;
using Rl.Grading.Judge;
using TestSupport;
using Xunit.Abstractions;

namespace Rl.Grading.Tests.Samples;

/// <summary>
/// Grades every sample submission with the judge, as Gradescope would, and checks it gets exactly
/// the grade its sample.json gives: the same score and extra credit, exactly the expected tests
/// failing (with the expected diagnosis), a well-formed results.json holding that score, short
/// outputs, nothing stolen in any output, no process left behind, a host file the judge inherited
/// left untouched, and all within five minutes.
/// </summary>
/// <remarks>
/// The samples run in three lanes, three gradings at a time on a 2-core CI machine: much of a
/// grading is waiting (the compiler's and the worker's start, calls that run into their time limit,
/// a sample's settle time), during which the other lanes use the cores, and every limit a sample is
/// expected to hit is far from what a fair share of a core needs. The lanes are three test
/// collections, which xUnit runs side by side (xunit.runner.json allows three threads); the other
/// grading tests stay alone in <see cref="GradingCollection"/>.
/// </remarks>
public abstract class SampleGrading(ITestOutputHelper output)
{
    /// <summary>Longest output one test may show the student.</summary>
    private const int MaxTestOutputBytes = 4096;

    /// <summary>The longest a grading may take: Gradescope's default autograder timeout is far longer, CI's patience is not.</summary>
    private static readonly TimeSpan GradingLimit = TimeSpan.FromMinutes(5);

    /// <summary>How many gradings run at once.</summary>
    public const int Lanes = 3;

    /// <summary>
    /// The samples every `dotnet test` grades, one for each way through the judge: full marks with both
    /// trainings (reference), every call failing (blank), no build (compile-error), one bug diagnosed
    /// with its hint (gae-gamma-not-gamma-lambda), a worker that dies and is replaced (exit), a forged
    /// results.json (fake-results) and the sandbox's file system (read-hidden). The other samples, each
    /// one more bug or attack through the same paths, are the outer loop (<see cref="OuterLoop"/>): CI
    /// grades all of them.
    /// </summary>
    public static IReadOnlyList<string> InnerLoop { get; } =
        ["blank", "compile-error", "exit", "fake-results", "gae-gamma-not-gamma-lambda", "read-hidden", "reference"];

    /// <summary>
    /// The sample folders' names at positions <paramref name="lane"/>, <paramref name="lane"/> + <see cref="Lanes"/>, ...
    /// of the sorted list with the <see cref="InnerLoop"/> first (so that the inner loop, too, is spread over the lanes).
    /// </summary>
    protected static TheoryData<string> Lane(int lane) =>
        new(Sample.Names(Sample.Root(RepositoryRoot.Find()))
            .OrderBy(name => InnerLoop.Contains(name) ? 0 : 1)
            .ThenBy(name => name, StringComparer.Ordinal)
            .Where((_, index) => index % Lanes == lane));

    /// <summary>Grades sample <paramref name="name"/> and checks everything its sample.json promises.</summary>
    protected void Check(string name)
    {
        if (!InnerLoop.Contains(name)) OuterLoop.Required("one more bug or attack through paths the inner loop's samples take");
        SandboxRequired.Here();
        string repositoryRoot = RepositoryRoot.Find();
        var sample = Sample.Load(Sample.Root(repositoryRoot), name);
        var expected = sample.Expected;
        var work = Directory.CreateTempSubdirectory("rl-sample-");
        IReadOnlyList<int> survivors = [];
        try
        {
            string submission = Directory.CreateDirectory(Path.Combine(work.FullName, "submission")).FullName;
            string results = Path.Combine(Directory.CreateDirectory(Path.Combine(work.FullName, "results")).FullName, "results.json");
            SampleSubmission.Write(sample, repositoryRoot, submission);

            var clock = Stopwatch.StartNew();
            GradingReport report;
            using (var bait = new InheritedBait(Path.Combine(work.FullName, "bait.txt")))
            {
                report = Grader.Grade(new GradingOptions(submission, results) { RepositoryRoot = repositoryRoot });
                Assert.Equal(InheritedBait.Text, File.ReadAllText(bait.Path));
            }
            clock.Stop();
            output.WriteLine($"{name}: score {report.Score}, extra credit {report.ExtraCredit}, graded in {clock.Elapsed.TotalSeconds:F1} s");
            output.WriteLine(report.Output);
            foreach (var test in report.Tests.Where(test => !test.Passed))
                output.WriteLine($"  failed {test.Number} {test.Name}: {OneLine(test.Output)}");

            var failing = report.Tests.Where(test => !test.Passed).Select(test => test.Number).ToHashSet();
            Assert.True(failing.SetEquals(expected.Failing), Mismatch(report, expected));
            Assert.Equal(expected.Score, report.Score, 1e-9);
            Assert.Equal(expected.ExtraCredit, report.ExtraCredit, 1e-9);
            if (expected.Hint is string hint)
                Assert.True(report.Tests.Any(test => !test.Passed && test.Output.Contains(hint, StringComparison.Ordinal)),
                    $"no failing test's output contains \"{hint}\"");
            foreach (string forbidden in sample.Forbidden)
                Assert.DoesNotContain(report.Tests, test => test.Output.Contains(forbidden, StringComparison.Ordinal) || report.Output.Contains(forbidden, StringComparison.Ordinal));
            foreach (string secret in sample.HiddenOnly)
            {
                Assert.DoesNotContain(secret, report.Output, StringComparison.Ordinal);
                Assert.DoesNotContain(report.Tests, test => test.Visibility == "visible" && test.Output.Contains(secret, StringComparison.Ordinal));
                Assert.Contains(report.Tests, test => test.Visibility != "visible" && test.Output.Contains(secret, StringComparison.Ordinal));
            }
            foreach (var test in report.Tests)
                Assert.True(System.Text.Encoding.UTF8.GetByteCount(test.Output) <= MaxTestOutputBytes, $"test {test.Number}'s output has more than {MaxTestOutputBytes} bytes");
            Assert.Equal(report.Score + report.ExtraCredit, GradescopeResults.Check(results, MaxTestOutputBytes), 1e-9);
            Assert.True(clock.Elapsed < GradingLimit, $"grading took {clock.Elapsed.TotalSeconds:F0} s, more than {GradingLimit.TotalSeconds:F0} s");

            if (sample.SettleSeconds > 0)
            {
                string written = File.ReadAllText(results);
                Thread.Sleep(TimeSpan.FromSeconds(sample.SettleSeconds));
                Assert.Equal(written, File.ReadAllText(results));
            }
            if (sample.Marker is string marker) survivors = MarkedProcesses.Find(marker);
        }
        finally
        {
            if (sample.Marker is string marker) MarkedProcesses.Kill(MarkedProcesses.Find(marker));
            Delete(work);
        }
        Assert.True(survivors.Count == 0, $"processes the sample started outlived the grading: {string.Join(", ", survivors)}");
    }

    /// <summary>Which tests failed that should have passed and the other way round, with their outputs.</summary>
    private static string Mismatch(GradingReport report, ExpectedGrade expected)
    {
        var lines = new List<string> { $"expected failing: {string.Join(' ', expected.Failing)}" };
        foreach (var test in report.Tests)
        {
            bool shouldFail = expected.Failing.Contains(test.Number);
            if (test.Passed == shouldFail)
                lines.Add($"{test.Number} {(test.Passed ? "passed" : "failed")} unexpectedly: {OneLine(test.Output)}");
        }
        return string.Join('\n', lines);
    }

    private static string OneLine(string text)
    {
        string line = text.ReplaceLineEndings(" | ");
        return line.Length <= 400 ? line : line[..400] + " ...";
    }

    /// <summary>Removes the grading's temp folder; a process the judge failed to stop may still write there, so one retry.</summary>
    private void Delete(DirectoryInfo folder)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                folder.Delete(recursive: true);
                return;
            }
            catch (IOException e) when (attempt == 0)
            {
                output.WriteLine($"retrying to delete {folder.FullName}: {e.Message}");
                Thread.Sleep(500);
            }
        }
    }
}

/// <summary>The first lane of <see cref="SampleGrading"/>: the samples at positions 0, 3, 6, ...</summary>
[Collection("Grading samples, first lane")]
public sealed class SampleGradingTests(ITestOutputHelper output) : SampleGrading(output)
{
    /// <summary>The first lane's samples.</summary>
    public static TheoryData<string> Names => Lane(0);

    [SkippableTheory]
    [MemberData(nameof(Names))]
    public void Sample_GetsExactlyItsExpectedGrade(string name) => Check(name);
}

/// <summary>The second lane of <see cref="SampleGrading"/>: the samples at positions 1, 4, 7, ...</summary>
[Collection("Grading samples, second lane")]
public sealed class SampleGradingSecondLaneTests(ITestOutputHelper output) : SampleGrading(output)
{
    /// <summary>The second lane's samples.</summary>
    public static TheoryData<string> Names => Lane(1);

    [SkippableTheory]
    [MemberData(nameof(Names))]
    public void Sample_GetsExactlyItsExpectedGrade(string name) => Check(name);
}

/// <summary>The third lane of <see cref="SampleGrading"/>: the samples at positions 2, 5, 8, ...</summary>
[Collection("Grading samples, third lane")]
public sealed class SampleGradingThirdLaneTests(ITestOutputHelper output) : SampleGrading(output)
{
    /// <summary>The third lane's samples.</summary>
    public static TheoryData<string> Names => Lane(2);

    [SkippableTheory]
    [MemberData(nameof(Names))]
    public void Sample_GetsExactlyItsExpectedGrade(string name) => Check(name);
}
