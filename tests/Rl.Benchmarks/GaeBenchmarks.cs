using BenchmarkDotNet.Attributes;
using Rl.Advantages;
using Rl.Random;

namespace Rl.Benchmarks;

/// <summary>
/// ns per step of the advantage estimators. Each benchmark sets OperationsPerInvoke to the number of
/// steps it processes, so BenchmarkDotNet's "Mean" column is already ns/step.
/// Goals (issue 2): Gae.Compute at most 3 ns/step on one 1,000,000-step trajectory; BatchedGae at
/// most 1.5 ns/step on 125,000 steps x 8 envs; Gae.ByDefinition's ns/step grows with H (O(H^2)).
/// </summary>
[MemoryDiagnoser]
public class GaeBenchmarks
{
    private const int Horizon = 1_000_000;
    private const int Steps = 125_000, Envs = 8;
    private const double Gamma = 0.99, Lambda = 0.95;

    private double[] _rewards = [], _values = [], _advantages = [];
    private double[] _batchRewards = [], _batchValues = [], _truncationValues = [], _lastValues = [], _batchAdvantages = [];
    private bool[] _terminated = [], _truncated = [];
    private double[] _shortRewards = [], _shortValues = [], _longerRewards = [], _longerValues = [];

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Rng(2026);
        _rewards = Uniform(rng, Horizon);
        _values = Uniform(rng, Horizon + 1);
        _advantages = new double[Horizon];

        _batchRewards = Uniform(rng, Steps * Envs);
        _batchValues = Uniform(rng, Steps * Envs);
        _truncationValues = Uniform(rng, Steps * Envs);
        _lastValues = Uniform(rng, Envs);
        _batchAdvantages = new double[Steps * Envs];
        // Episodes of CartPole-like length: about one end in 200 steps, one in ten of them a truncation.
        _terminated = new bool[Steps * Envs];
        _truncated = new bool[Steps * Envs];
        for (int i = 0; i < _terminated.Length; i++)
        {
            double u = rng.NextDouble();
            _terminated[i] = u < 0.0045;
            _truncated[i] = u >= 0.0045 && u < 0.005;
        }

        _shortRewards = Uniform(rng, 250);
        _shortValues = Uniform(rng, 251);
        _longerRewards = Uniform(rng, 1000);
        _longerValues = Uniform(rng, 1001);
    }

    [Benchmark(OperationsPerInvoke = Horizon, Description = "Gae.Compute, H = 1,000,000 (ns/step)")]
    public void Recursion() => Gae.Compute(_rewards, _values, Gamma, Lambda, _advantages);

    [Benchmark(OperationsPerInvoke = Steps * Envs, Description = "BatchedGae.Compute, 125,000 x 8 (ns/step)")]
    public void Batched() => BatchedGae.Compute(_batchRewards, _batchValues, _terminated, _truncated,
        _truncationValues, _lastValues, Gamma, Lambda, _batchAdvantages);

    [Benchmark(OperationsPerInvoke = 250, Description = "Gae.ByDefinition, H = 250 (ns/step)")]
    public double[] DefinitionShort() => Gae.ByDefinition(_shortRewards, _shortValues, Gamma, Lambda);

    [Benchmark(OperationsPerInvoke = 1000, Description = "Gae.ByDefinition, H = 1,000 (ns/step)")]
    public double[] DefinitionLonger() => Gae.ByDefinition(_longerRewards, _longerValues, Gamma, Lambda);

    private static double[] Uniform(Rng rng, int n)
    {
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = rng.Uniform(-1.0, 1.0);
        return x;
    }
}
