namespace Cli.Tests;

/// <summary>Runs the built command line (artifacts/bin/Cli/&lt;config&gt;/Cli.dll) as its own process.</summary>
internal static class CliProcess
{
    private static readonly string Dll = Path.Combine(RepositoryRoot(), "artifacts", "bin", "Cli",
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}release{Path.DirectorySeparatorChar}") ? "release" : "debug", "Cli.dll");

    public static (int ExitCode, string Output, string Error) Run(params string[] arguments) =>
        TestSupport.ChildProcess.Run("dotnet", [Dll, .. arguments], TimeSpan.FromMinutes(2));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Teaching.sln"))) return dir.FullName;
        throw new InvalidOperationException("Teaching.sln not found above " + AppContext.BaseDirectory);
    }
}
