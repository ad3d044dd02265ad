namespace Cli.Tests;

/// <summary>
/// A bad --out is found before any work: exit code 2 and one line naming the option and the path, no
/// stack trace, and nothing trained, run or graded first.
/// </summary>
public class OutputPathTests
{
    [Fact]
    public void Train_OntoAnExistingFile_StopsBeforeTraining()
    {
        string file = Path.GetTempFileName();
        try
        {
            var (exitCode, output, error) = CliProcess.Run("train", "--out", file);
            Assert.Equal(2, exitCode);
            Assert.Equal("", output); // not "Training PPO ..."
            Assert.Equal($"error: --out {file}: is a file; name a folder (it is created if missing).", error.TrimEnd());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void NotebooksRun_OntoAFile_StopsBeforeRunningANotebook()
    {
        string file = Path.GetTempFileName();
        try
        {
            var (exitCode, output, error) = CliProcess.Run("notebooks", "run", NotebookPath(), "--out", file);
            Assert.Equal(2, exitCode);
            Assert.DoesNotContain("[1/1]", output);
            Assert.Equal($"error: --out {file}: is a file; name a folder (it is created if missing).", error.TrimEnd());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("under-a-file")] // the folder is a file: unwritable even for root
    [InlineData("is-a-folder")]
    public void Grade_ToAnUnwritablePath_StopsBeforeGrading(string kind)
    {
        string file = Path.GetTempFileName();
        string submission = Directory.CreateTempSubdirectory("cli-grade-").FullName;
        try
        {
            string output = kind == "is-a-folder" ? submission : Path.Combine(file, "results.json");
            var (exitCode, stdout, error) = CliProcess.Run("grade", "--submission", submission, "--out", output);
            Assert.Equal(2, exitCode);
            Assert.Equal("", stdout); // no test was graded
            Assert.StartsWith($"error: --out {output}: ", error);
            Assert.DoesNotContain("   at ", error);
        }
        finally
        {
            File.Delete(file);
            Directory.Delete(submission, recursive: true);
        }
    }

    private static string NotebookPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Teaching.sln"))) return Path.Combine(dir.FullName, "notebooks", "01-monte-carlo-advantages.ipynb");
        throw new InvalidOperationException("Teaching.sln not found above " + AppContext.BaseDirectory);
    }
}
