using Rl.Policies;
using Rl.Random;

namespace Rl.Ppo;

/// <summary>A categorical policy over <see cref="OutputSize"/> actions: the actor's outputs are the logits.</summary>
public sealed class CategoricalHead : ActionHead
{
    private int[] _indices = []; // the minibatch's actions as indices, reused

    /// <summary>A head over <paramref name="actions"/> discrete actions.</summary>
    public CategoricalHead(int actions)
    {
        Guard.AtLeast(actions, 2, nameof(actions));
        OutputSize = actions;
    }

    /// <inheritdoc />
    public override int OutputSize { get; }

    /// <inheritdoc />
    public override int ActionSize => 1;

    /// <inheritdoc />
    public override double Sample(ReadOnlySpan<double> outputs, Rng rng, Span<double> action)
    {
        int a = Categorical.Sample(outputs, rng);
        action[0] = a;
        return Categorical.LogProbability(outputs, a);
    }

    /// <inheritdoc />
    public override void Mode(ReadOnlySpan<double> outputs, Span<double> action) => action[0] = Categorical.Mode(outputs);

    /// <inheritdoc />
    public override void Evaluate(ReadOnlySpan<double> outputs, ReadOnlySpan<double> actions,
        Span<double> logProbabilities, Span<double> entropies) =>
        Categorical.LogProbabilitiesAndEntropies(outputs, Indices(actions), logProbabilities, entropies);

    /// <inheritdoc />
    public override void AddGradients(ReadOnlySpan<double> outputs, ReadOnlySpan<double> actions,
        ReadOnlySpan<double> logProbabilityScales, double entropyScale, Span<double> outputGradient) =>
        Categorical.AddGradients(outputs, Indices(actions), logProbabilityScales, entropyScale, outputGradient);

    private ReadOnlySpan<int> Indices(ReadOnlySpan<double> actions)
    {
        if (_indices.Length != actions.Length) _indices = new int[actions.Length];
        for (int i = 0; i < actions.Length; i++) _indices[i] = (int)actions[i];
        return _indices;
    }
}
