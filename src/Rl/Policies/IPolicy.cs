using Rl.Random;

namespace Rl.Policies;

/// <summary>A stochastic policy pi(a | s): draws an action for an observation.</summary>
public interface IPolicy<TObservation, TAction>
{
    /// <summary>Samples a ~ pi(. | <paramref name="observation"/>) with <paramref name="rng"/>.</summary>
    TAction Sample(TObservation observation, Rng rng);
}
