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
public sealed class PpoTrainer
{
    private readonly VectorTask _environments;
    private readonly RolloutBuffer _buffer;
    private readonly Rng _sampling, _shuffling;
    private readonly IPpoSteps _ppoSteps;
    private readonly Minibatch _minibatch;
    private readonly int[] _order;
    private long _steps;

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
        _sampling = new Rng(master.NextUInt64());
        _shuffling = new Rng(master.NextUInt64());
        _environments = VectorTask.Create(config.EnvironmentId, config.Environments);
        _buffer = new RolloutBuffer(config.StepsPerRollout, config.Environments, spec.ObservationSize, Agent.Head.ActionSize);
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

    /// <summary>Trains for <see cref="PpoConfig.Updates"/> iterations, yielding after each.</summary>
    public IEnumerable<UpdateReport> Run()
    {
        var clock = Stopwatch.StartNew();
        _environments.Reset(Config.Seed);
        var returns = new List<double>();
        for (int t = 0; t < Config.Updates; t++)
        {
            double learningRate = AnnealedLearningRate(t);
            returns.Clear();
            CollectRollout(returns);                                  // 1.
            EstimateAdvantagesAndTargets();                           // 2-3.
            var (losses, epochs) = Optimize(learningRate);            // 4-6.
            yield return new UpdateReport(t + 1, _steps, learningRate,
                losses.PolicyLoss, losses.ValueLoss, losses.Entropy, losses.ApproxKl, losses.ClipFraction,
                ExplainedVariance(_buffer.Targets, _buffer.Values), epochs, [.. returns],
                _steps / clock.Elapsed.TotalSeconds);
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

    /// <summary>Step 1: run pi_theta_t for S steps on every environment, recording what GAE needs.</summary>
    private void CollectRollout(List<double> returns)
    {
        var head = Agent.Head;
        int envs = Config.Environments, obs = _buffer.ObservationSize, act = _buffer.ActionSize, outputs = head.OutputSize;
        for (int t = 0; t < Config.StepsPerRollout; t++)
        {
            int row = t * envs;
            var observations = _environments.Observations;                             // [N x obs]
            observations.CopyTo(_buffer.Observations.AsSpan(row * obs, envs * obs));
            var logits = Agent.Actor.Forward(observations, envs);                      // [N x out]
            var values = Agent.Critic.Forward(observations, envs);                     // [N x 1]
            var actions = _buffer.Actions.AsSpan(row * act, envs * act);               // [N x act]
            for (int e = 0; e < envs; e++)
            {
                _buffer.LogProbabilities[row + e] = head.Sample(logits.Slice(e * outputs, outputs), _sampling, actions.Slice(e * act, act));
                _buffer.Values[row + e] = values[e];
            }

            _environments.Step(actions);
            _steps += envs;
            _environments.Rewards.CopyTo(_buffer.Rewards.AsSpan(row, envs));
            _environments.Terminated.CopyTo(_buffer.Terminated.AsSpan(row, envs));
            _environments.Truncated.CopyTo(_buffer.Truncated.AsSpan(row, envs));
            for (int e = 0; e < envs; e++)
                _buffer.TruncationValues[row + e] = _buffer.Truncated[row + e] && !_buffer.Terminated[row + e]
                    ? Agent.Value(_environments.FinalObservations.Slice(e * obs, obs))
                    : 0.0;
            foreach (var episode in _environments.CompletedEpisodes) returns.Add(episode.Return);
        }
        Agent.Critic.Forward(_environments.Observations, envs).CopyTo(_buffer.LastValues);
    }

    /// <summary>Steps 2-3: A^gae by the batched backward recursion, and the targets y = A^gae + V.</summary>
    private void EstimateAdvantagesAndTargets() => _ppoSteps.EstimateAdvantagesAndTargets(_buffer, Config);

    /// <summary>Steps 4-6: K epochs of shuffled minibatches, one Adam step each.</summary>
    private (PpoLosses Mean, int Epochs) Optimize(double learningRate)
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
