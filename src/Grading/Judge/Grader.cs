using System.Diagnostics;
using System.Text;
using Rl.Grading.Release;

namespace Rl.Grading.Judge;

/// <summary>
/// The autograder's pipeline, trusted end to end:
/// <code>
///   1. write a clean student release (stubs) into a fresh folder
///   2. copy in the submission's allowed files, nothing else
///   3. compile the worker with them, sandboxed (a compile error fails every test, with the messages)
///   4. run every graded test here, in the judge; each call into student code goes to the sandboxed worker
///   5. stop every worker, then write results.json once, atomically
/// </code>
/// The judge never loads student code: the reference, the graded tests and the results stay in this
/// process; the worker only ever sees inputs and sends back raw outputs. What the student's code
/// prints goes with the test that was running (and that test's visibility), never into the top-level
/// output, which students always see. results.json is written whatever happens: an error of the
/// judge itself, or a pipeline that outlives the time budget by <see cref="Overrun"/>, gives a
/// score of 0 with the reason.
/// </summary>
public static class Grader
{
    /// <summary>How long past <see cref="GradingOptions.TotalLimit"/> the judge waits before it gives up on its own pipeline.</summary>
    public static readonly TimeSpan Overrun = TimeSpan.FromMinutes(1);

    /// <summary>Grades <see cref="GradingOptions.SubmissionDirectory"/> and writes results.json to <see cref="GradingOptions.OutputPath"/>.</summary>
    public static GradingReport Grade(GradingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var clock = Stopwatch.StartNew();
        var deadline = DateTime.UtcNow + options.TotalLimit;
        var gate = new Lock();
        bool written = false;
        GradingReport Write(GradingReport report)
        {
            lock (gate)
            {
                if (written) return report;
                written = true;
                ResultsJson.Write(report, options.OutputPath);
                return report;
            }
        }

        GradingReport? graded = null;
        Exception? failure = null;
        var pipeline = new Thread(() =>
        {
            try { graded = Pipeline(options, deadline, clock); }
            catch (Exception e) { failure = e; }
        })
        { IsBackground = true, Name = "grading" };
        pipeline.Start();
        if (!pipeline.Join(options.TotalLimit + Overrun))
            return Write(Failure($"the grading did not finish within {(options.TotalLimit + Overrun).TotalMinutes:0.#} min.", clock));
        if (graded is null)
            return Write(Failure(failure is SandboxUnavailableException ? failure.Message : $"{failure?.GetType().Name}: {failure?.Message}", clock));
        return Write(graded);
    }

    /// <summary>How the output of a grading the judge could not do starts (no isolation, a judge failure, its time budget).</summary>
    public const string CouldNotGrade = "The autograder could not grade this submission: ";

    /// <summary>Score 0: the judge itself failed; every test says so.</summary>
    private static GradingReport Failure(string reason, Stopwatch clock) =>
        Report(GradedTests.FailAll("Not run: the autograder failed (see the top of the results)."), clock.Elapsed.TotalSeconds,
            $"{CouldNotGrade}{reason}\nPlease tell your instructor; this is not a judgement of your code.\n");

    private static GradingReport Pipeline(GradingOptions options, DateTime deadline, Stopwatch clock)
    {
        string root = options.RepositoryRoot ?? RepositoryRoot.Find();
        var output = new StringBuilder();
        var work = Directory.CreateTempSubdirectory("rl-grading-");
        try
        {
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(work.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                    UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            string release = Path.Combine(work.FullName, "release");
            StudentRelease.WriteSources(root, release);
            output.AppendLine("Files:");
            foreach (var line in SubmissionFiles.Copy(options.SubmissionDirectory, AssignmentFiles.Allowed(root), release))
                output.AppendLine("  " + line);

            using var sandbox = new Sandbox(Path.Combine(work.FullName, "worker"), work.FullName, options.MemoryLimitBytes, Sandbox.Detect());
            output.AppendLine(sandbox.Describe());
            ReadableByAll(release);
            var build = WorkerBuild.Run(release, Path.Combine(work.FullName, "worker"), sandbox, options.MemoryLimitBytes, TimeSpan.FromMinutes(1));
            IReadOnlyList<GradedTestResult> tests;
            if (build.WorkerDirectory is null)
            {
                output.AppendLine($"Compilation: failed after {build.Seconds:0.0} s.");
                string errors = string.Join("\n", build.Errors);
                tests = [new GradedTestResult("0", "Compilation", 0, 0, false, GradedTests.Cap("Your code does not compile:\n" + errors), "visible", false),
                         .. GradedTests.FailAll("Not run: your code does not compile (see test 0, Compilation).")];
            }
            else
            {
                output.AppendLine($"Compilation: succeeded in {build.Seconds:0.0} s.");
                ReadableByAll(build.WorkerDirectory);
                output.AppendLine($"Limits: {options.CallLimit.TotalSeconds:0.#} s per call, {options.TestLimit.TotalSeconds:0.#} s per test, {options.MemoryLimitBytes >> 20} MiB of memory.");
                var submission = WorkerSubmission.Create(sandbox, options, deadline);
                try
                {
                    tests = GradedTests.Run(submission, deadline, options.TestLimit);
                }
                finally
                {
                    ((IDisposable)submission).Dispose();
                }
            }
            return Report(tests, clock.Elapsed.TotalSeconds, output.ToString());
        }
        finally
        {
            try { work.Delete(recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    private static GradingReport Report(IReadOnlyList<GradedTestResult> tests, double seconds, string output)
    {
        double score = tests.Where(t => !t.ExtraCredit).Sum(t => t.Score);
        double extra = tests.Where(t => t.ExtraCredit).Sum(t => t.Score);
        return new GradingReport(score, extra, seconds, tests, output); // the score line is the renderers' (ScoreSummary)
    }

    /// <summary>Lets the sandbox user read the sources and the worker's build: folders 755, files 644.</summary>
    private static void ReadableByAll(string directory)
    {
        if (OperatingSystem.IsWindows()) return;
        const UnixFileMode Read = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        const UnixFileMode Enter = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(directory, Read | Enter);
        foreach (var sub in Directory.EnumerateDirectories(directory, "*", SearchOption.AllDirectories)) File.SetUnixFileMode(sub, Read | Enter);
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)) File.SetUnixFileMode(file, Read);
    }
}
