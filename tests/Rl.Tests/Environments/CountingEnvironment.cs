using Rl.Environments;
using Rl.Policies;
using Rl.Random;

namespace Rl.Tests.Environments;

/// <summary>
/// A test fake with a position that starts at 0 and moves by the action; the reward is a random
/// uniform, so that the generator's stream is observable; it terminates once the position reaches
/// <c>terminalPosition</c>.
/// </summary>
internal sealed class CountingEnvironment(int terminalPosition, ulong seed) : IEnvironment<int, int>
{
    private readonly Rng _rng = new(seed);

    public int Position { get; private set; }

    public int Reset(ulong seed)
    {
        _rng.Reseed(seed);
        return Reset();
    }

    public int Reset()
    {
        Position = 0;
        return Position;
    }

    public StepResult<int> Step(int action)
    {
        Position += action;
        return new StepResult<int>(Position, _rng.NextDouble(), Terminated: Position >= terminalPosition, Truncated: false);
    }

    public EnvironmentSnapshot Snapshot() => new CountingSnapshot(Position, _rng.State);

    public void Restore(EnvironmentSnapshot snapshot)
    {
        var s = (CountingSnapshot)snapshot;
        Position = s.Position;
        _rng.State = s.Rng;
    }

    public void Reseed(ulong seed) => _rng.Reseed(seed);

    private sealed record CountingSnapshot(int Position, RngState Rng) : EnvironmentSnapshot;
}

/// <summary>A snapshot type no environment accepts.</summary>
internal sealed record ForeignSnapshot : EnvironmentSnapshot;

/// <summary>Always plays the same action (and draws nothing from the generator).</summary>
internal sealed class ConstantPolicy(int action) : IPolicy<int, int>
{
    public int Sample(int observation, Rng rng) => action;
}
