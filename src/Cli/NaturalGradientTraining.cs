using System.Text;
using Rl.NaturalGradient;
using Rl.Ppo;

namespace Rl.Cli;

/// <summary>
/// `train --algo npg|trpo`: the natural policy gradient or TRPO on one environment; writes the same
/// files as PPO's `train` (metrics.csv with NPG's own metrics, the same bytes for the same seed;
/// episodes.csv; timing.csv, the wall-clock speed; learning-curves.html; policy.json), then evaluates the policy.
/// </summary>
internal static class NaturalGradientTraining
{
    /// <summary>The output folder when --out is not given: runs/&lt;env&gt;-npg|trpo-seed&lt;seed&gt;.</summary>
    public static string DefaultFolder(NpgConfig config) =>
        Path.Combine("runs", $"{config.EnvironmentId}-{Name(config).ToLowerInvariant()}-seed{config.Seed}");

    private static string Name(NpgConfig config) => config.LineSearch ? "TRPO" : "NPG";

    /// <summary>Trains into <paramref name="folder"/>, which the caller has checked (OutputPaths.PrepareFolder).</summary>
    public static int Run(NpgConfig config, string folder, int evaluationEpisodes)
    {
        string name = Name(config);
        var trainer = new NpgTrainer(config);
        Console.WriteLine($"Training {name} on {config.EnvironmentId}, seed {config.Seed}: {config.Updates} updates of {config.Environments} envs x {config.StepsPerRollout} steps = {trainer.TotalSteps:N0} steps.");
        var reports = new List<NpgReport>();
        var episodes = new List<(long Steps, double Return)>();
        foreach (var report in trainer.Run())
        {
            reports.Add(report);
            foreach (double r in report.EpisodeReturns) episodes.Add((report.Steps, r));
            if (report.Update % Math.Max(1, config.Updates / 10) == 0 || report.Update == config.Updates)
            {
                double recent = episodes.Count == 0 ? double.NaN : episodes.TakeLast(20).Average(e => e.Return);
                Console.WriteLine($"steps {report.Steps,9:N0}/{trainer.TotalSteps:N0}  return(20) {recent,7:F1}  KL {report.PolicyStep.Kl:F4}  {report.StepsPerSecond,8:N0} steps/s");
            }
        }

        WriteCsv(reports, episodes, Path.Combine(folder, "metrics.csv"), Path.Combine(folder, "episodes.csv"), Path.Combine(folder, "timing.csv"));
        HtmlCharts.WriteLearningCurves(Path.Combine(folder, "learning-curves.html"), $"{name} on {config.EnvironmentId}, seed {config.Seed}", episodes,
            reports.Select(r => r.Steps).ToArray(),
            new (string, Func<NpgReport, double>)[]
            {
                ("Mean KL of the step", r => r.PolicyStep.Kl), ("Surrogate gain", r => r.PolicyStep.SurrogateGain),
                ("Step size eta", r => r.PolicyStep.StepSize), ("CG relative residual", r => r.PolicyStep.ConjugateGradientResidual),
                ("Backtracks", r => r.PolicyStep.Backtracks), ("Entropy", r => r.PolicyStep.Entropy),
                ("Value loss l_V", r => r.ValueLoss), (HtmlCharts.ExplainedVariance, r => r.ExplainedVariance),
            }.Select(m => (m.Item1, reports.Select(m.Item2).ToArray())).ToArray());
        PolicyFile.Save(trainer.Agent, Path.Combine(folder, "policy.json"));
        var evaluation = Evaluation.Run(trainer.Agent, evaluationEpisodes, seed: 1_000_000);
        Console.WriteLine($"Deterministic evaluation over {evaluationEpisodes} episodes: mean return {evaluation.Mean:F1} +- {evaluation.StandardDeviation:F1} (std).");
        Console.WriteLine($"Wrote {folder}/metrics.csv, episodes.csv, timing.csv, learning-curves.html, policy.json.");
        return 0;
    }

    private static void WriteCsv(List<NpgReport> reports, List<(long Steps, double Return)> episodes, string metricsPath, string episodesPath, string timingPath)
    {
        var metrics = new StringBuilder("update,steps,kl,surrogate_gain,step_size,cg_residual,cg_iterations,backtracks,accepted,entropy,gradient_norm,value_loss,explained_variance,episodes,mean_episode_return\n");
        var timing = new StringBuilder("update,steps,steps_per_second\n");
        foreach (var r in reports)
        {
            var p = r.PolicyStep;
            double mean = r.EpisodeReturns.Count > 0 ? r.EpisodeReturns.Average() : double.NaN;
            metrics.Append($"{r.Update},{r.Steps},{p.Kl:R},{p.SurrogateGain:R},{p.StepSize:R},{p.ConjugateGradientResidual:R},{p.ConjugateGradientIterations},{p.Backtracks},{(p.Accepted ? 1 : 0)},{p.Entropy:R},{p.GradientNorm:R},{r.ValueLoss:R},{r.ExplainedVariance:R},{r.EpisodeReturns.Count},{mean:R}\n");
            timing.Append($"{r.Update},{r.Steps},{r.StepsPerSecond:F0}\n");
        }
        File.WriteAllText(metricsPath, metrics.ToString());
        File.WriteAllText(timingPath, timing.ToString());
        var lines = new StringBuilder("steps,return\n");
        foreach (var (steps, value) in episodes) lines.Append($"{steps},{value:R}\n");
        File.WriteAllText(episodesPath, lines.ToString());
    }
}
