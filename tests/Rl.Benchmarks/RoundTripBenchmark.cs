using System.Diagnostics;
using Rl.Grading.Judge;
using Rl.Grading.Worker;

namespace Rl.Benchmarks;

/// <summary>
/// One call into a sandboxed worker and back, as test 9.1's training makes thousands of them: the
/// reference worker (this build's Rl.Grading.Worker), ClippedSurrogate on a 128-sample minibatch
/// (CartPole's) and BatchedGae on a 128 x 4 rollout. Prints microseconds per call, median of rounds.
///   dotnet run -c Release --project tests/Rl.Benchmarks -- roundtrip [calls]
/// </summary>
internal static class RoundTripBenchmark
{
    public static void Run(int calls)
    {
        var work = Directory.CreateTempSubdirectory("rl-roundtrip-benchmark-");
        string workerDirectory = Path.GetDirectoryName(typeof(ISubmission).Assembly.Location)!;
        using var sandbox = new Sandbox(workerDirectory, work.FullName, 1L << 30, Sandbox.Detect());
        var options = new GradingOptions(work.FullName, Path.Combine(work.FullName, "results.json"));
        var submission = WorkerSubmission.Create(sandbox, options, DateTime.UtcNow.AddHours(1));
        try
        {
            var random = new System.Random(1);
            double[] Draw(int n) => [.. Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5)];
            double[] logp = Draw(128), oldLogp = Draw(128), advantages = Draw(128);
            const int steps = 128, envs = 4;
            var gae = new BatchedGaeInput(Draw(steps * envs), Draw(steps * envs), new bool[steps * envs], new bool[steps * envs],
                new double[steps * envs], Draw(envs), 0.99, 0.95);
            submission.ClippedSurrogate(logp, oldLogp, advantages, 0.2); // the worker's start and first JIT
            submission.BatchedGae(gae);
            Console.WriteLine($"Worker round trip: {calls} calls per round, {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg")[..14]}.");
            foreach (var (name, call) in new (string, Action)[]
            {
                ("ClippedSurrogate, B = 128", () => submission.ClippedSurrogate(logp, oldLogp, advantages, 0.2)),
                ("BatchedGae, 128 x 4", () => submission.BatchedGae(gae)),
            })
            {
                var rounds = new List<double>();
                for (int round = 0; round < 5; round++)
                {
                    var clock = Stopwatch.StartNew();
                    for (int i = 0; i < calls; i++) call();
                    rounds.Add(clock.Elapsed.TotalMicroseconds / calls);
                }
                rounds.Sort();
                Console.WriteLine($"  {name,-26} {rounds[2],8:0} us per call (rounds {string.Join(", ", rounds.Select(r => r.ToString("0")))})");
            }
        }
        finally
        {
            ((IDisposable)submission).Dispose();
            work.Delete(recursive: true);
        }
    }
}
