using System.Diagnostics;
using Rl.Environments;
using Rl.Nn;
using Rl.Ppo;
using Rl.Random;

namespace Rl.NaturalGradient;

/// <summary>
/// The natural policy gradient (Kakade 2001) and TRPO (Schulman et al. 2015) with GAE, beside
/// <see cref="PpoTrainer"/> and sharing its rollout and advantage code (<see cref="RolloutCollector"/>):
/// <code>
///   for t = 0 .. T - 1:
///     1-3. run pi_theta_t on N environments for S steps; A^gae and y = A^gae + V_omega_t(s)
///     4.   one natural step for the actor (NaturalPolicyUpdate): g, CG on (F + cI) x = g,
///          eta = sqrt(2 delta / x^T F x); TRPO backtracks until KL &lt;= delta and L improves
///     5.   critic regression: E epochs of shuffled minibatch Adam steps on l_V = (1/2) mean (V - y)^2
/// </code>
/// <see cref="Run"/> yields one <see cref="NpgReport"/> per iteration. The same seed gives the same run, bit for bit.
/// </summary>
public sealed class NpgTrainer : ITrainer
{
    private readonly RolloutCollector _rollouts;
    private readonly Rng _shuffling;
    private readonly Adam _critic;
    private readonly Minibatch _minibatch;
    private readonly int[] _order;
    private readonly double[] _advantages;
    private readonly NaturalActorUpdate _actorUpdate;

    /// <summary>
    /// A trainer for <paramref name="config"/>, with freshly initialised networks. Step 4 is
    /// <paramref name="actorUpdate"/> if given (the autograder passes one that finds the step with the
    /// student's functions), else <see cref="NaturalPolicyUpdate.Step"/>.
    /// </summary>
    public NpgTrainer(NpgConfig config, NaturalActorUpdate? actorUpdate = null)
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
        _critic = new Adam(Agent.Critic.ParameterCount, config.ValueLearningRate);
        _minibatch = new Minibatch(config.ValueMinibatchSize, spec.ObservationSize, Agent.Head.ActionSize, Agent.Head.OutputSize);
        _order = Enumerable.Range(0, config.BatchSize).ToArray();
        _advantages = new double[config.BatchSize];
        _actorUpdate = actorUpdate ?? ((agent, observations, actions, oldLogProbabilities, advantages, c) =>
            NaturalPolicyUpdate.Step(agent, observations, actions, oldLogProbabilities, advantages, c));
    }

    /// <summary>The hyperparameters.</summary>
    public NpgConfig Config { get; }

    /// <summary>pi_theta and V_omega, trained in place.</summary>
    public ActorCritic Agent { get; }

    /// <summary>The last rollout and its advantages and targets.</summary>
    public RolloutBuffer Buffer => _rollouts.Buffer;

    /// <inheritdoc />
    public int Updates => Config.Updates;

    /// <inheritdoc />
    public long TotalSteps => Config.Updates * (long)Config.BatchSize;

    IEnumerable<ITrainingReport> ITrainer.Run() => Run();

    /// <summary>Trains for <see cref="NpgConfig.Updates"/> iterations, yielding after each.</summary>
    public IEnumerable<NpgReport> Run()
    {
        var clock = Stopwatch.StartNew();
        _rollouts.Reset(Config.Seed);
        var returns = new List<double>();
        var buffer = _rollouts.Buffer;
        for (int t = 0; t < Config.Updates; t++)
        {
            returns.Clear();
            _rollouts.Collect(returns);                                              // 1.
            _rollouts.EstimateAdvantagesAndTargets(Config.Gamma, Config.Lambda);     // 2-3.
            buffer.Advantages.CopyTo(_advantages, 0);
            if (Config.NormalizeAdvantages) AdvantageNormalization.Normalize(_advantages);
            var step = _actorUpdate(Agent, buffer.Observations, buffer.Actions, buffer.LogProbabilities, _advantages, Config); // 4.
            double valueLoss = FitCritic();                                          // 5.
            yield return new NpgReport(t + 1, _rollouts.Steps, step, valueLoss,
                PpoTrainer.ExplainedVariance(buffer.Targets, buffer.Values), [.. returns],
                _rollouts.Steps / clock.Elapsed.TotalSeconds);
        }
    }

    /// <summary>Runs <see cref="Run"/> to the end, calling <paramref name="onUpdate"/> after each update.</summary>
    public IReadOnlyList<NpgReport> Train(Action<NpgReport>? onUpdate = null)
    {
        var reports = new List<NpgReport>(Config.Updates);
        foreach (var report in Run())
        {
            reports.Add(report);
            onUpdate?.Invoke(report);
        }
        return reports;
    }

    /// <summary>Step 5: E epochs over shuffled minibatches, one Adam step on l_V each; returns the last epoch's mean l_V.</summary>
    private double FitCritic()
    {
        var critic = Agent.Critic;
        int size = Config.ValueMinibatchSize;
        double lastEpoch = 0.0;
        for (int epoch = 0; epoch < Config.ValueEpochs; epoch++)
        {
            Shuffle(_order);
            lastEpoch = 0.0;
            for (int start = 0; start < Config.BatchSize; start += size)
            {
                _minibatch.Gather(_rollouts.Buffer, _order.AsSpan(start, size));
                var values = critic.Forward(_minibatch.Observations, size);
                lastEpoch += ValueLoss.Compute(values, _minibatch.OldValues, _minibatch.Targets, null, _minibatch.ValueGradients);
                critic.ZeroGradients();
                critic.Backward(_minibatch.ValueGradients);
                _critic.Step(critic.Parameters, critic.Gradients);
            }
        }
        return lastEpoch / Config.ValueMinibatches;
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
}

/// <summary>Step 4 of an NPG iteration: one actor update of <paramref name="agent"/> on the batch, as <see cref="NaturalPolicyUpdate.Step"/>.</summary>
public delegate NaturalStepReport NaturalActorUpdate(ActorCritic agent, ReadOnlySpan<double> observations, ReadOnlySpan<double> actions,
    ReadOnlySpan<double> oldLogProbabilities, ReadOnlySpan<double> advantages, NpgConfig config);
