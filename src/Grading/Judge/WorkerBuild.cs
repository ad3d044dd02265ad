using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Rl.Grading.Judge;

/// <summary>
/// Builds the worker (src/Grading.Worker with the student's src/Rl) in a release tree, as the judge:
/// compiling runs no student code. Warnings do not fail the build; errors come back as the
/// compiler's messages, paths made relative, at most <see cref="MaxErrors"/>.
/// </summary>
public static partial class WorkerBuild
{
    /// <summary>Most compiler errors reported.</summary>
    public const int MaxErrors = 25;

    /// <summary>The outcome: the worker's folder, or the errors.</summary>
    public sealed record Outcome(string? WorkerDirectory, IReadOnlyList<string> Errors, double Seconds);

    /// <summary>Builds in <paramref name="releaseDirectory"/> within <paramref name="limit"/>.</summary>
    public static Outcome Run(string releaseDirectory, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = releaseDirectory,
        };
        foreach (var argument in new[] { "build", "src/Grading.Worker/Grading.Worker.csproj", "-c", "Release", "-nologo",
                     "-v:q", "-clp:NoSummary", "-nodeReuse:false", "-p:TreatWarningsAsErrors=false", "-p:GenerateDocumentationFile=false" })
            info.ArgumentList.Add(argument);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            return new Outcome(null, [$"The build did not finish within {limit.TotalMinutes:0.#} min."], clock.Elapsed.TotalSeconds);
        }
        process.WaitForExit();
        string log;
        lock (output) log = output.ToString();
        var workerDirectory = Path.Combine(releaseDirectory, "artifacts", "bin", "Grading.Worker", "release");
        if (process.ExitCode == 0 && File.Exists(Path.Combine(workerDirectory, "Rl.Grading.Worker.dll")))
            return new Outcome(workerDirectory, [], clock.Elapsed.TotalSeconds);
        var errors = Errors(log, releaseDirectory);
        return new Outcome(null, errors.Count > 0 ? errors : [$"The build failed (exit code {process.ExitCode}):", .. Tail(log, releaseDirectory)], clock.Elapsed.TotalSeconds);
    }

    /// <summary>The distinct "error" lines of an MSBuild log, relative to the release, without the project suffix.</summary>
    public static IReadOnlyList<string> Errors(string log, string releaseDirectory)
    {
        var errors = log.Split('\n')
            .Select(line => line.Trim())
            .Where(line => ErrorLine().IsMatch(line))
            .Select(line => Clean(line, releaseDirectory))
            .Distinct()
            .ToList();
        if (errors.Count > MaxErrors)
            errors = [.. errors.Take(MaxErrors), $"... and {errors.Count - MaxErrors} more errors."];
        return errors;
    }

    private static IEnumerable<string> Tail(string log, string releaseDirectory) =>
        log.Split('\n').Select(line => Clean(line.Trim(), releaseDirectory)).Where(line => line.Length > 0).TakeLast(10);

    private static string Clean(string line, string releaseDirectory) =>
        ProjectSuffix().Replace(line, "").Replace(Path.GetFullPath(releaseDirectory).TrimEnd('/') + "/", "");

    [GeneratedRegex(@":\s*error\s+[A-Z]+\d+\s*:")]
    private static partial Regex ErrorLine();

    [GeneratedRegex(@"\s*\[[^\]]*\.csproj\]\s*$")]
    private static partial Regex ProjectSuffix();
}
