using System.Diagnostics;

namespace TestSupport;

/// <summary>
/// Runs a program as a child process with its output captured and a time limit: how the test projects
/// run the CLI, the kernel stand-in and headless Chromium. Linked into each test project that needs it.
/// </summary>
internal static class ChildProcess
{
    /// <summary>
    /// Runs <paramref name="fileName"/> with <paramref name="arguments"/>, and <paramref name="environment"/> added to
    /// this process's environment; kills it (and its children) past <paramref name="timeout"/>.
    /// </summary>
    public static (int ExitCode, string Output, string Error) Run(string fileName, IEnumerable<string> arguments, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(fileName)} {string.Join(' ', start.ArgumentList)} did not finish within {timeout.TotalSeconds:F0} s.");
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}
