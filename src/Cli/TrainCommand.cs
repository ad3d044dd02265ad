using System.CommandLine;
using Rl.Ppo;
using Spectre.Console;

namespace Rl.Cli;

/// <summary>
/// `train`: PPO on one environment with a live progress bar (80 columns wide); writes metrics.csv,
/// episodes.csv, learning-curves.html, policy.json (the same bytes for the same seed) and timing.csv
/// (wall-clock speed) into the output folder, which is checked before training, then evaluates the policy.
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var options = new TrainingOptions();
        var algorithms = new NaturalGradientOptions(options);
        var output = new Option<string?>("--out") { Description = "Output folder (default: runs/<env>-seed<seed>)." };
        var evaluationEpisodes = new Option<int>("--eval-episodes") { Description = "Deterministic evaluation episodes after training.", DefaultValueFactory = _ => 100 };
        var command = new Command("train", "Train PPO (lecture item 8) and save the policy, its metrics and learning curves.");
        foreach (var option in options.All) command.Options.Add(option);
        foreach (var option in algorithms.All) command.Options.Add(option);
        command.Options.Add(output);
        command.Options.Add(evaluationEpisodes);
        command.SetAction(parse =>
        {
            if (!algorithms.CheckCombination(parse)) return 2;
            if (algorithms.Chosen(parse) != NaturalGradientOptions.Ppo)
            {
                if (algorithms.ReadOrReport(parse, (evaluationEpisodes, 1)) is not { } npg) return 2;
                string npgFolder = parse.GetValue(output) ?? NaturalGradientTraining.DefaultFolder(npg);
                if (OutputPaths.PrepareFolder(npgFolder, output.Name) is { } npgError) { Console.Error.WriteLine($"error: {npgError}"); return 2; }
                return NaturalGradientTraining.Run(npg, npgFolder, parse.GetValue(evaluationEpisodes));
            }
            if (options.ReadOrReport(parse, (evaluationEpisodes, 1)) is not PpoConfig config) return 2;
            string folder = parse.GetValue(output) ?? Path.Combine("runs", $"{config.EnvironmentId}-seed{config.Seed}");
            if (OutputPaths.PrepareFolder(folder, output.Name) is { } error) { Console.Error.WriteLine($"error: {error}"); return 2; }
            Run(config, folder, parse.GetValue(evaluationEpisodes));
            return 0;
        });
        return command;
    }

    private static void Run(PpoConfig config, string folder, int evaluationEpisodes)
    {
        var trainer = new PpoTrainer(config);
        var log = new TrainingLog(config);
        Console.WriteLine($"Training PPO on {config.EnvironmentId} (seed {config.Seed}): {config.Updates} updates of {config.Environments} x {config.StepsPerRollout} = {config.Updates * (long)config.BatchSize:N0} steps.");
        if (Console.IsOutputRedirected)
        {
            foreach (var report in trainer.Run())
            {
                log.Add(report);
                if (report.Update % Math.Max(1, config.Updates / 10) == 0 || report.Update == config.Updates) Console.WriteLine(log.Describe());
            }
        }
        else
        {
            // Fits 80 columns: the description (TrainingLog.Describe, 46 characters), a 12-cell bar, the percentage and the time left.
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = 12 }, new PercentageColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask("starting", maxValue: config.Updates);
                    foreach (var report in trainer.Run())
                    {
                        log.Add(report);
                        task.Description = Markup.Escape(log.Describe());
                        task.Increment(1);
                    }
                });
        }

        log.WriteCsv(Path.Combine(folder, "metrics.csv"), Path.Combine(folder, "episodes.csv"), Path.Combine(folder, "timing.csv"));
        HtmlCharts.WriteLearningCurves(Path.Combine(folder, "learning-curves.html"), $"PPO on {config.EnvironmentId}, seed {config.Seed}", log.Reports, log.Episodes);
        PolicyFile.Save(trainer.Agent, Path.Combine(folder, "policy.json"));
        var evaluation = Evaluation.Run(trainer.Agent, evaluationEpisodes, seed: 1_000_000);
        Console.WriteLine($"Deterministic evaluation over {evaluationEpisodes} episodes: mean return {evaluation.Mean:F1} +- {evaluation.StandardDeviation:F1} (std).");
        Console.WriteLine("Wrote metrics.csv, episodes.csv, learning-curves.html, policy.json, timing.csv");
        Console.WriteLine($"  into {folder}.");
    }
}
