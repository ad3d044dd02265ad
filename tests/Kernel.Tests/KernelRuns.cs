using System.Collections.Concurrent;

namespace Kernel.Tests;

/// <summary>
/// Runs the kit's notebooks in the official kernel once per test run, one kernel process per notebook, several
/// at a time: the first test that asks for a notebook queues them all, its own first (a filtered run of one
/// notebook's test waits for that notebook only), and each test awaits its own.
/// </summary>
internal static class KernelRuns
{
    /// <summary>
    /// Kernels running at once: each notebook is mostly one busy thread, so one per core and one more to fill the
    /// gaps (kernel start, process exit). KERNEL_TESTS_CONCURRENCY=1 runs them one at a time, to time each notebook.
    /// </summary>
    public static readonly int Concurrency =
        int.TryParse(Environment.GetEnvironmentVariable("KERNEL_TESTS_CONCURRENCY"), out int kernels) && kernels > 0 ? kernels : Environment.ProcessorCount + 1;

    private static readonly Lazy<Task> Restored = new(() => Task.Run(RestoreTool));
    private static readonly Dictionary<string, TaskCompletionSource<NotebookInKernel>> Runs =
        Repository.Notebooks.ToDictionary(name => name, _ => new TaskCompletionSource<NotebookInKernel>(TaskCreationOptions.RunContinuationsAsynchronously));
    private static readonly Lock Starting = new();
    private static bool _started;

    /// <summary>The run of notebooks/<paramref name="name"/>; the first call queues every notebook, this one first.</summary>
    public static Task<NotebookInKernel> Notebook(string name)
    {
        lock (Starting)
        {
            if (!_started)
            {
                _started = true;
                var queue = new ConcurrentQueue<string>(Repository.Notebooks.OrderBy(n => n == name ? 0 : 1)); // a stable sort: the rest in order
                for (int i = 0; i < Concurrency; i++) _ = Task.Run(() => RunQueued(queue));
            }
        }
        return Runs[name].Task;
    }

    /// <summary>The pinned tool, restored from .config/dotnet-tools.json: a fresh machine has only the SDK.</summary>
    public static Task ToolRestored => Restored.Value;

    /// <summary>One of the <see cref="Concurrency"/> workers: runs queued notebooks, one at a time, until none is left.</summary>
    private static async Task RunQueued(ConcurrentQueue<string> queue)
    {
        while (queue.TryDequeue(out string? name))
        {
            try
            {
                await ToolRestored;
                Runs[name].SetResult(await NotebookInKernel.RunAsync(Path.Combine(Repository.NotebooksFolder, name)));
            }
            catch (Exception e)
            {
                Runs[name].SetException(e);
            }
        }
    }

    private static void RestoreTool()
    {
        var (exitCode, output, error) = TestSupport.ChildProcess.Run("dotnet", ["tool", "restore", "--tool-manifest", Path.Combine(Repository.Root, ".config", "dotnet-tools.json")], TimeSpan.FromMinutes(10));
        if (exitCode != 0) throw new InvalidOperationException($"dotnet tool restore failed (exit {exitCode}):\n{output}\n{error}");
    }
}
