using Rl.Environments;
using Rl.Random;

namespace Rl.Tabular;

/// <summary>
/// Simulates a <see cref="TabularMdp"/>: observations and actions are indices. <see cref="Reset()"/>
/// draws s_0 ~ mu, <see cref="Step"/> draws s_{h+1} ~ P(. | s_h, a_h) and pays r(s_h, a_h, s_{h+1}),
/// and the episode terminates on entering a terminal state. It never truncates: wrap it in a
/// <see cref="TimeLimit{TObservation, TAction}"/> for that.
/// </summary>
/// <remarks>
/// All randomness comes from the environment's own <see cref="Rng"/> (one uniform per reset and per
/// step), and <see cref="Snapshot"/> holds that generator's state with the current state, so
/// restoring replays the same transitions for the same actions. <see cref="ResetTo"/> starts an
/// episode in a chosen state: "go back to s and roll out again" (lecture item 1).
/// </remarks>
public sealed class TabularEnvironment : IEnvironment<int, int>
{
    private const int NoEpisode = -1;

    private readonly Rng _rng;
    private int _state = NoEpisode;

    /// <summary>An environment for <paramref name="mdp"/> whose generator starts at <paramref name="seed"/>.</summary>
    public TabularEnvironment(TabularMdp mdp, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        Mdp = mdp;
        _rng = new Rng(seed);
    }

    /// <summary>The MDP being simulated.</summary>
    public TabularMdp Mdp { get; }

    /// <summary>The current state s_h; only defined once an episode has started.</summary>
    public int State => _state != NoEpisode
        ? _state
        : throw new InvalidOperationException("No episode has started: call Reset or ResetTo first.");

    /// <summary>The episode has entered a terminal state; <see cref="Step"/> needs a reset first.</summary>
    public bool Terminated => _state != NoEpisode && Mdp.IsTerminal(_state);

    /// <inheritdoc />
    public int Reset(ulong seed)
    {
        _rng.Reseed(seed);
        return Reset();
    }

    /// <summary>Starts an episode in s_0 ~ mu, continuing the generator's current stream.</summary>
    public int Reset()
    {
        _state = _rng.Categorical(Mdp.StartDistribution);
        return _state;
    }

    /// <summary>
    /// Starts an episode in <paramref name="state"/>, whatever mu says, without drawing a random
    /// number: the reset to s that the two-rollout Monte Carlo advantage needs.
    /// </summary>
    public int ResetTo(int state)
    {
        if (Mdp.IsTerminal(state)) // also checks the range
            throw new ArgumentException($"state {state} ({Mdp.StateLabels[state]}) is terminal: an episode cannot start there.", nameof(state));
        _state = state;
        return _state;
    }

    /// <inheritdoc />
    public StepResult<int> Step(int action)
    {
        if (_state == NoEpisode)
            throw new InvalidOperationException("Step before any episode: call Reset or ResetTo first.");
        if (Mdp.IsTerminal(_state))
            throw new InvalidOperationException(
                $"The episode terminated in state {_state} ({Mdp.StateLabels[_state]}): call Reset or ResetTo before stepping again.");
        if (action < 0 || action >= Mdp.ActionCount)
            throw new ArgumentOutOfRangeException(nameof(action), action, $"action must be in [0, {Mdp.ActionCount}).");
        int next = _rng.Categorical(Mdp.NextStateDistribution(_state, action));
        double reward = Mdp.Reward(_state, action, next);
        _state = next;
        return new StepResult<int>(next, reward, Terminated: Mdp.IsTerminal(next), Truncated: false);
    }

    /// <inheritdoc />
    public EnvironmentSnapshot Snapshot() => new TabularSnapshot(Mdp, _rng.State, _state);

    /// <inheritdoc />
    public void Restore(EnvironmentSnapshot snapshot)
    {
        if (snapshot is not TabularSnapshot s)
            throw new ArgumentException(
                $"expected a TabularEnvironment snapshot, got {snapshot?.GetType().Name ?? "null"}.", nameof(snapshot));
        if (!ReferenceEquals(s.Mdp, Mdp))
            throw new ArgumentException("the snapshot was taken from an environment of a different MDP.", nameof(snapshot));
        _rng.State = s.Rng;
        _state = s.State;
    }

    /// <inheritdoc />
    public void Reseed(ulong seed) => _rng.Reseed(seed);

    private sealed record TabularSnapshot(TabularMdp Mdp, RngState Rng, int State) : EnvironmentSnapshot;
}
