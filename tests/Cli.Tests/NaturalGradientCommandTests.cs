namespace Cli.Tests;

/// <summary>`train --algo npg|trpo` and `bench --algo`: outputs, and the options that belong to the other algorithm.</summary>
public class NaturalGradientCommandTests
{
    [Theory]
    [InlineData("npg", "--clip", "0.1", "--clip", "applies to --algo ppo only")]
    [InlineData("trpo", "--lr", "1e-3", "--lr", "applies to --algo ppo only")]
    [InlineData("ppo", "--max-kl", "0.02", "--max-kl", "applies to --algo npg and trpo only")]
    [InlineData("npg", "--backtracks", "5", "--backtracks", "applies to --algo trpo only")]
    [InlineData("npg", "--max-kl", "0", "--max-kl", "must be a positive finite number")]
    [InlineData("trpo", "--backtrack-ratio", "1.5", "--backtrack-ratio", "must be in (0, 1)")]
    [InlineData("npg", "--vf-minibatches", "3", "--vf-minibatches", "must divide")]
    [InlineData("npg", "--lambda", "2", "--lambda", "must be in [0, 1]")]
    public void BadCombinationOrValue_ExitsWith2_NamingTheOption(string algorithm, string option, string value, string named, string rule)
    {
        foreach (string command in new[] { "train", "bench" })
        {
            var (exitCode, _, error) = CliProcess.Run(command, "--algo", algorithm, option, value);
            Assert.Equal(2, exitCode);
            Assert.Contains(named, error);
            Assert.Contains(rule, error);
        }
    }

    [Fact]
    public void UnknownAlgorithm_ExitsWith2()
    {
        var (exitCode, _, error) = CliProcess.Run("train", "--algo", "sarsa");
        Assert.Equal(2, exitCode);
        Assert.Contains("error: --algo sarsa: expected ppo, npg or trpo.", error);
    }

    [Fact]
    public void TrainTrpo_WritesMetricsEpisodesChartAndPolicy_ThatEvalReads()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"cli-trpo-{Guid.NewGuid():N}");
        try
        {
            var (exitCode, output, error) = CliProcess.Run("train", "--algo", "trpo", "--total-steps", "4096", "--out", folder, "--eval-episodes", "3");
            Assert.True(exitCode == 0, error);
            Assert.Contains("Training TRPO on CartPole-v1", output);
            string[] metrics = File.ReadAllLines(Path.Combine(folder, "metrics.csv"));
            Assert.Equal(1 + 2, metrics.Length); // header + 4096 / 2048 updates
            Assert.StartsWith("update,steps,kl,surrogate_gain,step_size,cg_residual,cg_iterations,backtracks,accepted", metrics[0]);
            double kl = double.Parse(metrics[1].Split(',')[2], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(kl, 0, 0.01); // TRPO: within delta
            Assert.True(File.ReadAllLines(Path.Combine(folder, "episodes.csv")).Length > 1);
            Assert.Contains("Surrogate gain", File.ReadAllText(Path.Combine(folder, "learning-curves.html")));
            var (evalCode, evalOutput, evalError) = CliProcess.Run("eval", "--policy", Path.Combine(folder, "policy.json"), "--episodes", "2");
            Assert.True(evalCode == 0, evalError);
            Assert.Contains("CartPole-v1: mean return", evalOutput);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void BenchNpg_PrintsOneRowPerSeedAndTheSummary()
    {
        var (exitCode, output, error) = CliProcess.Run("bench", "--algo", "npg", "--seeds", "1", "--total-steps", "2048", "--eval-episodes", "1");
        Assert.True(exitCode == 0, error);
        Assert.Contains("NPG on CartPole-v1: 2,048 steps per seed", output);
        Assert.Contains("mean steps/s", output);
    }
}
