namespace Rl.Environments;

/// <summary>
/// N copies of an environment stepped together, as PPO collects experience: Gymnasium's
/// <c>SyncVectorEnv</c> with <c>AutoresetMode.SAME_STEP</c>, plus the episode statistics of its
/// <c>RecordEpisodeStatistics</c> wrapper.
/// </summary>
/// <remarks>
/// <para>Same-step autoreset: when copy i's episode ends (terminated or truncated), this step's
/// <see cref="Rewards"/>[i], <see cref="Terminated"/>[i] and <see cref="Truncated"/>[i] describe the
/// step that ended it, <see cref="FinalObservation"/>(i) holds the observation it ended in, and the
/// copy is reset at once (continuing its generator's stream), so <see cref="Observation"/>(i) is
/// already the first observation of the next episode. A trainer bootstraps a truncated episode from
/// V(final observation), the state the time limit cut off, never from the reset observation.</para>
/// <para>The buffers are allocated once and overwritten by every <see cref="Step"/>; copy what you
/// keep. The only steady-state allocation is the observation array each copy's
/// <see cref="IEnvironment{TObservation, TAction}.Step"/> must return.</para>
/// <para>One generic type serves both kinds of action: <c>VectorEnvironment&lt;int&gt;</c> for
/// discrete, <c>VectorEnvironment&lt;double[]&gt;</c> for continuous (one array per copy, which the
/// caller may reuse from step to step).</para>
/// </remarks>
/// <typeparam name="TAction">The copies' action type.</typeparam>
public sealed class VectorEnvironment<TAction>
{
    private readonly IEnvironment<double[], TAction>[] _environments;
    private readonly double[] _observations;      // [Count x ObservationSize], row-major
    private readonly double[] _finalObservations; // [Count x ObservationSize], row-major
    private readonly double[] _rewards;           // [Count]
    private readonly bool[] _terminated;          // [Count]
    private readonly bool[] _truncated;           // [Count]
    private readonly double[] _episodeReturns;    // [Count], the running episode's sum of rewards
    private readonly int[] _episodeLengths;       // [Count], the running episode's steps
    private readonly CompletedEpisode[] _completed; // [Count], the first _completedCount are this step's
    private int _completedCount;
    private bool _started;

    /// <summary>
    /// <paramref name="count"/> copies, each built by <paramref name="makeEnvironment"/>, whose
    /// observations all have length <paramref name="observationSize"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> or
    /// <paramref name="observationSize"/> is less than 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="makeEnvironment"/> returned the same
    /// instance twice (the copies must be independent).</exception>
    public VectorEnvironment(Func<IEnvironment<double[], TAction>> makeEnvironment, int count, int observationSize)
    {
        ArgumentNullException.ThrowIfNull(makeEnvironment);
        Guard.AtLeast(count, 1, nameof(count));
        Guard.AtLeast(observationSize, 1, nameof(observationSize));
        _environments = new IEnvironment<double[], TAction>[count];
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < count; i++)
        {
            var environment = makeEnvironment() ?? throw new ArgumentException("returned null.", nameof(makeEnvironment));
            if (!seen.Add(environment))
                throw new ArgumentException("returned the same instance twice; each copy needs its own environment.", nameof(makeEnvironment));
            _environments[i] = environment;
        }
        ObservationSize = observationSize;
        _observations = new double[count * observationSize];
        _finalObservations = new double[count * observationSize];
        _rewards = new double[count];
        _terminated = new bool[count];
        _truncated = new bool[count];
        _episodeReturns = new double[count];
        _episodeLengths = new int[count];
        _completed = new CompletedEpisode[count];
    }

    /// <summary>N, the number of copies.</summary>
    public int Count => _environments.Length;

    /// <summary>The length of one copy's observation.</summary>
    public int ObservationSize { get; }

    /// <summary>
    /// The current observations, [Count x ObservationSize] row-major: copy i's is
    /// <c>[i * ObservationSize, (i + 1) * ObservationSize)</c>. After an autoreset, the reset one.
    /// </summary>
    public ReadOnlySpan<double> Observations => _observations;

    /// <summary>Copy <paramref name="index"/>'s current observation (a row of <see cref="Observations"/>).</summary>
    public ReadOnlySpan<double> Observation(int index) => Row(_observations, index);

    /// <summary>r for every copy, from the last <see cref="Step"/> (0 after <see cref="Reset"/>).</summary>
    public ReadOnlySpan<double> Rewards => _rewards;

    /// <summary>Whether the last <see cref="Step"/> ended copy i's episode in a terminal state: V = 0 there.</summary>
    public ReadOnlySpan<bool> Terminated => _terminated;

    /// <summary>Whether the last <see cref="Step"/> cut copy i's episode off: bootstrap from
    /// <see cref="FinalObservation"/>(i).</summary>
    public ReadOnlySpan<bool> Truncated => _truncated;

    /// <summary>
    /// The observations episodes ended in at the last <see cref="Step"/>, [Count x ObservationSize]
    /// row-major; a row is meaningful only where <see cref="Terminated"/> or <see cref="Truncated"/>
    /// is set, and holds zeros elsewhere.
    /// </summary>
    public ReadOnlySpan<double> FinalObservations => _finalObservations;

    /// <summary>Copy <paramref name="index"/>'s final observation (a row of <see cref="FinalObservations"/>).</summary>
    public ReadOnlySpan<double> FinalObservation(int index) => Row(_finalObservations, index);

    /// <summary>The episodes the last <see cref="Step"/> ended, in copy order: for logging the episodic return.</summary>
    public ReadOnlySpan<CompletedEpisode> CompletedEpisodes => _completed.AsSpan(0, _completedCount);

    /// <summary>
    /// Resets copy i with seed <c><paramref name="seed"/> + i</c> (as Gymnasium does), clears the
    /// step buffers and the running episode statistics.
    /// </summary>
    public void Reset(ulong seed)
    {
        for (int i = 0; i < Count; i++)
        {
            Write(_environments[i].Reset(unchecked(seed + (ulong)i)), _observations, i);
            _episodeReturns[i] = 0.0;
            _episodeLengths[i] = 0;
        }
        Array.Clear(_finalObservations);
        Array.Clear(_rewards);
        Array.Clear(_terminated);
        Array.Clear(_truncated);
        _completedCount = 0;
        _started = true;
    }

    /// <summary>
    /// Steps copy i with <c><paramref name="actions"/>[i]</c> for every i, and resets each copy whose
    /// episode ended (see the remarks on same-step autoreset).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="actions"/> does not have one action per copy.</exception>
    /// <exception cref="InvalidOperationException">Before the first <see cref="Reset"/>, or a copy
    /// returned an observation of the wrong length.</exception>
    /// <remarks>An exception from a copy's own step (an invalid action) leaves the copies before it
    /// stepped and the rest not: <see cref="Reset"/> before going on.</remarks>
    public void Step(ReadOnlySpan<TAction> actions)
    {
        Guard.Length(actions.Length, Count, nameof(actions), "one action per copy");
        if (!_started) throw new InvalidOperationException("Call Reset(seed) before the first Step.");
        _completedCount = 0;
        for (int i = 0; i < Count; i++)
        {
            var step = _environments[i].Step(actions[i]);
            _rewards[i] = step.Reward;
            _terminated[i] = step.Terminated;
            _truncated[i] = step.Truncated;
            _episodeReturns[i] += step.Reward;
            _episodeLengths[i]++;
            if (!step.Done)
            {
                Write(step.Observation, _observations, i);
                Row(_finalObservations, i).Clear();
                continue;
            }
            Write(step.Observation, _finalObservations, i);
            _completed[_completedCount++] = new CompletedEpisode(i, _episodeReturns[i], _episodeLengths[i]);
            _episodeReturns[i] = 0.0;
            _episodeLengths[i] = 0;
            Write(_environments[i].Reset(), _observations, i);
        }
    }

    private Span<double> Row(double[] buffer, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return buffer.AsSpan(index * ObservationSize, ObservationSize);
    }

    private void Write(double[] observation, double[] buffer, int index)
    {
        if (observation.Length != ObservationSize)
            throw new InvalidOperationException($"copy {index} returned an observation of length {observation.Length}, expected {ObservationSize}.");
        observation.CopyTo(Row(buffer, index));
    }
}

/// <summary>An episode that ended at the last step of a <see cref="VectorEnvironment{TAction}"/>.</summary>
/// <param name="EnvironmentIndex">The copy it ran in.</param>
/// <param name="Return">Its undiscounted return: the sum of all its rewards, the last one included.</param>
/// <param name="Length">Its number of steps.</param>
public readonly record struct CompletedEpisode(int EnvironmentIndex, double Return, int Length);
