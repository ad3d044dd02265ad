using System.IO.Compression;
using Rl.Grading.Release;

namespace Rl.Grading.Tests.Release;

public sealed class AutograderBundleTests : IDisposable
{
    private const int UnixExecutable = 0x8000 | 0b111_101_101; // regular file, rwxr-xr-x
    private readonly string folder = Directory.CreateTempSubdirectory("autograder-").FullName;
    private readonly string root = RepositoryRoot.Find();

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private ZipArchive Write(out IReadOnlyList<string> entries)
    {
        string zip = Path.Combine(folder, "autograder.zip");
        entries = AutograderBundle.Write(root, zip);
        return ZipFile.OpenRead(zip);
    }

    [Fact]
    public void Scripts_AreAtTheRoot_Executable_WithLfEndings()
    {
        using var zip = Write(out _);
        foreach (string script in new[] { "setup.sh", "run_autograder" })
        {
            var entry = zip.GetEntry(script);
            Assert.NotNull(entry);
            Assert.Equal(UnixExecutable, entry.ExternalAttributes >>> 16);
            using var reader = new StreamReader(entry.Open());
            string text = reader.ReadToEnd();
            Assert.StartsWith("#!/usr/bin/env bash\n", text);
            Assert.DoesNotContain('\r', text);
            Assert.Contains("AUTOGRADER_ROOT=\"${AUTOGRADER_ROOT:-/autograder}\"", text);
        }
    }

    [Fact]
    public void Zip_HoldsTheJudgesProjectsAndHiddenTests_WithoutBuildOutput()
    {
        using var zip = Write(out var entries);
        Assert.Equal(entries, zip.Entries.Select(e => e.FullName));
        var source = entries.Skip(2).ToList();
        Assert.Equal(["setup.sh", "run_autograder"], entries.Take(2));
        foreach (string file in new[] { "Teaching.sln", "Directory.Build.props", "Directory.Packages.props", "src/Cli/Cli.csproj", "src/Grading/Grading.csproj",
                                        "src/Rl/Advantages/Gae.cs", "src/Plots/Plotly/Rl.Plots.Plotly.csproj", "src/Notebooks/Rl.Notebooks.csproj",
                                        "src/Grading.Worker/Grading.Worker.csproj", "assignments/ppo-gae/tests/PpoGae.Tests.csproj", "notebooks/package-lock.json" })
            Assert.Contains(file, source);
        Assert.DoesNotContain(source, file => SourceTree.IsSkipped(file));
        Assert.DoesNotContain(source, file => file.StartsWith("tests/", StringComparison.Ordinal) || file.EndsWith(".ipynb", StringComparison.Ordinal));
        string hidden = Path.Combine(root, "assignments/ppo-gae/tests/Hidden");
        if (Directory.Exists(hidden))
            Assert.Contains(source, file => file.StartsWith("assignments/ppo-gae/tests/Hidden/", StringComparison.Ordinal));
        // The reference solution is there, unstubbed: the judge compares against it.
        using var gae = new StreamReader(zip.GetEntry("src/Rl/Advantages/Gae.cs")!.Open());
        Assert.Contains("BEGIN SOLUTION", gae.ReadToEnd());
    }

    [Fact]
    public void ProjectFolders_FollowTheCliProjectReferencesTransitively() =>
        Assert.Equal(["assignments/ppo-gae/tests", "src/Cli", "src/Grading", "src/Grading.Worker", "src/Notebooks", "src/Plots", "src/Plots/Backend", "src/Plots/Plotly", "src/Rl"],
            AutograderBundle.ProjectFolders(root, "src/Cli/Cli.csproj"));

    [Fact]
    public void Write_IsDeterministic()
    {
        string first = Path.Combine(folder, "a.zip"), second = Path.Combine(folder, "b.zip");
        AutograderBundle.Write(root, first);
        AutograderBundle.Write(root, second);
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }
}
