namespace Kernel.Tests;

/// <summary>
/// Runs the kit's notebooks in the official kernel once per test run, one kernel process per notebook, several
/// at a time: the first test that asks for a notebook starts them all, and each test awaits its own.
/// </summary>
internal static class KernelRuns
{
    /// <summary>
    /// Kernels running at once: each notebook is mostly one busy thread, so one per core and one more to fill the
    /// gaps (kernel start, process exit). KERNEL_TESTS_CONCURRENCY=1 runs them one at a time, to time each notebook.
    /// </summary>
    public static readonly int Concurrency =
        int.TryParse(Environment.GetEnvironmentVariable("KERNEL_TESTS_CONCURRENCY"), out int kernels) && kernels > 0 ? kernels : Environment.ProcessorCount + 1;

    private static readonly SemaphoreSlim Gate = new(Concurrency);
    private static readonly Lazy<Task> Restored = new(() => Task.Run(RestoreTool));
    private static readonly Lazy<IReadOnlyDictionary<string, Task<NotebookInKernel>>> All = new(() =>
        Repository.Notebooks.ToDictionary(name => name, name => Task.Run(() => RunGated(name))));

    /// <summary>The run of notebooks/<paramref name="name"/>, started with all the others on the first call.</summary>
    public static Task<NotebookInKernel> Notebook(string name) => All.Value[name];

    /// <summary>The pinned tool, restored from .config/dotnet-tools.json: a fresh machine has only the SDK.</summary>
    public static Task ToolRestored => Restored.Value;

    private static async Task<NotebookInKernel> RunGated(string name)
    {
        await ToolRestored;
        await Gate.WaitAsync();
        try
        {
            return await NotebookInKernel.RunAsync(Path.Combine(Repository.NotebooksFolder, name));
        }
        finally
        {
            Gate.Release();
        }
    }

    private static void RestoreTool()
    {
        var (exitCode, output, error) = TestSupport.ChildProcess.Run("dotnet", ["tool", "restore", "--tool-manifest", Path.Combine(Repository.Root, ".config", "dotnet-tools.json")], TimeSpan.FromMinutes(10));
        if (exitCode != 0) throw new InvalidOperationException($"dotnet tool restore failed (exit {exitCode}):\n{output}\n{error}");
    }
}
