using Rl.Grading.Judge;

namespace Rl.Grading.Tests.Judge;

public class WorkerBuildTests
{
    [Fact]
    public void Errors_AreTheDistinctCompilerErrors_RelativeToTheRelease_WithoutTheProjectSuffix()
    {
        const string Log = """
            /tmp/rl-grading-x/release/src/Rl/Advantages/Gae.cs(12,9): error CS1002: ; expected [/tmp/rl-grading-x/release/src/Rl/Rl.csproj]
            /tmp/rl-grading-x/release/src/Rl/Advantages/Gae.cs(12,9): error CS1002: ; expected [/tmp/rl-grading-x/release/src/Rl/Rl.csproj]
            /tmp/rl-grading-x/release/src/Rl/Ppo/ValueLoss.cs(3,1): warning CS0168: unused [/tmp/rl-grading-x/release/src/Rl/Rl.csproj]
            /tmp/rl-grading-x/release/src/Rl/Ppo/ValueLoss.cs(40,5): error CS0103: The name 'x' does not exist in the current context [/tmp/rl-grading-x/release/src/Rl/Rl.csproj]
            """;
        Assert.Equal([
            "src/Rl/Advantages/Gae.cs(12,9): error CS1002: ; expected",
            "src/Rl/Ppo/ValueLoss.cs(40,5): error CS0103: The name 'x' does not exist in the current context",
        ], WorkerBuild.Errors(Log, "/tmp/rl-grading-x/release"));
    }

    [Fact]
    public void Errors_AreCapped()
    {
        var log = string.Join("\n", Enumerable.Range(0, 40).Select(i => $"/r/src/Rl/A.cs({i},1): error CS1002: ; expected"));
        var errors = WorkerBuild.Errors(log, "/r");
        Assert.Equal(WorkerBuild.MaxErrors + 1, errors.Count);
        Assert.Equal("... and 15 more errors.", errors[^1]);
    }
}
