using System.CommandLine;
using System.Diagnostics;
using Rl.NaturalGradient;
using Rl.Ppo;

namespace Rl.Cli;

/// <summary>
/// `bench`: the speed of PPO (or, with --algo, NPG or TRPO) and sample efficiency, single-threaded, over several seeds: steps per second
/// of the whole training loop, steps and seconds until the mean return of the last 20 episodes first
/// reaches the threshold, the deterministic evaluation mean at the end, and the process's peak
/// memory. Reference (CleanRL ppo.py, PyTorch, one thread, same kind of machine): about 4,200
/// steps/s, CartPole first at 475 after about 180k steps and 40 s.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var options = new TrainingOptions();
        var algorithms = new NaturalGradientOptions(options);
        var seeds = new Option<int>("--seeds") { Description = "Seeds to run: 1 .. n.", DefaultValueFactory = _ => 5 };
        var threshold = new Option<double?>("--threshold") { Description = "Return the rolling mean of 20 episodes must reach (default: 475 CartPole, -250 Pendulum)." };
        var evaluationEpisodes = new Option<int>("--eval-episodes") { Description = "Deterministic evaluation episodes after each run.", DefaultValueFactory = _ => 100 };
        var command = new Command("bench", "Benchmark PPO (or --algo npg, trpo): steps/s, steps and seconds to the threshold, evaluation return, peak memory, per seed.");
        foreach (var option in options.All.Where(o => o != options.Seed)) command.Options.Add(option);
        foreach (var option in algorithms.All) command.Options.Add(option);
        command.Options.Add(seeds);
        command.Options.Add(threshold);
        command.Options.Add(evaluationEpisodes);
        command.SetAction(parse =>
        {
            if (!algorithms.CheckCombination(parse)) return 2;
            string algorithm = algorithms.Chosen(parse);
            Func<ulong, ITrainer> create;
            string environment;
            if (algorithm == NaturalGradientOptions.Ppo)
            {
                if (options.ReadOrReport(parse, (seeds, 1), (evaluationEpisodes, 1)) is not PpoConfig config) return 2;
                (create, environment) = (seed => new PpoTrainer(config with { Seed = seed }), config.EnvironmentId);
            }
            else
            {
                if (algorithms.ReadOrReport(parse, (seeds, 1), (evaluationEpisodes, 1)) is not NpgConfig config) return 2;
                (create, environment) = (seed => new NpgTrainer(config with { Seed = seed }), config.EnvironmentId);
            }
            double target = parse.GetValue(threshold) ?? (environment == "Pendulum-v1" ? -250.0 : 475.0);
            return Run(algorithm.ToUpperInvariant(), environment, create, parse.GetValue(seeds), target, parse.GetValue(evaluationEpisodes));
        });
        return command;
    }

    private static int Run(string algorithm, string environment, Func<ulong, ITrainer> create, int seeds, double threshold, int evaluationEpisodes)
    {
        Console.WriteLine($"{algorithm} on {environment}: {create(1).TotalSteps:N0} steps per seed, one thread; threshold {threshold} (mean of the last 20 episodes).");
        Console.WriteLine($"{"seed",4} {"steps/s",9} {"train s",8} {"steps to thr",13} {"s to thr",9} {"best r(20)",10} {"eval mean",10} {"eval std",9} {"peak MB",8}");
        var rows = new List<(double Sps, double Eval, long? StepsToThreshold, double? SecondsToThreshold)>();
        for (int seed = 1; seed <= seeds; seed++)
        {
            var trainer = create((ulong)seed);
            var recent = new Queue<double>();
            double best = double.NegativeInfinity;
            long? stepsToThreshold = null;
            double? secondsToThreshold = null;
            var clock = Stopwatch.StartNew();
            long steps = 0;
            foreach (var report in trainer.Run())
            {
                steps = report.Steps;
                foreach (double r in report.EpisodeReturns)
                {
                    recent.Enqueue(r);
                    if (recent.Count > 20) recent.Dequeue();
                }
                if (recent.Count == 20) best = Math.Max(best, recent.Average());
                if (stepsToThreshold is null && recent.Count == 20 && recent.Average() >= threshold)
                    (stepsToThreshold, secondsToThreshold) = (report.Steps, clock.Elapsed.TotalSeconds);
            }
            double seconds = clock.Elapsed.TotalSeconds;
            var evaluation = Evaluation.Run(trainer.Agent, evaluationEpisodes, seed: 1_000_000);
            double peakMegabytes = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
            rows.Add((steps / seconds, evaluation.Mean, stepsToThreshold, secondsToThreshold));
            Console.WriteLine($"{seed,4} {steps / seconds,9:N0} {seconds,8:F2} {(stepsToThreshold is long s ? s.ToString("N0") : "never"),13} {(secondsToThreshold is double t ? t.ToString("F2") : "-"),9} {best,10:F1} {evaluation.Mean,10:F1} {evaluation.StandardDeviation,9:F1} {peakMegabytes,8:F0}");
        }
        var reached = rows.Where(r => r.StepsToThreshold is not null).ToList();
        Console.WriteLine();
        Console.WriteLine($"mean steps/s {rows.Average(r => r.Sps):N0}; {rows.Count(r => r.Eval >= threshold)} of {rows.Count} seeds evaluate at or above {threshold}; " +
            (reached.Count > 0 ? $"median to threshold {Median(reached.Select(r => (double)r.StepsToThreshold!.Value)):N0} steps, {Median(reached.Select(r => r.SecondsToThreshold!.Value)):F2} s." : "no seed reached the threshold."));
        return 0;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
