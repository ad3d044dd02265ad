namespace Cli.Tests;

/// <summary>
/// The CLI's files copied out of the repository: the commands that read the kit's sources (grade, assignment
/// release) say in one line that they need the repository, exit 1, and write nothing; no stack trace.
/// </summary>
public class OutsideRepositoryTests
{
    [Theory]
    [InlineData("grade")]
    [InlineData("assignment")]
    public void ACommandThatNeedsTheSources_SaysSoInOneLine_AndWritesNothing(string command)
    {
        var copy = Directory.CreateTempSubdirectory("rl-cli-copy-");
        try
        {
            string cli = Path.Combine(copy.FullName, "cli");
            CopyFolder(Path.GetDirectoryName(CliProcess.Dll)!, cli);
            string submission = Directory.CreateDirectory(Path.Combine(copy.FullName, "submission")).FullName;
            string output = Path.Combine(copy.FullName, "out");
            string[] arguments = command == "grade"
                ? ["grade", "--submission", submission, "--out", Path.Combine(output, "results.json")]
                : ["assignment", "release", "--out", output];

            var (exitCode, stdout, stderr) = TestSupport.ChildProcess.Run("dotnet", [Path.Combine(cli, "Cli.dll"), .. arguments], TimeSpan.FromMinutes(1));

            Assert.Equal(1, exitCode);
            Assert.Equal($"error: No folder above {cli}{Path.DirectorySeparatorChar} holds Teaching.sln: run from inside the kit's repository.", stderr.Trim());
            Assert.DoesNotContain(" at ", stderr);
            Assert.Equal("", stdout);
            Assert.False(Directory.Exists(output), $"{output} was written");
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
