using System.CommandLine;
using Rl.Grading.Class;
using Rl.Grading.Judge;
using Rl.Grading.Release;

namespace Rl.Cli;

/// <summary>
/// `grade`: the autograder. Grades a submission (a folder, or a .zip of one) and writes Gradescope's
/// results.json; warns when the submission holds none of the assignment's files.
/// </summary>
internal static class GradeCommand
{
    public static Command Create()
    {
        var submission = new Option<string>("--submission") { Description = "The student's folder or .zip (only the assignment's files are read from it).", Required = true };
        var output = new Option<string?>("--out") { Description = "Where to write results.json (default: runs/grade/<submission>/results.json)." };
        var callLimit = new Option<double>("--call-seconds") { Description = "Time limit per call into the student's code.", DefaultValueFactory = _ => 10 };
        var command = new Command("grade", "Grade a submission of the NPG and PPO assignment: build it, run the graded tests against it in a sandboxed worker, write results.json.")
        {
            submission, output, callLimit,
        };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(submission)!;
            if (!Directory.Exists(path) && !SubmissionInput.IsZip(path)) { Console.Error.WriteLine($"error: --submission: no folder or .zip file at {path}."); return 2; }
            double seconds = parse.GetValue(callLimit);
            if (!(seconds > 0 && seconds <= 600)) { Console.Error.WriteLine("error: --call-seconds: must be in (0, 600]."); return 2; }
            string results = Path.GetFullPath(parse.GetValue(output) ?? DefaultOutput(path));
            if (KitRepository.FindOrSay() is not { } root) return 1;   // the judge builds the worker from its sources
            if (OutputPaths.CheckFile(results, output.Name) is { } error) { Console.Error.WriteLine($"error: {error}"); return 2; }
            SubmissionInput input;
            try { input = SubmissionInput.Open(path); }
            catch (InvalidDataException e) { Console.Error.WriteLine($"error: --submission: {e.Message}"); return 2; }
            using (input)
            {
                foreach (string note in input.Notes) Console.Error.WriteLine($"note: {note}");
                WarnIfEmpty(input, path, root);
                var report = Grader.Grade(new GradingOptions(input.Folder, results) { CallLimit = TimeSpan.FromSeconds(seconds), RepositoryRoot = root });
                if (report.Output.StartsWith(Grader.CouldNotGrade, StringComparison.Ordinal))
                    Console.Error.WriteLine($"error: {report.Output.TrimEnd()}");
                foreach (var test in report.Tests)
                    Console.WriteLine($"{(test.Passed ? "PASS" : "FAIL"),-4} {test.Number,-5} {ScoreSummary.Points(test),-22} {test.Name}");
                Console.WriteLine($"{ScoreSummary.Line(report.Tests)} Graded in {report.ExecutionTimeSeconds:0.0} s; results in {results}.");
            }
            return 0;
        });
        return command;
    }

    /// <summary>runs/grade/&lt;name of the folder or zip&gt;/results.json, under the working folder (runs/ is ignored by git).</summary>
    private static string DefaultOutput(string submission)
    {
        string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(submission)));
        if (SubmissionInput.IsZip(submission)) name = Path.GetFileNameWithoutExtension(name);
        return Path.Combine("runs", "grade", name.Length == 0 ? "submission" : name, "results.json");
    }

    /// <summary>Says so, on stderr, when the submission holds none of the files the judge takes: every test would fail.</summary>
    private static void WarnIfEmpty(SubmissionInput input, string path, string repositoryRoot)
    {
        var allowed = AssignmentFiles.Allowed(repositoryRoot);
        if (input.AllowedFound(allowed).Count > 0) return;
        Console.Error.WriteLine($"warning: --submission: {path} holds none of the assignment's files ({string.Join(", ", allowed.Select(Path.GetFileName))}); every test will fail.");
        if (File.Exists(Path.Combine(input.Folder, "sample.json")))
            Console.Error.WriteLine("warning: this is a sample submission's folder: its *.patch files describe the submission (the tests apply them to a copy of the sources); it is not a submission itself.");
    }
}
