namespace Cli.Tests;

/// <summary>The command line as a user meets it: exit codes, messages, help, the worked GAE example, eval of a missing file.</summary>
public class CommandLineTests
{
    [Theory]
    [InlineData("--lambda", "-1", "--lambda", "must be in [0, 1]")]
    [InlineData("--env", "Foo", "--env", "known: CartPole-v1, Pendulum-v1")]
    [InlineData("--eval-episodes", "0", "--eval-episodes", "at least 1")]
    public void BadTrainOption_ExitsWith2_NamingTheOptionAndTheRule(string option, string value, string named, string rule)
    {
        var (exitCode, _, error) = CliProcess.Run("train", option, value);
        Assert.Equal(2, exitCode);
        Assert.Contains(named, error);
        Assert.Contains(rule, error);
    }

    [Fact]
    public void TrainHelp_DocumentsEveryOptionWithItsDefault()
    {
        var (exitCode, output, _) = CliProcess.Run("train", "--help");
        Assert.Equal(0, exitCode);
        foreach (string option in new[] { "--env", "--seed", "--total-steps", "--envs", "--steps-per-rollout", "--lr", "--anneal-lr", "--gamma",
                     "--lambda", "--minibatches", "--epochs", "--norm-adv", "--clip", "--clip-vloss", "--ent-coef", "--vf-coef",
                     "--max-grad-norm", "--target-kl", "--hidden", "--out", "--eval-episodes" })
            Assert.Contains(option, output);
        Assert.Contains("preset: 2.5e-4 CartPole", output);
    }

    [Fact]
    public void GaeExample_ShowsRecursionAndDefinitionAgreeing()
    {
        var (exitCode, output, _) = CliProcess.Run("gae", "--gamma", "0.9", "--lambda", "0.8");
        Assert.Equal(0, exitCode);
        // h = 4 of the worked example: r = 1, V(s_4) = 0.5, terminal next: BE = A = 0.5, y = 1.
        Assert.Contains("  4   1.00    0.50    0.5000    0.5000    0.5000    0.5000     0.5000     0.5000    1.0000", output);
        Assert.Contains("agree", output);
    }

    [Fact]
    public void Eval_OfAMissingFile_ExitsWith2()
    {
        var (exitCode, _, error) = CliProcess.Run("eval", "--policy", "/nonexistent/policy.json");
        Assert.Equal(2, exitCode);
        Assert.Contains("--policy", error);
    }
}
