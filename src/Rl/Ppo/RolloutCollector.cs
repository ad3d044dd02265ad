using Rl.Advantages;
using Rl.Random;

namespace Rl.Ppo;

/// <summary>
/// Steps 1-3 of lecture item 8, shared by every on-policy trainer (PPO, NPG, TRPO): run pi_theta on
/// N environments for S steps into a <see cref="RolloutBuffer"/>, then form A^gae by the batched
/// backward recursion and the regression targets y = A^gae + V_omega(s):
/// <code>
///   1.   for t = 0 .. S - 1:  a_t ~ pi_theta(. | s_t),  V_omega(s_t),  step all N environments
///   2-3. A^gae = BatchedGae(r, V, terminated, truncated, gamma, lambda)   (truncation bootstrapped)
///        y = A^gae + V
/// </code>
/// Actions are sampled from the one generator given, so a trainer's runs are deterministic.
/// </summary>
public sealed class RolloutCollector
{
    private readonly VectorTask _environments;
    private readonly Rng _sampling;

    /// <summary>A collector for <paramref name="agent"/> on <paramref name="environments"/> copies of <paramref name="environmentId"/>.</summary>
    public RolloutCollector(ActorCritic agent, string environmentId, int environments, int stepsPerRollout, Rng sampling)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(sampling);
        Agent = agent;
        _sampling = sampling;
        _environments = VectorTask.Create(environmentId, environments);
        Buffer = new RolloutBuffer(stepsPerRollout, environments, agent.Spec.ObservationSize, agent.Head.ActionSize);
    }

    /// <summary>The policy and critic it runs.</summary>
    public ActorCritic Agent { get; }

    /// <summary>The last rollout and its advantages and targets.</summary>
    public RolloutBuffer Buffer { get; }

    /// <summary>Environment steps so far, over all environments.</summary>
    public long Steps { get; private set; }

    /// <summary>Resets every environment (seeded from <paramref name="seed"/>).</summary>
    public void Reset(ulong seed) => _environments.Reset(seed);

    /// <summary>Step 1: run pi_theta for S steps on every environment, recording what GAE needs; the returns of finished episodes go to <paramref name="returns"/>.</summary>
    public void Collect(List<double> returns)
    {
        ArgumentNullException.ThrowIfNull(returns);
        var head = Agent.Head;
        var buffer = Buffer;
        int envs = buffer.Environments, obs = buffer.ObservationSize, act = buffer.ActionSize, outputs = head.OutputSize;
        for (int t = 0; t < buffer.Steps; t++)
        {
            int row = t * envs;
            var observations = _environments.Observations;                             // [N x obs]
            observations.CopyTo(buffer.Observations.AsSpan(row * obs, envs * obs));
            var logits = Agent.Actor.Forward(observations, envs);                      // [N x out]
            var values = Agent.Critic.Forward(observations, envs);                     // [N x 1]
            var actions = buffer.Actions.AsSpan(row * act, envs * act);                // [N x act]
            for (int e = 0; e < envs; e++)
            {
                buffer.LogProbabilities[row + e] = head.Sample(logits.Slice(e * outputs, outputs), _sampling, actions.Slice(e * act, act));
                buffer.Values[row + e] = values[e];
            }

            _environments.Step(actions);
            Steps += envs;
            _environments.Rewards.CopyTo(buffer.Rewards.AsSpan(row, envs));
            _environments.Terminated.CopyTo(buffer.Terminated.AsSpan(row, envs));
            _environments.Truncated.CopyTo(buffer.Truncated.AsSpan(row, envs));
            for (int e = 0; e < envs; e++)
                buffer.TruncationValues[row + e] = buffer.Truncated[row + e] && !buffer.Terminated[row + e]
                    ? Agent.Value(_environments.FinalObservations.Slice(e * obs, obs))
                    : 0.0;
            foreach (var episode in _environments.CompletedEpisodes) returns.Add(episode.Return);
        }
        Agent.Critic.Forward(_environments.Observations, envs).CopyTo(buffer.LastValues);
    }

    /// <summary>Steps 2-3 on this collector's buffer: <see cref="EstimateAdvantagesAndTargets(RolloutBuffer, double, double)"/>.</summary>
    public void EstimateAdvantagesAndTargets(double gamma, double lambda) => EstimateAdvantagesAndTargets(Buffer, gamma, lambda);

    /// <summary>Steps 2-3: A^gae by the batched backward recursion, and the targets y = A^gae + V.</summary>
    public static void EstimateAdvantagesAndTargets(RolloutBuffer buffer, double gamma, double lambda)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        BatchedGae.Compute(buffer.Rewards, buffer.Values, buffer.Terminated, buffer.Truncated,
            buffer.TruncationValues, buffer.LastValues, gamma, lambda, buffer.Advantages);
        ValueTargets.Compute(buffer.Advantages, buffer.Values, buffer.Targets);
    }
}
