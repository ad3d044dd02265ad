using System.Reflection;
using System.Text.Json;
using Rl.Grading.Worker;

namespace Rl.Grading.Judge;

/// <summary>
/// <see cref="ISubmission"/> for the judge: every call goes to a sandboxed worker process, and the raw
/// result comes back, checked by <see cref="ResultShape"/> before anyone uses it. A worker that timed
/// out, crashed, exited or went over its memory cap is gone; the next call starts a fresh one. No call
/// runs past the test's deadline or the grading's. Calls are made one at a time.
/// </summary>
public class WorkerSubmission : DispatchProxy, IDisposable, IMonitoredSubmission
{
    private readonly Lock _calls = new();
    private readonly Lock _printedGate = new();
    private Sandbox _sandbox = null!;
    private GradingOptions _options = null!;
    private DateTime _deadline, _testDeadline = DateTime.MaxValue;
    private volatile WorkerProcess? _worker;
    private string _retiredPrinted = "";

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

    /// <inheritdoc/>
    public void BeginTest(DateTime deadline) => _testDeadline = deadline;

    /// <inheritdoc/>
    public string TakePrinted()
    {
        lock (_printedGate)
        {
            string printed = _retiredPrinted + (_worker?.TakePrinted() ?? "");
            _retiredPrinted = "";
            return printed;
        }
    }

    /// <inheritdoc/>
    public void Interrupt() => _worker?.Kill();

    /// <inheritdoc/>
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.DeclaringType != typeof(ISubmission)) throw new NotSupportedException(targetMethod.Name);
        args ??= [];
        string name = StudentMethodAttribute.Of(targetMethod.Name);
        lock (_calls)
        {
            var now = DateTime.UtcNow;
            if (_deadline <= now)
                throw new SubmissionException($"{name}: not called, the grading time budget of {_options.TotalLimit.TotalMinutes:0.#} min is used up.");
            if (_testDeadline <= now)
                throw new SubmissionException($"{name}: not called, the test's time limit of {_options.TestLimit.TotalSeconds:0.#} s is used up.");
            var limit = _options.CallLimit;
            var left = (_deadline < _testDeadline ? _deadline : _testDeadline) - now;
            if (left < limit) limit = left;

            var worker = Worker();
            JsonElement raw;
            try
            {
                raw = worker.Call(targetMethod, args, limit);
            }
            catch (SubmissionException)
            {
                if (!worker.IsAlive) Retire();
                throw;
            }
            object? result;
            try
            {
                result = raw.Deserialize(targetMethod.ReturnType, WorkerProtocol.Options);
            }
            catch (JsonException e)
            {
                throw new SubmissionException($"{name}: the answer could not be read as {targetMethod.ReturnType.Name}: {e.Message}");
            }
            ResultShape.Check(targetMethod.Name, args, result);
            return result;
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

    /// <summary>Stops the worker; what it printed up to its end stays for <see cref="TakePrinted"/>.</summary>
    private void Retire()
    {
        if (_worker is not { } worker) return;
        worker.Dispose();
        lock (_printedGate)
        {
            _retiredPrinted += worker.TakePrinted();
            if (_retiredPrinted.Length > 2 * PrintedOutput.MaxBytes) _retiredPrinted = _retiredPrinted[..(2 * PrintedOutput.MaxBytes)] + " ...";
            _worker = null;
        }
    }

    /// <summary>Stops the worker.</summary>
    public void Dispose()
    {
        lock (_calls) Retire();
        GC.SuppressFinalize(this);
    }
}
