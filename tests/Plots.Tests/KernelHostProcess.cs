using System.Diagnostics;

namespace Plots.Tests;

/// <summary>Runs the built tests/KernelHost (artifacts/bin/KernelHost/&lt;config&gt;/KernelHost.dll) as its own process.</summary>
internal static class KernelHostProcess
{
    private static readonly string Dll = Path.Combine(IsolationTests.RepositoryRoot(), "artifacts", "bin", "KernelHost", IsolationTests.Configuration(), "KernelHost.dll");

    public static (int ExitCode, string Output, string Error) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Dll);
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"KernelHost {string.Join(' ', arguments)} did not finish within 2 minutes.");
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}
