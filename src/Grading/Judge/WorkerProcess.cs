using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Rl.Grading.Worker;

namespace Rl.Grading.Judge;

/// <summary>
/// One running worker: sends it calls and waits for the matching answers, within a time limit per
/// call and a memory cap. Its standard output is read by <see cref="AnswerLines"/> (only lines that
/// begin with this worker's key are kept, each bounded, with backpressure); of an answer line the
/// judge checks the id textually before it decodes any JSON. Its standard error is read by
/// <see cref="PrintedOutput"/> (bounded, taken test by test). Any failure kills the whole worker.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly AnswerLines _answers;
    private readonly PrintedOutput _printed;
    private readonly Thread _printedReader;
    private readonly long _memoryLimit;
    private readonly string _key = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
    private long _nextId;
    private volatile bool _overMemory;
    private bool _disposed;
    private volatile bool _killed;

    private WorkerProcess(Process process, long memoryLimit)
    {
        _process = process;
        _memoryLimit = memoryLimit;
        _answers = new AnswerLines(process.StandardOutput.BaseStream, WorkerProtocol.AnswerPrefix(_key));
        _printed = new PrintedOutput(process.StandardError.BaseStream);
        new Thread(_answers.Run) { IsBackground = true, Name = "worker stdout" }.Start();
        _printedReader = new Thread(_printed.Run) { IsBackground = true, Name = "worker stderr" };
        _printedReader.Start();
        new Thread(WatchMemory) { IsBackground = true, Name = "worker memory" }.Start();
    }

    /// <summary>Starts a worker and waits until it says it is ready.</summary>
    public static WorkerProcess Start(Sandbox sandbox, long memoryLimit, TimeSpan startLimit)
    {
        var process = LauncherThread.Start(sandbox.StartInfo());
        var worker = new WorkerProcess(process, memoryLimit);
        try
        {
            try
            {
                process.StandardInput.WriteLine(WorkerProtocol.Handshake(worker._key));
                process.StandardInput.Flush();
            }
            catch (IOException) { } // it died at once: Await says so
            worker.Await(0, startLimit, "start");
            return worker;
        }
        catch (SubmissionException e)
        {
            worker.Dispose();
            throw new SubmissionException($"The worker could not start: {e.Message}");
        }
    }

    /// <summary>What the student's code printed to standard error since the last call (bounded); after <see cref="Dispose"/>, all of it to the end.</summary>
    public string TakePrinted() => _printed.Take();

    /// <summary>
    /// Whether the worker can take another call: not from the moment it is killed, before its process has
    /// gone (under load that took long enough for the next call to reach the dying worker).
    /// </summary>
    public bool IsAlive => !_disposed && !_killed && !_process.HasExited;

    /// <summary>Calls <paramref name="method"/> in the worker; the raw result, or a <see cref="SubmissionException"/>.</summary>
    public JsonElement Call(MethodInfo method, object?[] args, TimeSpan limit)
    {
        long id = ++_nextId;
        string name = StudentMethodAttribute.Of(method.Name);
        try
        {
            _process.StandardInput.WriteLine(WorkerProtocol.Request(id, method, args));
            _process.StandardInput.Flush();
        }
        catch (IOException)
        {
            throw new SubmissionException($"{name}: the worker process had exited before the call{ExitDescription()}.");
        }
        var response = Await(id, limit, name);
        if (response.Ok) return response.Result ?? default;
        // A heap or stack at its limit can fail the runtime itself at a later allocation, between or
        // during the next calls ("Out of memory.", exit 134): that worker is retired, the next call gets a fresh one.
        if (response.Error is "System.OutOfMemoryException" or "System.InsufficientExecutionStackException") Kill();
        throw new SubmissionException($"{name}: your code threw {response.Error}: {response.Message}");
    }

    /// <summary>Waits for the answer with <paramref name="id"/>, skipping every other line before decoding it.</summary>
    private WorkerResponse Await(long id, TimeSpan limit, string what)
    {
        var clock = Stopwatch.StartNew();
        string awaited = WorkerProtocol.AnswerPrefix(_key, id);
        while (true)
        {
            var remaining = limit - clock.Elapsed;
            if (remaining <= TimeSpan.Zero || !_answers.TryTake(out string? line, remaining))
            {
                Kill();
                if (_overMemory) throw OverMemory(what);
                throw new SubmissionException($"{what}: no answer within the time limit of {limit.TotalSeconds:0.#} s (an endless loop, or far too slow); the worker was stopped.");
            }
            if (line is null)
            {
                _process.WaitForExit(2000);
                if (_overMemory) throw OverMemory(what);
                throw new SubmissionException($"{what}: the worker process ended during the call{ExitDescription()} (a crash such as a stack overflow, or Environment.Exit).");
            }
            if (!line.StartsWith(awaited, StringComparison.Ordinal)) continue;
            WorkerResponse? response;
            try { response = JsonSerializer.Deserialize<WorkerResponse>(line, WorkerProtocol.Options); }
            catch (JsonException) { continue; }
            if (response is not null && response.Id == id && response.Key == _key) return response;
        }
    }

    private SubmissionException OverMemory(string what) =>
        new($"{what}: the worker went over the memory cap of {_memoryLimit >> 20} MiB and was stopped.");

    private string ExitDescription()
    {
        try { return _process.HasExited ? $" (exit code {_process.ExitCode})" : ""; }
        catch (InvalidOperationException) { return ""; }
    }

    /// <summary>Every 50 ms, the resident set of the worker's process tree against the cap.</summary>
    private void WatchMemory()
    {
        while (!_disposed)
        {
            try
            {
                if (_process.HasExited) return;
                if (ProcessTree.ResidentBytes(_process.Id) > _memoryLimit)
                {
                    _overMemory = true;
                    Kill();
                    return;
                }
            }
            catch (InvalidOperationException) { return; }
            Thread.Sleep(50);
        }
    }

    /// <summary>Kills the worker and everything it started; the call in progress fails at once.</summary>
    public void Kill()
    {
        _killed = true;
        try { _process.Kill(entireProcessTree: true); }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception) { }
    }

    /// <summary>Kills the worker and everything it started.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Kill();
        _process.WaitForExit(5000);
        _answers.Dispose();
        _printedReader.Join(2000); // the rest of standard error, up to its end, for the last test
        _process.Dispose();
    }
}
