using System.Diagnostics;
using Rl.Notebooks.Format;

namespace Rl.Notebooks.Execution;

/// <summary>
/// Executes a notebook's C# code cells in order, headless, like VS Code's C# kernel would: one
/// submission chain, the kernel's default usings, <c>#r</c> against the notebook's folder, the notebook's
/// folder as working directory, console output and <c>display(x)</c> captured per cell. Stops at the
/// first error.
/// </summary>
/// <remarks>
/// Runs are serialised within a process: the console, the working directory and the formatter
/// registry are process-wide.
/// </remarks>
public sealed class NotebookRunner(NotebookRunnerOptions options)
{
    private static readonly Lock Gate = new();

    /// <summary>A runner with the default options (60 s per cell).</summary>
    public NotebookRunner() : this(new NotebookRunnerOptions()) { }

    /// <summary>Runs every code cell of <paramref name="notebook"/>; <paramref name="cellDone"/> hears of each as it finishes.</summary>
    public NotebookResult Run(Notebook notebook, Action<CellResult>? cellDone = null)
    {
        lock (Gate)
        {
            string workingDirectory = Environment.CurrentDirectory;
            Environment.CurrentDirectory = notebook.Folder;
            try
            {
                return RunCells(notebook, cellDone);
            }
            finally
            {
                Environment.CurrentDirectory = workingDirectory;
            }
        }
    }

    private NotebookResult RunCells(Notebook notebook, Action<CellResult>? cellDone)
    {
        var total = Stopwatch.StartNew();
        var session = new ScriptSession(options.CellTimeout);
        var results = new List<CellResult>();
        foreach (var cell in notebook.Cells.Where(c => c.Kind == CellKind.Code && !string.IsNullOrWhiteSpace(c.Source)))
        {
            var clock = Stopwatch.StartNew();
            var outputs = session.Run(cell, notebook.Folder);
            var result = new CellResult(cell, results.Count + 1, outputs, clock.Elapsed);
            results.Add(result);
            cellDone?.Invoke(result);
            if (result.Error is not null) break;
        }
        return new NotebookResult(notebook, results, total.Elapsed);
    }
}
