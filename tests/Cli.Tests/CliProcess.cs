namespace Cli.Tests;

/// <summary>Runs the built command line (artifacts/bin/Cli/&lt;config&gt;/Cli.dll) as its own process.</summary>
internal static class CliProcess
{
    /// <summary>The built Cli.dll.</summary>
    public static readonly string Dll = Path.Combine(RepositoryRoot(), "artifacts", "bin", "Cli",
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}release{Path.DirectorySeparatorChar}") ? "release" : "debug", "Cli.dll");

    public static (int ExitCode, string Output, string Error) Run(params string[] arguments) => Run(TimeSpan.FromMinutes(2), arguments);

    /// <summary>Runs the command line, killing it after <paramref name="timeout"/>.</summary>
    public static (int ExitCode, string Output, string Error) Run(TimeSpan timeout, params string[] arguments) =>
        TestSupport.ChildProcess.Run("dotnet", [Dll, .. arguments], timeout);

    /// <summary>Runs the command line with <paramref name="environment"/> added to the test's, killing it after <paramref name="timeout"/>.</summary>
    public static (int ExitCode, string Output, string Error) Run(TimeSpan timeout, IReadOnlyDictionary<string, string> environment,
        params string[] arguments) =>
        TestSupport.ChildProcess.Run("dotnet", [Dll, .. arguments], timeout, environment);

    /// <summary>
    /// Runs the command line in a pseudo-terminal <paramref name="columns"/> wide (util-linux's script), as a
    /// user at a terminal sees it: live progress and all. Null when script is not on PATH.
    /// </summary>
    public static string? RunInTerminal(int columns, params string[] arguments)
    {
        if (!File.Exists("/usr/bin/script")) return null;
        string command = $"stty cols {columns} rows 24; exec dotnet {Quote(Dll)} {string.Join(' ', arguments.Select(Quote))}";
        var (exitCode, output, error) = TestSupport.ChildProcess.Run("/usr/bin/script", ["-qec", command, "/dev/null"], TimeSpan.FromMinutes(2));
        Assert.True(exitCode == 0, $"exit code {exitCode}: {error}{output}");
        return output;
    }

    private static string Quote(string argument) => "'" + argument.Replace("'", "'\\''") + "'";

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Teaching.sln"))) return dir.FullName;
        throw new InvalidOperationException("Teaching.sln not found above " + AppContext.BaseDirectory);
    }
}
