using Rl.Environments;
using Rl.Policies;
using Rl.Random;

namespace Rl.Advantages;

/// <summary>The argument rules the two Monte Carlo advantage estimators share.</summary>
internal static class MonteCarloArguments
{
    public static void Validate<TObservation, TAction>(
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
