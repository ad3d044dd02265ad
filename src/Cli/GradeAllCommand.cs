using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Rl.Grading.Class;
using Rl.Grading.Judge;
using Spectre.Console;

namespace Rl.Cli;

/// <summary>
/// `grade-all`: a class at a time. Every submission in a folder (folders, .zips, or Gradescope's export
/// with its submission_metadata.yml, unpacked or as its .zip) is graded by `grade` in a process of its own, up to --jobs at once,
/// into out/&lt;submission&gt;/results.json; a submission already graded from the same files by the same judge
/// is skipped. Then out/summary.csv (a row per student, a column per test) and out/report.html (score
/// histogram, pass rate per test, most common hints; works offline).
/// </summary>
internal static class GradeAllCommand
{
    public static Command Create()
    {
        var submissions = new Option<string>("--submissions") { Description = "The folder of submissions (one folder or .zip each), or Gradescope's export (with submission_metadata.yml), as a folder or the downloaded .zip.", Required = true };
        var output = new Option<string>("--out") { Description = "The folder for the results: <submission>/results.json, summary.csv, report.html.", Required = true };
        var jobs = new Option<int>("--jobs") { Description = "Submissions graded at once (default: the number of cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var limit = new Option<double>("--minutes") { Description = "Longest one grading may take before it is stopped and counted as not graded.", DefaultValueFactory = _ => 15 };
        var command = new Command("grade-all", "Grade every submission in a folder (resumable), then write a class summary (CSV) and report (HTML).")
        {
            submissions, output, jobs, limit,
        };
        command.SetAction(parse =>
        {
            string folder = Path.GetFullPath(parse.GetValue(submissions)!);
            string outputFolder = Path.GetFullPath(parse.GetValue(output)!);
            bool zip = SubmissionInput.IsZip(folder);
            if (!Directory.Exists(folder) && !zip) { Console.Error.WriteLine($"error: --submissions: no folder or .zip file at {folder}."); return 2; }
            if (IsWithin(outputFolder, folder)) { Console.Error.WriteLine("error: --out: must not lie inside --submissions (its folders would be graded as submissions)."); return 2; }
            int parallel = parse.GetValue(jobs);
            if (parallel is < 1 or > 64) { Console.Error.WriteLine("error: --jobs: must be in [1, 64]."); return 2; }
            double minutes = parse.GetValue(limit);
            if (!(minutes > 0 && minutes <= 120)) { Console.Error.WriteLine("error: --minutes: must be in (0, 120]."); return 2; }
            string? unpacked = zip ? Path.Combine(Directory.CreateTempSubdirectory("rl-grade-all-").FullName, "export") : null;
            try
            {
                if (unpacked is not null)
                {
                    // Gradescope's export as downloaded: unpacked under the class's limits, each submission bounded again when graded.
                    foreach (string note in SubmissionArchive.Extract(folder, unpacked, SubmissionArchive.Limits.Class)) Console.Error.WriteLine($"note: {note}");
                    folder = unpacked;
                }
                var found = ClassSubmission.Find(folder);
                if (found.Count == 0) { Console.Error.WriteLine($"error: --submissions: {folder} holds no submission (no folder, no .zip)."); return 2; }
                return Run(found, outputFolder, parallel, TimeSpan.FromMinutes(minutes));
            }
            catch (InvalidDataException e)
            {
                Console.Error.WriteLine($"error: --submissions: {e.Message}");
                return 2;
            }
            finally
            {
                if (unpacked is not null) Directory.Delete(Path.GetDirectoryName(unpacked)!, recursive: true);
            }
        });
        return command;
    }

    private static int Run(IReadOnlyList<ClassSubmission> submissions, string outputFolder, int parallel, TimeSpan limit)
    {
        Directory.CreateDirectory(outputFolder);
        Console.WriteLine($"Grading {submissions.Count} submissions, {parallel} at a time, into {outputFolder}.");
        var clock = Stopwatch.StartNew();
        var counts = new Dictionary<ClassOutcome, int> { [ClassOutcome.Graded] = 0, [ClassOutcome.UpToDate] = 0, [ClassOutcome.Failed] = 0 };
        string Describe() => $"graded {counts[ClassOutcome.Graded]}, up to date {counts[ClassOutcome.UpToDate]}, failed {counts[ClassOutcome.Failed]}";
        GradingReport Grade(string submission, string results) => GradeInChildProcess(submission, results, limit);
        IReadOnlyList<ClassResult> results;
        if (Console.IsOutputRedirected)
        {
            results = ClassGrading.Run(submissions, outputFolder, parallel, Grade, result =>
            {
                counts[result.Outcome]++;
                Console.WriteLine($"{result.Outcome,-8} {result.Submission.Id}: {Line(result)}");
            });
        }
        else
        {
            IReadOnlyList<ClassResult>? done = null;
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask("starting", maxValue: submissions.Count);
                    done = ClassGrading.Run(submissions, outputFolder, parallel, Grade, result =>
                    {
                        counts[result.Outcome]++;
                        if (result.Outcome == ClassOutcome.Failed) AnsiConsole.MarkupLine($"[red]not graded[/] {Markup.Escape(result.Submission.Id)}: {Markup.Escape(result.Error ?? "")}");
                        task.Description = Markup.Escape(Describe());
                        task.Increment(1);
                    });
                });
            results = done!;
        }

        string csv = Path.Combine(outputFolder, "summary.csv"), html = Path.Combine(outputFolder, "report.html");
        File.WriteAllText(csv, ClassSummary.Csv(results), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)); // the BOM: spreadsheets then read names as UTF-8
        File.WriteAllText(html, ClassReport.Render($"Class report: {submissions.Count} submissions", results));
        Console.WriteLine($"{Describe()} in {clock.Elapsed.TotalSeconds:0} s. Wrote {csv} and {html}.");
        return counts[ClassOutcome.Failed] > 0 ? 1 : 0;
    }

    private static string Line(ClassResult result) =>
        result.Report is { } report ? ScoreSummary.Line(report.Tests) : "not graded: " + result.Error;

    /// <summary>
    /// Runs this command line's `grade` on <paramref name="submission"/> in a new process (the judge's
    /// state, memory and any failure stay with that one submission), stopped past <paramref name="limit"/>;
    /// returns the report it wrote.
    /// </summary>
    private static GradingReport GradeInChildProcess(string submission, string results, TimeSpan limit)
    {
        string host = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this process is unknown.");
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") start.ArgumentList.Add(typeof(GradeAllCommand).Assembly.Location);
        foreach (string argument in new[] { "grade", "--submission", submission, "--out", results }) start.ArgumentList.Add(argument);
        File.Delete(results);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{host} did not start.");
        var error = new BoundedText(4000);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) => error.Add(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"the grading took more than {limit.TotalMinutes:0.#} min and was stopped.");
        }
        process.WaitForExit();
        if (process.ExitCode != 0 || ResultsJson.Read(results) is not ({ } report, _))
            throw new InvalidOperationException($"the judge exited with code {process.ExitCode} without results: {error}".TrimEnd());
        return report;
    }

    private static bool IsWithin(string path, string folder) =>
        (Path.TrimEndingDirectorySeparator(path) + Path.DirectorySeparatorChar).StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The last few thousand characters of a process's stderr.</summary>
    private sealed class BoundedText(int capacity)
    {
        private readonly StringBuilder _text = new();

        public void Add(string? line)
        {
            if (line is null) return;
            lock (_text)
            {
                _text.Append(line).Append(' ');
                if (_text.Length > capacity) _text.Remove(0, _text.Length - capacity);
            }
        }

        public override string ToString()
        {
            lock (_text) return _text.ToString();
        }
    }
}
