using Rl.Random;

namespace Rl.Ppo;

/// <summary>
/// How the actor network's outputs for one observation become a distribution over actions:
/// logits of a categorical (discrete actions) or the mean of a diagonal Gaussian (continuous).
/// Actions are stored as doubles in the rollout buffer (<see cref="ActionSize"/> per sample), so
/// one trainer serves both kinds.
/// </summary>
public abstract class ActionHead
{
    /// <summary>The actor's outputs per observation.</summary>
    public abstract int OutputSize { get; }

    /// <summary>Doubles per stored action: 1 (the index) for discrete, the dimension for continuous.</summary>
    public abstract int ActionSize { get; }

    /// <summary>Parameters of the head itself (the Gaussian's log-std), trained with the actor.</summary>
    public virtual double[] Parameters => [];

    /// <summary>Gradients of <see cref="Parameters"/>, accumulated by <see cref="AddGradients"/>.</summary>
    public virtual double[] Gradients => [];

    /// <summary>Samples a ~ pi(. | outputs) into <paramref name="action"/> and returns log pi(a | outputs).</summary>
    public abstract double Sample(ReadOnlySpan<double> outputs, Rng rng, Span<double> action);

    /// <summary>The most likely action, for deterministic evaluation.</summary>
    public abstract void Mode(ReadOnlySpan<double> outputs, Span<double> action);

    /// <summary>
    /// log pi(a_i | outputs_i) and H(pi(. | outputs_i)) for every row of a minibatch:
    /// <paramref name="outputs"/> [B x OutputSize], <paramref name="actions"/> [B x ActionSize].
    /// </summary>
    public abstract void Evaluate(ReadOnlySpan<double> outputs, ReadOnlySpan<double> actions,
        Span<double> logProbabilities, Span<double> entropies);

    /// <summary>
    /// Adds, row by row, <paramref name="logProbabilityScales"/>[i] d log pi(a_i)/d outputs_i +
    /// <paramref name="entropyScale"/> dH_i/d outputs_i into <paramref name="outputGradient"/>
    /// [B x OutputSize], and the same for the head's own parameters into <see cref="Gradients"/>.
    /// </summary>
    public abstract void AddGradients(ReadOnlySpan<double> outputs, ReadOnlySpan<double> actions,
        ReadOnlySpan<double> logProbabilityScales, double entropyScale, Span<double> outputGradient);
}
