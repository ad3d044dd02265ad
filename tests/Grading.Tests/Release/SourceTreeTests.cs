using Rl.Grading.Release;

namespace Rl.Grading.Tests.Release;

public sealed class SourceTreeTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("source-tree-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Files_SkipBuildOutputAndInstalledFolders_SortedWithSlashes()
    {
        foreach (string path in new[] { "p/b.cs", "p/A.cs", "p/sub/c.txt", "p/bin/x.dll", "p/obj/y.json", "p/sub/artifacts/z", "p/node_modules/m.js", "p/.git/HEAD" })
            SourceTree.Write(root, path, [1]);
        Assert.Equal(["p/A.cs", "p/b.cs", "p/sub/c.txt"], SourceTree.Files(root, "p"));
    }

    [Fact]
    public void Files_MissingFolder_SaysWhichOne()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => SourceTree.Files(root, "nothing/here"));
        Assert.Contains("nothing/here/", error.Message);
    }

    [Theory]
    [InlineData("src/Rl/bin/Rl.dll", true)]
    [InlineData("a/node_modules/x/y.js", true)]
    [InlineData("src/Rl/Gae.cs", false)]
    [InlineData("bin", false)]
    public void IsSkipped_LooksAtFolders(string path, bool skipped) => Assert.Equal(skipped, SourceTree.IsSkipped(path));
}
