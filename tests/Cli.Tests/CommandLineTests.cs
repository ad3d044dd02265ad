namespace Cli.Tests;

/// <summary>The command line as a user meets it: exit codes, messages, help, and what train writes.</summary>
public class CommandLineTests
{
    [Theory]
    [InlineData("--lambda", "-1", "--lambda", "must be in [0, 1]")]
    [InlineData("--env", "Foo", "--env", "known: CartPole-v1, Pendulum-v1")]
    [InlineData("--minibatches", "3", "--minibatches", "must divide")]
    [InlineData("--eval-episodes", "0", "--eval-episodes", "at least 1")]
    public void BadTrainOption_ExitsWith2_NamingTheOptionAndTheRule(string option, string value, string named, string rule)
    {
        var (exitCode, _, error) = CliProcess.Run("train", option, value);
        Assert.Equal(2, exitCode);
        Assert.Contains(named, error);
        Assert.Contains(rule, error);
    }

    [Fact]
    public void UnknownOption_ExitsWith2()
    {
        var (exitCode, _, error) = CliProcess.Run("train", "--bogus");
        Assert.Equal(2, exitCode);
        Assert.Contains("--bogus", error);
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
    public void Train_WritesMetricsEpisodesChartAndPolicy_ThatEvalReads()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"cli-train-{Guid.NewGuid():N}");
        try
        {
            var (exitCode, output, error) = CliProcess.Run("train", "--total-steps", "2048", "--out", folder, "--eval-episodes", "3");
            Assert.True(exitCode == 0, error);
            Assert.Contains("Deterministic evaluation over 3 episodes", output);
            string[] metrics = File.ReadAllLines(Path.Combine(folder, "metrics.csv"));
            Assert.Equal(1 + 4, metrics.Length); // header + 2048 / 512 updates
            Assert.StartsWith("update,steps,learning_rate,policy_loss,value_loss,entropy,approx_kl,clip_fraction,explained_variance", metrics[0]);
            Assert.StartsWith("4,2048,", metrics[^1]);
            string html = File.ReadAllText(Path.Combine(folder, "learning-curves.html"));
            Assert.DoesNotContain("<script src=", html); // plotly.js is inlined: the page works offline
            Assert.Contains("plotly.js v2", html);
            Assert.Contains("Explained variance", html);

            var (evalExit, evalOutput, _) = CliProcess.Run("eval", "--policy", Path.Combine(folder, "policy.json"), "--episodes", "2");
            Assert.Equal(0, evalExit);
            Assert.Contains("CartPole-v1: mean return", evalOutput);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Eval_OfAMissingFile_ExitsWith2()
    {
        var (exitCode, _, error) = CliProcess.Run("eval", "--policy", "/nonexistent/policy.json");
        Assert.Equal(2, exitCode);
        Assert.Contains("--policy", error);
    }
}
