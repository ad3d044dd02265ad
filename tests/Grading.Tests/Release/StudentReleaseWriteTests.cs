using Rl.Grading.Release;

namespace Rl.Grading.Tests.Release;

/// <summary>What the release writers refuse and what the judge's build tree holds (no build needed).</summary>
public sealed class StudentReleaseWriteTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("release-write-").FullName;
    private readonly string root = RepositoryRoot.Find();

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Write_IntoANonEmptyFolder_IsRefused()
    {
        File.WriteAllText(Path.Combine(folder, "old.txt"), "x");
        var error = Assert.Throws<ArgumentException>(() => StudentRelease.Write(root, folder, (_, _) => throw new InvalidOperationException("no page is made for a refused release")));
        Assert.Equal("outputDirectory", error.ParamName);
        Assert.Contains("not empty", error.Message);
        Assert.Throws<ArgumentException>(() => StudentRelease.WriteSources(root, folder));
        Assert.Equal(["old.txt"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void WriteSources_IsTheLibraryStubbedAndTheWorker()
    {
        string output = Path.Combine(folder, "sources");
        var files = StudentRelease.WriteSources(root, output);
        var expected = new[] { "Directory.Build.props", "Directory.Packages.props", ".editorconfig" }
            .Concat(SourceTree.Files(root, "src/Rl")).Concat(SourceTree.Files(root, "src/Grading.Worker"));
        Assert.Equal(expected.Order(StringComparer.Ordinal), files.Order(StringComparer.Ordinal));
        Assert.Contains("<TreatWarningsAsErrors>false</TreatWarningsAsErrors>", File.ReadAllText(Path.Combine(output, "Directory.Build.props")));
        foreach (string file in AssignmentFiles.Allowed(root))
            Assert.DoesNotContain("BEGIN SOLUTION", File.ReadAllText(Path.Combine(output, file)));
        Assert.Equal(File.ReadAllText(Path.Combine(root, "src/Rl/Rl.csproj")), File.ReadAllText(Path.Combine(output, "src/Rl/Rl.csproj")));
    }

    [Fact]
    public void SolutionFile_ListsEveryProjectOnce_SameTextEveryTime()
    {
        string[] projects = ["src/Rl/Rl.csproj", "assignments/ppo-gae/tests/PpoGae.Tests.csproj"];
        string text = SolutionFile.Text(projects);
        Assert.Equal(text, SolutionFile.Text(projects.Reverse()));
        Assert.Contains("= \"Rl\", \"src\\Rl\\Rl.csproj\", \"{", text);
        Assert.Contains("= \"PpoGae.Tests\", \"assignments\\ppo-gae\\tests\\PpoGae.Tests.csproj\", \"{", text);
        Assert.Equal(2, text.Split("EndProject").Length - 1);
        Assert.Equal(4, text.Split(".Build.0 = ").Length - 1);
        var error = Assert.Throws<ArgumentException>(() => SolutionFile.Text(["notebooks/README.md"]));
        Assert.Contains("not a .csproj", error.Message);
    }
}
