namespace Rl.Environments;

/// <summary>
/// An environment in Gymnasium's shape: <see cref="Reset(ulong)"/> gives the first observation,
/// <see cref="Step"/> gives the next observation, the reward, and whether the episode
/// <c>terminated</c> (a terminal state: nothing follows, its value is 0) or was <c>truncated</c>
/// (cut off, for example by a <see cref="TimeLimit{TObservation, TAction}"/>: the state still has a
/// value, and an advantage estimator bootstraps from it).
/// </summary>
/// <remarks>
/// Every environment can <see cref="Snapshot"/> its whole state, its random generator included, and
/// <see cref="Restore"/> it: "go back to s and roll out again" (lecture item 1) is one call.
/// Restoring also restores the generator, so the same actions replay the same transitions; to roll
/// out again with fresh randomness, <see cref="Reseed"/> after restoring.
/// </remarks>
/// <typeparam name="TObservation">What the agent sees: a state index, or a vector of doubles.</typeparam>
/// <typeparam name="TAction">What the agent does: an action index, or a vector of doubles.</typeparam>
public interface IEnvironment<TObservation, TAction>
{
    /// <summary>Starts an episode with the generator seeded by <paramref name="seed"/>.</summary>
    TObservation Reset(ulong seed);

    /// <summary>Starts an episode, continuing the generator's current stream.</summary>
    TObservation Reset();

    /// <summary>Applies <paramref name="action"/> and advances one step.</summary>
    StepResult<TObservation> Step(TAction action);

    /// <summary>The whole state (generator included); <see cref="Restore"/> brings it back.</summary>
    EnvironmentSnapshot Snapshot();

    /// <summary>Brings back a state taken by <see cref="Snapshot"/> of an environment of this kind.</summary>
    void Restore(EnvironmentSnapshot snapshot);

    /// <summary>Replaces the generator's stream by the one <paramref name="seed"/> names; the state stays.</summary>
    void Reseed(ulong seed);
}

/// <summary>What one step gives back.</summary>
/// <param name="Observation">The observation of the next state s_{h+1}.</param>
/// <param name="Reward">The reward r_h.</param>
/// <param name="Terminated">s_{h+1} is terminal: its value is 0 and nothing follows.</param>
/// <param name="Truncated">The episode was cut off at s_{h+1}: its value is not 0.</param>
public readonly record struct StepResult<TObservation>(
    TObservation Observation, double Reward, bool Terminated, bool Truncated)
{
    /// <summary>
    /// The episode is over, for either reason. Both flags can be set at once (a time limit that runs
    /// out on the terminal step): check <see cref="Terminated"/> first, since a terminal state has
    /// value 0 whatever the clock says.
    /// </summary>
    public bool Done => Terminated || Truncated;
}

/// <summary>
/// The whole state of an environment at one moment. Each environment has its own sealed subtype;
/// snapshots are immutable, so one can be restored any number of times.
/// </summary>
public abstract record EnvironmentSnapshot;
