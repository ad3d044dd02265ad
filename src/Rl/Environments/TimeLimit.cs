namespace Rl.Environments;

/// <summary>
/// Cuts episodes off after <see cref="MaxSteps"/> steps by setting <c>truncated</c>, as Gymnasium's
/// TimeLimit wrapper does. Truncation is not termination: the state where the clock ran out still
/// has a value, and advantage estimators bootstrap from it.
/// </summary>
public sealed class TimeLimit<TObservation, TAction> : IEnvironment<TObservation, TAction>
{
    private readonly IEnvironment<TObservation, TAction> _inner;

    /// <summary>Wraps <paramref name="inner"/> so that no episode runs longer than <paramref name="maxSteps"/>.</summary>
    public TimeLimit(IEnvironment<TObservation, TAction> inner, int maxSteps)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (maxSteps < 1) throw new ArgumentOutOfRangeException(nameof(maxSteps), maxSteps, "must be at least 1.");
        _inner = inner;
        MaxSteps = maxSteps;
    }

    /// <summary>The longest episode, in steps.</summary>
    public int MaxSteps { get; }

    /// <summary>Steps taken since the last reset.</summary>
    public int ElapsedSteps { get; private set; }

    /// <summary>The wrapped environment.</summary>
    public IEnvironment<TObservation, TAction> Inner => _inner;

    /// <inheritdoc />
    public TObservation Reset(ulong seed)
    {
        ElapsedSteps = 0;
        return _inner.Reset(seed);
    }

    /// <inheritdoc />
    public TObservation Reset()
    {
        ElapsedSteps = 0;
        return _inner.Reset();
    }

    /// <inheritdoc />
    public StepResult<TObservation> Step(TAction action)
    {
        var step = _inner.Step(action);
        ElapsedSteps++;
        return ElapsedSteps >= MaxSteps ? step with { Truncated = true } : step;
    }

    /// <inheritdoc />
    public EnvironmentSnapshot Snapshot() => new TimeLimitSnapshot(_inner.Snapshot(), ElapsedSteps);

    /// <inheritdoc />
    public void Restore(EnvironmentSnapshot snapshot)
    {
        if (snapshot is not TimeLimitSnapshot s)
            throw new ArgumentException($"expected a TimeLimit snapshot, got {snapshot?.GetType().Name ?? "null"}.", nameof(snapshot));
        _inner.Restore(s.Inner);
        ElapsedSteps = s.ElapsedSteps;
    }

    /// <inheritdoc />
    public void Reseed(ulong seed) => _inner.Reseed(seed);

    private sealed record TimeLimitSnapshot(EnvironmentSnapshot Inner, int ElapsedSteps) : EnvironmentSnapshot;
}
