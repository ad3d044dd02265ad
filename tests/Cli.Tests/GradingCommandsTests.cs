namespace Cli.Tests;

/// <summary>`grade` and `assignment` as a TA meets them: bad options exit 2 naming the option and the rule.</summary>
public class GradingCommandsTests
{
    [Theory]
    [InlineData("/nowhere/at/all", "10", "--submission", "no folder or .zip file at /nowhere/at/all")]
    [InlineData(".", "0", "--call-seconds", "must be in (0, 600]")]
    [InlineData(".", "601", "--call-seconds", "must be in (0, 600]")]
    public void BadGradeOption_ExitsWith2_NamingTheOptionAndTheRule(string submission, string seconds, string named, string rule)
    {
        var (exitCode, _, error) = CliProcess.Run("grade", "--submission", submission, "--call-seconds", seconds, "--out", "/tmp/never-written.json");
        Assert.Equal(2, exitCode);
        Assert.Contains(named, error);
        Assert.Contains(rule, error);
        Assert.False(File.Exists("/tmp/never-written.json"));
    }

    [Fact]
    public void GradeWithoutSubmission_ExitsWith2()
    {
        var (exitCode, _, error) = CliProcess.Run("grade");
        Assert.Equal(2, exitCode);
        Assert.Contains("--submission", error);
    }

    [Fact]
    public void AssignmentReleaseWithoutOut_ExitsWith2()
    {
        var (exitCode, _, error) = CliProcess.Run("assignment", "release");
        Assert.Equal(2, exitCode);
        Assert.Contains("--out", error);
    }
}
