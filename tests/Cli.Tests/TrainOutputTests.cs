using System.Text.RegularExpressions;

namespace Cli.Tests;

/// <summary>
/// What train shows and writes, from two runs of one seed (the costly part, shared by the tests): one at
/// an 80-column terminal with the live progress bar, one with its output redirected, as in CI.
/// </summary>
public partial class TrainOutputTests(TrainOutputTests.TwoRuns runs) : IClassFixture<TrainOutputTests.TwoRuns>
{
    /// <summary>4096 steps of seed 3, 8 updates of 512, into two fresh folders.</summary>
    public sealed class TwoRuns : IDisposable
    {
        public static readonly string[] Arguments = ["train", "--total-steps", "4096", "--seed", "3", "--eval-episodes", "3"];

        public string AtTerminal { get; } = Directory.CreateTempSubdirectory("cli-train-tty-").FullName;
        public string Redirected { get; } = Directory.CreateTempSubdirectory("cli-train-").FullName;
        public string? Screen { get; }
        public (int ExitCode, string Output, string Error) Result { get; }

        public TwoRuns()
        {
            Screen = CliProcess.RunInTerminal(80, [.. Arguments, "--out", AtTerminal]);
            Result = CliProcess.Run([.. Arguments, "--out", Redirected]);
        }

        public void Dispose()
        {
            Directory.Delete(AtTerminal, recursive: true);
            Directory.Delete(Redirected, recursive: true);
        }
    }

    [Fact]
    public void TheSameSeed_WritesByteIdenticalFiles_WithOrWithoutATerminal()
    {
        Assert.True(runs.Result.ExitCode == 0, runs.Result.Error);
        Assert.Contains("Deterministic evaluation over 3 episodes", runs.Result.Output);
        foreach (string file in new[] { "metrics.csv", "episodes.csv", "policy.json", "learning-curves.html" })
            Assert.True(File.ReadAllBytes(Path.Combine(runs.AtTerminal, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(runs.Redirected, file))),
                $"{file} differs between two runs of seed 3");
    }

    [Fact]
    public void MetricsCsv_HasEveryUpdate_AndTimingCsv_TheWallClockSpeed()
    {
        string[] metrics = File.ReadAllLines(Path.Combine(runs.Redirected, "metrics.csv"));
        Assert.Equal("update,steps,learning_rate,policy_loss,value_loss,entropy,approx_kl,clip_fraction,explained_variance,epochs,episodes,mean_episode_return", metrics[0]);
        Assert.Equal(1 + 8, metrics.Length); // header + 4096 / 512 updates
        Assert.StartsWith("8,4096,", metrics[^1]);
        string[] timing = File.ReadAllLines(Path.Combine(runs.Redirected, "timing.csv"));
        Assert.Equal("update,steps,steps_per_second", timing[0]);
        Assert.Equal(1 + 8, timing.Length);
        Assert.All(timing.Skip(1), line => Assert.Matches(@"^\d+,\d+,[1-9]\d*$", line));
        Assert.StartsWith("8,4096,", timing[^1]);
    }

    [Fact]
    public void LearningCurves_WorkOffline_AndShowExplainedVarianceClamped_SayingWhy()
    {
        string html = File.ReadAllText(Path.Combine(runs.Redirected, "learning-curves.html"));
        Assert.DoesNotContain("<script src=", html); // plotly.js is inlined: the page works offline
        Assert.Contains("plotly.js v2", html);
        Assert.Contains("Explained variance, shown clamped to [-1, 1]", html);
        Assert.Contains("metrics.csv has the raw values", html);
        Assert.DoesNotMatch(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", html); // no random Guid ids
    }

    [Fact]
    public void EvalReadsThePolicy()
    {
        var (exitCode, output, error) = CliProcess.Run("eval", "--policy", Path.Combine(runs.Redirected, "policy.json"), "--episodes", "2");
        Assert.True(exitCode == 0, error);
        Assert.Contains("CartPole-v1: mean return", output);
    }

    [Fact]
    public void TheProgressBar_FitsAn80ColumnTerminal()
    {
        Assert.True(runs.Screen is not null, "util-linux's script is needed to run the command line in a terminal (Debian: bsdutils, always installed)");
        string[] lines = Ansi().Replace(runs.Screen, "").Split('\r', '\n').Where(line => line.Trim().Length > 0).ToArray();
        Assert.Contains(lines, line => Regex.IsMatch(line, @"^ *4,096/4,096  return +\d+\.\d  +[\d,]+ steps/s ━{12} 100% \d\d:\d\d:\d\d *$"));
        Assert.All(lines, line => Assert.True(line.TrimEnd().Length <= 80, $"{line.TrimEnd().Length} columns: {line}"));
    }

    /// <summary>ANSI escape sequences: colours, cursor moves, line erases, keypad modes.</summary>
    [GeneratedRegex(@"\x1b(\[[0-9;?]*[A-Za-z]|[=>])")]
    private static partial Regex Ansi();
}
