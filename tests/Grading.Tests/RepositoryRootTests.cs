namespace Rl.Grading.Tests;

public class RepositoryRootTests
{
    [Fact]
    public void Find_ReachesTheFolderWithTheSolution() =>
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Find(), "Teaching.sln")));

    [Fact]
    public void Find_FromOutsideTheRepository_SaysWhatIsMissing()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => RepositoryRoot.Find("/"));
        Assert.Contains("Teaching.sln", error.Message);
    }
}
