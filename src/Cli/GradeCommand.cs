using System.CommandLine;
using Rl.Grading.Judge;

namespace Rl.Cli;

/// <summary>`grade`: the autograder. Grades a submission folder and writes Gradescope's results.json.</summary>
internal static class GradeCommand
{
    public static Command Create()
    {
        var submission = new Option<string>("--submission") { Description = "The student's folder (only the assignment's files are read from it).", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write results.json.", DefaultValueFactory = _ => "results.json" };
        var callLimit = new Option<double>("--call-seconds") { Description = "Time limit per call into the student's code.", DefaultValueFactory = _ => 10 };
        var command = new Command("grade", "Grade a submission of the PPO/GAE assignment: build it, run the graded tests against it in a sandboxed worker, write results.json.")
        {
            submission, output, callLimit,
        };
        command.SetAction(parse =>
        {
            string folder = parse.GetValue(submission)!;
            if (!Directory.Exists(folder)) { Console.Error.WriteLine($"error: --submission: no folder at {folder}."); return 2; }
            double seconds = parse.GetValue(callLimit);
            if (!(seconds > 0 && seconds <= 600)) { Console.Error.WriteLine("error: --call-seconds: must be in (0, 600]."); return 2; }
            if (OutputPaths.CheckFile(parse.GetValue(output)!, output.Name) is { } error) { Console.Error.WriteLine($"error: {error}"); return 2; }
            var options = new GradingOptions(Path.GetFullPath(folder), Path.GetFullPath(parse.GetValue(output)!))
            {
                CallLimit = TimeSpan.FromSeconds(seconds),
            };
            var report = Grader.Grade(options);
            foreach (var test in report.Tests)
                Console.WriteLine($"{(test.Passed ? "PASS" : "FAIL"),-4} {test.Number,-5} {test.Score,4}/{test.MaxScore,-3} {test.Name}");
            Console.WriteLine($"Score {report.Score} / 100, extra credit {report.ExtraCredit}, in {report.ExecutionTimeSeconds:0.0} s; results in {options.OutputPath}.");
            return 0;
        });
        return command;
    }
}
