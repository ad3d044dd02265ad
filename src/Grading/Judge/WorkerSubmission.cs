using System.Reflection;
using System.Text.Json;
using Rl.Grading.Worker;

namespace Rl.Grading.Judge;

/// <summary>
/// <see cref="ISubmission"/> for the judge: every call goes to a sandboxed worker process, and the raw
/// result comes back. A worker that timed out, crashed, exited or went over its memory cap is gone;
/// the next call starts a fresh one. Past the grading deadline no call is made.
/// </summary>
public class WorkerSubmission : DispatchProxy, IDisposable
{
    private Sandbox _sandbox = null!;
    private GradingOptions _options = null!;
    private DateTime _deadline;
    private WorkerProcess? _worker;
    private string _errors = "";

    /// <summary>Workers started so far (1 if none ever failed).</summary>
    public int Starts { get; private set; }

    /// <summary>A proxy whose workers run in <paramref name="sandbox"/> under <paramref name="options"/>' limits.</summary>
    public static ISubmission Create(Sandbox sandbox, GradingOptions options, DateTime deadline)
    {
        var proxy = Create<ISubmission, WorkerSubmission>();
        var self = (WorkerSubmission)(object)proxy;
        self._sandbox = sandbox;
        self._options = options;
        self._deadline = deadline;
        return proxy;
    }

    /// <summary>What the student's code wrote to standard error, capped (the latest worker's, else the last failed one's).</summary>
    public string Errors => _worker?.Errors is { Length: > 0 } errors ? errors : _errors;

    /// <inheritdoc/>
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.DeclaringType != typeof(ISubmission)) throw new NotSupportedException(targetMethod.Name);
        var limit = targetMethod.Name == nameof(ISubmission.TrainPpo) ? _options.TrainingLimit : _options.CallLimit;
        var left = _deadline - DateTime.UtcNow;
        if (left <= TimeSpan.Zero)
            throw new SubmissionException($"{targetMethod.Name}: not called, the grading time budget of {_options.TotalLimit.TotalMinutes:0.#} min is used up.");
        if (left < limit) limit = left;

        var worker = Worker();
        JsonElement result;
        try
        {
            result = worker.Call(targetMethod, args ?? [], limit);
        }
        catch (SubmissionException)
        {
            if (!worker.IsAlive) Retire();
            throw;
        }
        try
        {
            return result.Deserialize(targetMethod.ReturnType, WorkerProtocol.Options);
        }
        catch (JsonException e)
        {
            throw new SubmissionException($"{targetMethod.Name}: the answer could not be read as {targetMethod.ReturnType.Name}: {e.Message}");
        }
    }

    private WorkerProcess Worker()
    {
        if (_worker is { IsAlive: true } alive) return alive;
        Retire();
        Starts++;
        _worker = WorkerProcess.Start(_sandbox, _options.MemoryLimitBytes, TimeSpan.FromSeconds(30));
        return _worker;
    }

    private void Retire()
    {
        if (_worker is null) return;
        _errors = _worker.Errors;
        _worker.Dispose();
        _worker = null;
    }

    /// <summary>Stops the worker.</summary>
    public void Dispose()
    {
        Retire();
        GC.SuppressFinalize(this);
    }
}
