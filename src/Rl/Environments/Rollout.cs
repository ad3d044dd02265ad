using Rl.Policies;
using Rl.Random;

namespace Rl.Environments;

/// <summary>Runs a policy in an environment from its current state and records the trajectory.</summary>
public static class Rollout
{
    /// <summary>
    /// Follows <paramref name="policy"/> from <paramref name="start"/> (the observation of the
    /// environment's current state) until the episode ends or <paramref name="maxSteps"/> steps
    /// have run; a rollout stopped by the budget is marked truncated.
    /// </summary>
    public static Trajectory<TObservation, TAction> Run<TObservation, TAction>(
        IEnvironment<TObservation, TAction> environment, TObservation start,
        IPolicy<TObservation, TAction> policy, Rng rng, int maxSteps)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Record(environment, start, (_, s) => policy.Sample(s, rng), rng, maxSteps);
    }

    /// <summary>
    /// Takes <paramref name="firstAction"/> in the current state, then follows
    /// <paramref name="policy"/>: the rollout that estimates Q^pi(s, a).
    /// </summary>
    public static Trajectory<TObservation, TAction> RunFrom<TObservation, TAction>(
        IEnvironment<TObservation, TAction> environment, TObservation start, TAction firstAction,
        IPolicy<TObservation, TAction> policy, Rng rng, int maxSteps)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Record(environment, start, (h, s) => h == 0 ? firstAction : policy.Sample(s, rng), rng, maxSteps);
    }

    private static Trajectory<TObservation, TAction> Record<TObservation, TAction>(
        IEnvironment<TObservation, TAction> environment, TObservation start,
        Func<int, TObservation, TAction> act, Rng rng, int maxSteps)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(rng);
        if (maxSteps < 1) throw new ArgumentOutOfRangeException(nameof(maxSteps), maxSteps, "must be at least 1.");
        var observations = new List<TObservation> { start };
        var actions = new List<TAction>();
        var rewards = new List<double>();
        var observation = start;
        for (int h = 0; h < maxSteps; h++)
        {
            var action = act(h, observation);
            var step = environment.Step(action);
            actions.Add(action);
            rewards.Add(step.Reward);
            observations.Add(step.Observation);
            observation = step.Observation;
            if (step.Terminated) return new(observations, actions, rewards.ToArray(), terminated: true, truncated: false);
            if (step.Truncated) return new(observations, actions, rewards.ToArray(), terminated: false, truncated: true);
        }
        return new(observations, actions, rewards.ToArray(), terminated: false, truncated: true);
    }
}
