using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Connection;
using Microsoft.DotNet.Interactive.Events;

namespace Kernel.Tests;

/// <summary>
/// The official kernel as VS Code's Polyglot Notebooks runs it: the dotnet-interactive tool from the
/// repository's tool manifest, started as <c>dotnet tool run dotnet-interactive -- [vscode] stdio
/// --working-dir FOLDER</c> (the extension's default kernelTransportArgs, the folder being the notebook's),
/// one JSON command envelope per line on its stdin, one event envelope per line on its stdout.
/// </summary>
internal sealed class StdioKernel : IDisposable
{
    /// <summary>Longest wait for one cell; only a guard against a hung kernel, never expected to bite.</summary>
    private static readonly TimeSpan CellGuard = TimeSpan.FromMinutes(15);

    private readonly Process _process;
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("kernel-tmp-");
    private readonly Channel<IKernelEventEnvelope> _events = Channel.CreateUnbounded<IKernelEventEnvelope>();
    private readonly Task _reader;
    private readonly Task<string> _stderr;
    private int _submitted;

    /// <summary>
    /// Kernels not yet disposed. A filtered run (one notebook's test) ends while the kernels KernelRuns started
    /// for the other notebooks still run; orphaned, they kept a core busy after the test host had gone. So the
    /// host kills what is left when it exits (one signal a process: the test platform gives it little time) and
    /// starts no kernel after that (a killed one frees a place that a waiting notebook would take).
    /// </summary>
    private static readonly ConcurrentDictionary<StdioKernel, byte> Live = new();
    private static readonly Lock Starting = new();
    private static bool _exiting;

    static StdioKernel()
    {
        KernelCommandEnvelope.RegisterDefaults();
        KernelEventEnvelope.RegisterDefaults();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            lock (Starting) _exiting = true;
            foreach (var kernel in Live.Keys)
                foreach (int id in kernel.ChildIds().Prepend(kernel._process.Id))
                    try { using var process = Process.GetProcessById(id); process.Kill(); }
                    catch (Exception e) when (e is ArgumentException or InvalidOperationException) { /* already gone */ }
        };
    }

    /// <summary>Lines on the kernel's stdout that were not event envelopes (a welcome banner, commands sent to the client), for the message if it dies.</summary>
    private readonly List<string> _otherOutput = [];

    private StdioKernel(string workingDirectory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = Repository.Root, // where `dotnet tool run` finds .config/dotnet-tools.json
        };
        foreach (string argument in (string[])["tool", "run", "dotnet-interactive", "--", "[vscode]", "stdio", "--working-dir", workingDirectory])
            start.ArgumentList.Add(argument);
        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_INTERACTIVE_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // A temp folder of its own (Path.GetTempPath() reads TMPDIR): kernels running side by side, and the
        // kit's runner in another test assembly, may run the same notebook and write the same temp file.
        start.Environment["TMPDIR"] = _temp.FullName;
        lock (Starting)
        {
            if (_exiting) throw new InvalidOperationException("the test host is exiting: no new kernel");
            _process = Process.Start(start)!;
            Live[this] = 0;
        }
        _stderr = _process.StandardError.ReadToEndAsync();
        _reader = Task.Run(ReadEvents);
    }

    /// <summary>Starts a kernel whose working directory is <paramref name="workingDirectory"/> and waits for its KernelReady.</summary>
    public static async Task<StdioKernel> StartAsync(string workingDirectory)
    {
        var kernel = new StdioKernel(workingDirectory);
        try
        {
            var first = await kernel.NextAsync();
            if (first.Event is not KernelReady)
                throw new InvalidOperationException($"the kernel's first event was {first.EventType}, not KernelReady");
            return kernel;
        }
        catch
        {
            kernel.Dispose();
            throw;
        }
    }

    /// <summary>Submits <paramref name="code"/> to the kernel <paramref name="kernelName"/> as a cell does, and collects its events until it succeeds or fails.</summary>
    public async Task<CellRun> SubmitAsync(string code, string kernelName)
    {
        var command = new SubmitCode(code, kernelName);
        string token = $"cell-{_submitted++}";
        command.SetToken(token);
        var clock = Stopwatch.StartNew();
        await _process.StandardInput.WriteLineAsync(KernelCommandEnvelope.Serialize(command));
        await _process.StandardInput.FlushAsync();
        var events = new List<KernelEvent>();
        while (true)
        {
            var envelope = await NextAsync();
            events.Add(envelope.Event);
            if (envelope.Event is CommandSucceeded or CommandFailed && envelope.Event.Command?.GetOrCreateToken() == token)
                return new CellRun(code, clock.Elapsed, events);
        }
    }

    /// <summary>CPU time the kernel process has used so far (user and system), where /proc tells it; zero elsewhere.</summary>
    public TimeSpan KernelProcessorTime() =>
        ChildIds()
            .Select(id => { try { return Process.GetProcessById(id).TotalProcessorTime; } catch (ArgumentException) { return TimeSpan.Zero; } })
            .Aggregate(_process.TotalProcessorTime, (sum, time) => sum + time);

    /// <summary>The processes `dotnet tool run` started (the kernel itself), where /proc lists them; none elsewhere.</summary>
    private int[] ChildIds()
    {
        try
        {
            return File.ReadAllText($"/proc/{_process.Id}/task/{_process.Id}/children")
                .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
        }
        catch (IOException)
        {
            return [];
        }
    }

    /// <summary>All the kernel wrote to stderr; read it after <see cref="Dispose"/> (it waits for the stream's end).</summary>
    public string StandardError => _stderr.GetAwaiter().GetResult();

    private async Task<IKernelEventEnvelope> NextAsync()
    {
        using var guard = new CancellationTokenSource(CellGuard);
        try
        {
            return await _events.Reader.ReadAsync(guard.Token);
        }
        catch (ChannelClosedException)
        {
            await _process.WaitForExitAsync();
            throw new InvalidOperationException($"the kernel exited (code {_process.ExitCode}) mid-cell; stderr:\n{await _stderr}\nother output:\n{string.Join('\n', _otherOutput)}");
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the kernel sent no event for {CellGuard.TotalMinutes} minutes");
        }
    }

    private async Task ReadEvents()
    {
        try
        {
            while (await _process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (IsEvent(line)) await _events.Writer.WriteAsync(KernelEventEnvelope.Deserialize(line));
                else _otherOutput.Add(line.Length > 500 ? line[..500] + "..." : line);
            }
            _events.Writer.Complete();
        }
        catch (Exception e)
        {
            _events.Writer.Complete(e);
        }
    }

    private static bool IsEvent(string line)
    {
        if (!line.StartsWith('{')) return false;
        using var json = JsonDocument.Parse(line);
        return json.RootElement.TryGetProperty("eventType", out _);
    }

    /// <summary>Asks the kernel to quit, as closing a notebook does; kills it (and the tool runner) if it is still there after a few seconds.</summary>
    public void Dispose()
    {
        try
        {
            _process.StandardInput.WriteLine(KernelCommandEnvelope.Serialize(new Quit()));
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // already gone
        }
        if (!_process.WaitForExit(TimeSpan.FromSeconds(5))) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        Live.TryRemove(this, out _);
        _process.Dispose();
        _temp.Delete(recursive: true);
    }
}
