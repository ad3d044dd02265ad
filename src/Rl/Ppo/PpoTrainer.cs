using System.Diagnostics;
using Rl.Environments;
using Rl.Random;

namespace Rl.Ppo;

/// <summary>
/// PPO with GAE, lecture item 8, on N environments stepped together:
/// <code>
///   initialise pi_theta_0 and V_omega_0
///   for t = 0 .. T - 1:
///     1. run pi_theta_t on N environments for S steps
///     2. form the regression dataset D = {(s, y)}, y = A^gae + V_omega_t(s)
///     3. form A^gae(s, a) for every sample with V_omega_t (truncation bootstrapped, termination not)
///     4-6. for K epochs, over shuffled minibatches, take an Adam step (PpoUpdate) on
///          l_pi(theta) - c_2 H(pi_theta) + c_1 l_V(omega)
/// </code>
/// with the clipped surrogate l_pi, the (optionally clipped) value loss l_V and an entropy bonus H.
/// <see cref="Run"/> yields one <see cref="UpdateReport"/> per iteration, so callers (the CLI's
/// progress bar, a notebook's live chart) stay outside the loop. Everything random comes from
/// <see cref="PpoConfig.Seed"/>: the same seed gives the same run, bit for bit. Steps 2-3 and 6 are
/// <see cref="IPpoSteps"/>: the library's by default, or another implementation of them.
/// </summary>
public sealed class PpoTrainer : ITrainer
{
    private readonly RolloutCollector _rollouts;
    private readonly RolloutBuffer _buffer;
    private readonly Rng _shuffling;
    private readonly IPpoSteps _ppoSteps;
    private readonly Minibatch _minibatch;
    private readonly int[] _order;

    /// <summary>
    /// A trainer for <paramref name="config"/>, with freshly initialised networks, taking steps 2-3
    /// and 6 from <paramref name="steps"/> (given the networks; default <see cref="PpoSteps.Library"/>).
    /// </summary>
    public PpoTrainer(PpoConfig config, Func<ActorCritic, IPpoSteps>? steps = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        var spec = Gym.Spec(config.EnvironmentId);
        var master = new Rng(config.Seed);
        Agent = new ActorCritic(spec, config.HiddenSizes, new Rng(master.NextUInt64()));
        var sampling = new Rng(master.NextUInt64());
        _shuffling = new Rng(master.NextUInt64());
        _rollouts = new RolloutCollector(Agent, config.EnvironmentId, config.Environments, config.StepsPerRollout, sampling);
        _buffer = _rollouts.Buffer;
        _ppoSteps = steps is null ? PpoSteps.Library(Agent, config) : steps(Agent);
        _minibatch = new Minibatch(config.MinibatchSize, spec.ObservationSize, Agent.Head.ActionSize, Agent.Head.OutputSize);
        _order = Enumerable.Range(0, config.BatchSize).ToArray();
    }

    /// <summary>The hyperparameters.</summary>
    public PpoConfig Config { get; }

    /// <summary>pi_theta and V_omega, trained in place.</summary>
    public ActorCritic Agent { get; }

    /// <summary>The last rollout and its advantages and targets.</summary>
    public RolloutBuffer Buffer => _buffer;

    /// <summary>
    /// Called after every epoch with (update t + 1, epoch counting from 1), while <see cref="Buffer"/>
    /// still holds the update's rollout and the networks are as that epoch left them: a window for
    /// diagnostics such as <see cref="PolicyRatios.Measure"/>. It must only read; null (the default)
    /// calls nothing. Called before the target-KL check, so an update stopped early reports the
    /// epoch that stopped it.
    /// </summary>
    public Action<int, int>? EpochEnded { get; set; }

    /// <inheritdoc />
    public int Updates => Config.Updates;

    /// <inheritdoc />
    public long TotalSteps => Config.Updates * (long)Config.BatchSize;

    IEnumerable<ITrainingReport> ITrainer.Run() => Run();

    /// <summary>Trains for <see cref="PpoConfig.Updates"/> iterations, yielding after each.</summary>
    public IEnumerable<UpdateReport> Run()
    {
        var clock = Stopwatch.StartNew();
        _rollouts.Reset(Config.Seed);
        var returns = new List<double>();
        for (int t = 0; t < Config.Updates; t++)
        {
            double learningRate = AnnealedLearningRate(t);
            returns.Clear();
            _rollouts.Collect(returns);                                              // 1.
            _ppoSteps.EstimateAdvantagesAndTargets(_buffer, Config);                 // 2-3.
            var (losses, epochs) = Optimize(learningRate, t + 1);                   // 4-6.
            yield return new UpdateReport(t + 1, _rollouts.Steps, learningRate,
                losses.PolicyLoss, losses.ValueLoss, losses.Entropy, losses.ApproxKl, losses.ClipFraction,
                ExplainedVariance(_buffer.Targets, _buffer.Values), epochs, [.. returns],
                _rollouts.Steps / clock.Elapsed.TotalSeconds);
        }
    }

    /// <summary>Runs <see cref="Run"/> to the end, calling <paramref name="onUpdate"/> after each update.</summary>
    public IReadOnlyList<UpdateReport> Train(Action<UpdateReport>? onUpdate = null)
    {
        var reports = new List<UpdateReport>(Config.Updates);
        foreach (var report in Run())
        {
            reports.Add(report);
            onUpdate?.Invoke(report);
        }
        return reports;
    }

    /// <summary>alpha_t = alpha (1 - t / T) when annealing, else alpha.</summary>
    private double AnnealedLearningRate(int t) =>
        Config.AnnealLearningRate ? Config.LearningRate * (1.0 - (double)t / Config.Updates) : Config.LearningRate;

    /// <summary>Steps 4-6: K epochs of shuffled minibatches, one Adam step each.</summary>
    private (PpoLosses Mean, int Epochs) Optimize(double learningRate, int update)
    {
        var sum = new PpoLosses();
        int minibatches = 0, epochs = 0;
        for (int epoch = 0; epoch < Config.Epochs; epoch++)
        {
            epochs++;
            Shuffle(_order);
            double lastKl = 0.0;
            for (int start = 0; start < Config.BatchSize; start += Config.MinibatchSize)
            {
                _minibatch.Gather(_buffer, _order.AsSpan(start, Config.MinibatchSize));
                var losses = _ppoSteps.Update(_minibatch, Config, learningRate);
                sum = sum.Add(losses);
                lastKl = losses.ApproxKl;
                minibatches++;
            }
            EpochEnded?.Invoke(update, epochs);
            if (Config.TargetKl is double target && lastKl > target) break;
        }
        return (sum.Scale(1.0 / minibatches), epochs);
    }

    /// <summary>Fisher-Yates with the trainer's own generator.</summary>
    private void Shuffle(int[] order)
    {
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = _shuffling.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }

    /// <summary>1 - Var(y - V) / Var(y) over the rollout (NaN when the targets are constant).</summary>
    internal static double ExplainedVariance(ReadOnlySpan<double> targets, ReadOnlySpan<double> values)
    {
        double meanY = 0, meanResidual = 0;
        for (int i = 0; i < targets.Length; i++)
        {
            meanY += targets[i];
            meanResidual += targets[i] - values[i];
        }
        meanY /= targets.Length;
        meanResidual /= targets.Length;
        double varY = 0, varResidual = 0;
        for (int i = 0; i < targets.Length; i++)
        {
            double dy = targets[i] - meanY, dr = targets[i] - values[i] - meanResidual;
            varY += dy * dy;
            varResidual += dr * dr;
        }
        return varY == 0 ? double.NaN : 1.0 - varResidual / varY;
    }

}
