using System.Diagnostics;
using System.Text.RegularExpressions;
using Rl.Grading;
using Rl.Grading.Judge;
using Rl.Grading.Release;

namespace Rl.Benchmarks;

/// <summary>
/// How long the judge takes per submission, end to end (Grader.Grade, as Gradescope runs it):
/// a blank submission (every call fails at once, so its time is the judge's overhead: release,
/// sandboxed compile, worker starts, the calls), one that does not compile (release and compile
/// only), and the reference (overhead plus the student code's own work, training included).
/// Prints each run, then the median per submission, with the compile time the judge reports.
///   dotnet run -c Release --project tests/Rl.Benchmarks -- grading [runs]
/// </summary>
internal static partial class GradingBenchmark
{
    public static void Run(int runs)
    {
        string root = RepositoryRoot.Find();
        var work = Directory.CreateTempSubdirectory("rl-grading-benchmark-");
        try
        {
            var submissions = new Dictionary<string, string>
            {
                ["blank"] = Directory.CreateDirectory(Path.Combine(work.FullName, "blank")).FullName,
                ["compile-error"] = Reference(root, Path.Combine(work.FullName, "compile-error"), breakIt: true),
                ["reference"] = Reference(root, Path.Combine(work.FullName, "reference"), breakIt: false),
            };
            Console.WriteLine($"Grading benchmark: {runs} run(s) per submission, {Environment.ProcessorCount} cores, load average {LoadAverage()}.");
            var totals = submissions.Keys.ToDictionary(name => name, _ => new List<double>());
            var compiles = submissions.Keys.ToDictionary(name => name, _ => new List<double>());
            for (int run = 0; run < runs; run++)
            {
                foreach (var (name, folder) in submissions)
                {
                    var clock = Stopwatch.StartNew();
                    var report = Grader.Grade(new GradingOptions(folder, Path.Combine(work.FullName, $"{name}.json")) { RepositoryRoot = root });
                    double seconds = clock.Elapsed.TotalSeconds;
                    double compile = double.Parse(CompileSeconds().Match(report.Output).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                    totals[name].Add(seconds);
                    compiles[name].Add(compile);
                    Console.WriteLine($"  run {run + 1}  {name,-14} score {report.Score,5:0.#}  total {seconds,6:0.00} s  compile {compile,5:0.0} s");
                }
            }
            Console.WriteLine($"Median over {runs} run(s) (load average now {LoadAverage()}):");
            foreach (var name in submissions.Keys)
                Console.WriteLine($"  {name,-14} total {Median(totals[name]),6:0.00} s  compile {Median(compiles[name]),5:0.0} s");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>The reference's allowed files in <paramref name="folder"/>; with <paramref name="breakIt"/>, Gae.cs ends with a stray brace.</summary>
    private static string Reference(string root, string folder, bool breakIt)
    {
        foreach (string file in AssignmentFiles.Allowed(root))
        {
            string destination = Path.Combine(folder, file);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(Path.Combine(root, file), destination);
            if (breakIt && file.EndsWith("/Gae.cs", StringComparison.Ordinal)) File.AppendAllText(destination, "\n}\n");
        }
        return folder;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    [GeneratedRegex(@"Compilation: \w+ (?:in|after) ([0-9.]+) s")]
    private static partial Regex CompileSeconds();
}
