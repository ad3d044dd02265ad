using System.Diagnostics;
using Rl.Grading.Release;
using TestSupport;

namespace Rl.Grading.Tests.Release;

/// <summary>
/// One student release, written from this repository into a temporary folder and built once
/// (`dotnet build PpoGae.sln`, a child process) for every test of <see cref="StudentReleaseTests"/>.
/// </summary>
public sealed class StudentReleaseFixture : IDisposable
{
    public string RepositoryRoot { get; } = Grading.RepositoryRoot.Find();
    public string Folder { get; } = Directory.CreateTempSubdirectory("student-release-").FullName;
    public IReadOnlyList<string> Files { get; }
    public (int ExitCode, string Output, string Error) Build { get; }
    public TimeSpan WriteTime { get; }
    public TimeSpan BuildTime { get; }

    public StudentReleaseFixture()
    {
        var clock = Stopwatch.StartNew();
        Files = StudentRelease.Write(RepositoryRoot, Folder);
        WriteTime = clock.Elapsed;
        clock.Restart();
        Build = ChildProcess.Run("dotnet", ["build", Path.Combine(Folder, "PpoGae.sln"), "-nologo", "-v:q"], TimeSpan.FromMinutes(5));
        BuildTime = clock.Elapsed;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
