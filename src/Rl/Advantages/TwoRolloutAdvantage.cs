using Rl.Environments;
using Rl.Policies;
using Rl.Random;

namespace Rl.Advantages;

/// <summary>
/// Monte Carlo advantage from two rollouts, lecture item 1:
/// <code>
///   A^pi(s, a) = Q^pi(s, a) - V^pi(s),   Ahat = (1/n) sum_{i=1}^n [ Qhat_i(s, a) - Vhat_i(s) ]
/// </code>
/// where Qhat_i is the return of a rollout from s that takes a first and then follows pi, and Vhat_i
/// the return of a rollout from s that follows pi. Unbiased, but high variance (each sample carries
/// the noise of two whole rollouts), and it needs to reset the environment to s.
/// </summary>
public static class TwoRolloutAdvantage
{
    /// <summary>
    /// n samples Qhat_i - Vhat_i from <paramref name="state"/> (a snapshot whose observation is
    /// <paramref name="observation"/>). The environment is left restored to <paramref name="state"/>.
    /// <paramref name="maxSteps"/> is the step budget per rollout; a cut-off rollout is not bootstrapped.
    /// </summary>
    public static AdvantageEstimate Estimate<TObservation, TAction>(
        IEnvironment<TObservation, TAction> environment, EnvironmentSnapshot state, TObservation observation, TAction action,
        IPolicy<TObservation, TAction> policy, double gamma, int repetitions, Rng rng, int maxSteps = 10_000)
    {
        return MonteCarloSampling.Estimate(environment, state, policy, gamma, repetitions, rng, () =>
            ResetRollouts.QReturn(environment, state, observation, action, policy, gamma, rng, maxSteps)
            - ResetRollouts.VReturn(environment, state, observation, policy, gamma, rng, maxSteps));
    }
}
