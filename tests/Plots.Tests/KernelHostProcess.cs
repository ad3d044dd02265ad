namespace Plots.Tests;

/// <summary>Runs the built tests/KernelHost (artifacts/bin/KernelHost/&lt;config&gt;/KernelHost.dll) as its own process.</summary>
internal static class KernelHostProcess
{
    private static readonly string Dll = Path.Combine(IsolationTests.RepositoryRoot(), "artifacts", "bin", "KernelHost", IsolationTests.Configuration(), "KernelHost.dll");

    public static (int ExitCode, string Output, string Error) Run(params string[] arguments) =>
        TestSupport.ChildProcess.Run("dotnet", [Dll, .. arguments], TimeSpan.FromMinutes(2));
}
