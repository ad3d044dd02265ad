using Rl.Environments;
using Rl.Policies;
using Rl.Random;

namespace Rl.Advantages;

/// <summary>What the two Monte Carlo advantage estimators share: argument rules and the repetition loop.</summary>
internal static class MonteCarloSampling
{
    /// <summary>
    /// Checks the arguments, draws <paramref name="repetitions"/> samples with
    /// <paramref name="sample"/>, and leaves the environment restored to <paramref name="state"/>.
    /// </summary>
    public static AdvantageEstimate Estimate<TObservation, TAction>(
        IEnvironment<TObservation, TAction> environment, EnvironmentSnapshot state,
        IPolicy<TObservation, TAction> policy, double gamma, int repetitions, Rng rng, Func<double> sample)
    {
        Validate(environment, state, policy, gamma, repetitions, rng);
        var samples = new double[repetitions];
        for (int i = 0; i < repetitions; i++) samples[i] = sample();
        environment.Restore(state);
        return new AdvantageEstimate(samples);
    }

    private static void Validate<TObservation, TAction>(
        IEnvironment<TObservation, TAction> environment, EnvironmentSnapshot state,
        IPolicy<TObservation, TAction> policy, double gamma, int repetitions, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(rng);
        Guard.UnitInterval(gamma, nameof(gamma));
        Guard.AtLeast(repetitions, 2, nameof(repetitions)); // a standard error needs two samples
    }
}
