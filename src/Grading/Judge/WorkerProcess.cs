using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Rl.Grading.Worker;

namespace Rl.Grading.Judge;

/// <summary>
/// One running worker: sends it calls and waits for the matching answers, within a time limit per
/// call and a memory cap. The worker's standard output is read line by line, each line capped in
/// length; lines that are not the awaited answer, marked with this worker's random key (student code
/// printing, forged lines), are dropped.
/// Standard error is kept, capped, for the results. Any failure kills the whole worker.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    /// <summary>Longest line read from the worker: a result of 200,000 doubles fits with room to spare.</summary>
    private const int MaxLine = 32 << 20;

    /// <summary>Standard error kept for the results.</summary>
    private const int MaxErrorOutput = 4096;

    private readonly Process _process;
    private readonly BlockingCollection<string?> _lines = new();
    private readonly StringBuilder _errors = new();
    private readonly long _memoryLimit;
    private readonly string _key = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
    private long _nextId;
    private volatile bool _overMemory;
    private bool _disposed;

    private WorkerProcess(Process process, long memoryLimit)
    {
        _process = process;
        _memoryLimit = memoryLimit;
        new Thread(ReadOutput) { IsBackground = true, Name = "worker stdout" }.Start();
        new Thread(ReadErrors) { IsBackground = true, Name = "worker stderr" }.Start();
        new Thread(WatchMemory) { IsBackground = true, Name = "worker memory" }.Start();
    }

    /// <summary>Starts a worker and waits until it says it is ready.</summary>
    public static WorkerProcess Start(Sandbox sandbox, long memoryLimit, TimeSpan startLimit)
    {
        var process = Process.Start(sandbox.StartInfo()) ?? throw new SubmissionException("The worker process could not be started.");
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
            throw new SubmissionException($"The worker could not start: {e.Message} It said: {worker.Errors}");
        }
    }

    /// <summary>The worker's standard error so far (capped): what the student's code printed.</summary>
    public string Errors
    {
        get { lock (_errors) return _errors.ToString(); }
    }

    /// <summary>Whether the worker can take another call.</summary>
    public bool IsAlive => !_disposed && !_process.HasExited;

    /// <summary>Calls <paramref name="method"/> in the worker; the raw result, or a <see cref="SubmissionException"/>.</summary>
    public JsonElement Call(MethodInfo method, object?[] args, TimeSpan limit)
    {
        long id = ++_nextId;
        try
        {
            _process.StandardInput.WriteLine(WorkerProtocol.Request(id, method, args));
            _process.StandardInput.Flush();
        }
        catch (IOException)
        {
            throw new SubmissionException($"{method.Name}: the worker process had exited before the call{ExitDescription()}.");
        }
        var response = Await(id, limit, method.Name);
        if (response.Ok) return response.Result ?? default;
        throw new SubmissionException($"{method.Name}: your code threw {response.Error}: {response.Message}");
    }

    /// <summary>Waits for the answer with <paramref name="id"/>, skipping every other line.</summary>
    private WorkerResponse Await(long id, TimeSpan limit, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var remaining = limit - clock.Elapsed;
            if (remaining <= TimeSpan.Zero || !_lines.TryTake(out string? line, remaining))
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

    /// <summary>Reads standard output as lines of at most <see cref="MaxLine"/> bytes; longer ones are dropped.</summary>
    private void ReadOutput()
    {
        var stream = _process.StandardOutput.BaseStream;
        var buffer = new byte[1 << 16];
        var line = new MemoryStream();
        bool tooLong = false;
        try
        {
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                int start = 0;
                for (int i = 0; i < read; i++)
                {
                    if (buffer[i] != (byte)'\n') continue;
                    if (!tooLong && line.Length + i - start <= MaxLine)
                    {
                        line.Write(buffer, start, i - start);
                        _lines.Add(Encoding.UTF8.GetString(line.GetBuffer(), 0, (int)line.Length));
                    }
                    line.SetLength(0);
                    tooLong = false;
                    start = i + 1;
                }
                if (!tooLong && line.Length + read - start <= MaxLine) line.Write(buffer, start, read - start);
                else { tooLong = true; line.SetLength(0); }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException) { }
        _lines.Add(null); // end of output
    }

    private void ReadErrors()
    {
        var buffer = new char[4096];
        try
        {
            int read;
            while ((read = _process.StandardError.Read(buffer, 0, buffer.Length)) > 0)
                lock (_errors)
                    if (_errors.Length < MaxErrorOutput)
                        _errors.Append(buffer, 0, Math.Min(read, MaxErrorOutput - _errors.Length));
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException) { }
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

    private void Kill()
    {
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
        _process.Dispose();
    }
}
