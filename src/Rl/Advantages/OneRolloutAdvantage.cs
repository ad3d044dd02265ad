using Rl.Environments;
using Rl.Policies;
using Rl.Random;

namespace Rl.Advantages;

/// <summary>
/// One rollout, still unbiased, lecture item 2. Draw z ~ Uniform{0, 1}; if z = 1 roll out Qhat(s, a),
/// if z = 0 roll out Vhat(s). Since
/// <code>
///   E_z[ z Q^pi(s, a) - (1 - z) V^pi(s) ] = (Q^pi(s, a) - V^pi(s)) / 2 = A^pi(s, a) / 2,
/// </code>
/// the sample 2 (z Qhat - (1 - z) Vhat) is an unbiased estimate of A^pi(s, a) from a single rollout.
/// Its variance is larger than the two-rollout estimator's: the coin flip adds (Q + V)^2-sized noise.
/// </summary>
public static class OneRolloutAdvantage
{
    /// <summary>
    /// n samples 2 (z_i Qhat_i - (1 - z_i) Vhat_i), one rollout each, from <paramref name="state"/>
    /// (a snapshot whose observation is <paramref name="observation"/>). The environment is left
    /// restored to <paramref name="state"/>.
    /// <paramref name="maxSteps"/> is the step budget per rollout; a cut-off rollout is not bootstrapped.
    /// </summary>
    public static AdvantageEstimate Estimate<TObservation, TAction>(
        IEnvironment<TObservation, TAction> environment, EnvironmentSnapshot state, TObservation observation, TAction action,
        IPolicy<TObservation, TAction> policy, double gamma, int repetitions, Rng rng, int maxSteps = 10_000)
    {
        // BEGIN SOLUTION: extra credit: like TwoRolloutAdvantage, but each sample flips a coin z with rng.NextInt(2) and rolls out once: 2 Qhat if z = 1, -2 Vhat if z = 0.
        return MonteCarloSampling.Estimate(environment, state, policy, gamma, repetitions, rng, () =>
            rng.NextInt(2) == 1 // z
                ? 2.0 * ResetRollouts.QReturn(environment, state, observation, action, policy, gamma, rng, maxSteps)
                : -2.0 * ResetRollouts.VReturn(environment, state, observation, policy, gamma, rng, maxSteps));
        // END SOLUTION
    }
}
