using System.Diagnostics;
using Rl.Grading.Release;
using TestSupport;

namespace Rl.Grading.Tests.Release;

/// <summary>
/// One student release, written from this repository into a temporary folder and built once
/// (`dotnet build PpoGae.sln`, a child process) for every test of <see cref="StudentReleaseTests"/>.
/// Its lecture pages are stand-ins that hold the released notebook as given (executing the notebooks
/// is the command line's part, tested end to end in Cli.Tests), so the checks of every released file
/// see what each page was made from.
/// </summary>
public sealed class StudentReleaseFixture : IDisposable
{
    public string RepositoryRoot { get; } = Grading.RepositoryRoot.Find();
    public string Folder { get; } = Directory.CreateTempSubdirectory("student-release-").FullName;
    public IReadOnlyList<string> Files { get; }
    public (int ExitCode, string Output, string Error) Build { get; }
    public TimeSpan WriteTime { get; }
    public TimeSpan BuildTime { get; }
    /// <summary>Every call of the release's <see cref="LecturePage"/>: the notebook's path and the released JSON.</summary>
    public List<(string Path, string Json)> PageCalls { get; } = [];

    public StudentReleaseFixture()
    {
        var clock = Stopwatch.StartNew();
        Files = StudentRelease.Write(RepositoryRoot, Folder, Page);
        WriteTime = clock.Elapsed;
        clock.Restart();
        Build = ChildProcess.Run("dotnet", ["build", Path.Combine(Folder, "PpoGae.sln"), "-nologo", "-v:q"], TimeSpan.FromMinutes(5));
        BuildTime = clock.Elapsed;
    }

    /// <summary>The stand-in page: the released notebook inside an HTML comment.</summary>
    public static string PageText(string path, string json) => $"<!DOCTYPE html>\n<!-- {System.IO.Path.GetFileName(path)}\n{json}\n-->\n";

    private string Page(string path, string json)
    {
        PageCalls.Add((path, json));
        return PageText(path, json);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
