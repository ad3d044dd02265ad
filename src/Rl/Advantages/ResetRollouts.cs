using Rl.Environments;
using Rl.Policies;
using Rl.Random;

namespace Rl.Advantages;

/// <summary>
/// "Go back to s and roll out again" (lecture item 1): discounted returns of rollouts from a restored
/// state, each with fresh randomness for the environment. A rollout cut off by the step budget (or a
/// time limit) is not bootstrapped: with no V to bootstrap from, its sample misses gamma^H V(s_H),
/// which is why the budget should make gamma^H negligible.
/// </summary>
internal static class ResetRollouts
{
    /// <summary>Qhat(s, a): restore s, take a, then follow pi; sum_h gamma^h r_h.</summary>
    public static double QReturn<TObservation, TAction>(
        IEnvironment<TObservation, TAction> environment, EnvironmentSnapshot state, TObservation observation,
        TAction action, IPolicy<TObservation, TAction> policy, double gamma, Rng rng, int maxSteps)
    {
        Restart(environment, state, rng);
        return DiscountedReturn(Rollout.RunFrom(environment, observation, action, policy, rng, maxSteps), gamma);
    }

    /// <summary>Vhat(s): restore s, follow pi; sum_h gamma^h r_h.</summary>
    public static double VReturn<TObservation, TAction>(
        IEnvironment<TObservation, TAction> environment, EnvironmentSnapshot state, TObservation observation,
        IPolicy<TObservation, TAction> policy, double gamma, Rng rng, int maxSteps)
    {
        Restart(environment, state, rng);
        return DiscountedReturn(Rollout.Run(environment, observation, policy, rng, maxSteps), gamma);
    }

    private static void Restart<TObservation, TAction>(IEnvironment<TObservation, TAction> environment, EnvironmentSnapshot state, Rng rng)
    {
        environment.Restore(state);
        environment.Reseed(rng.NextUInt64());
    }

    private static double DiscountedReturn<TObservation, TAction>(Trajectory<TObservation, TAction> trajectory, double gamma) =>
        MonteCarloReturns.Compute(trajectory.Rewards, bootstrapValue: 0.0, gamma)[0];
}
