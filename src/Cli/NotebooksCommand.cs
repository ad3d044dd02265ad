using System.Diagnostics;
using System.CommandLine;
using Rl.Notebooks.Execution;
using Rl.Notebooks.Export;
using Rl.Notebooks.Format;

namespace Rl.Cli;

/// <summary>
/// `notebooks run`: executes the lecture's notebooks headless (no VS Code needed) and writes each one
/// executed (.ipynb with outputs) and as a self-contained HTML page; prints a line per cell with its
/// time and a summary table. The output folder is checked before anything runs. Exit code 1 if any
/// notebook failed, 2 for bad options.
/// </summary>
internal static class NotebooksCommand
{
    private const string DefaultFolder = "notebooks";

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = $"Notebooks or folders of notebooks (default: every {DefaultFolder}/*.ipynb).", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string>("--out") { Description = "Folder for the executed notebooks and HTML pages.", DefaultValueFactory = _ => Path.Combine("artifacts", "notebooks") };
        var timeout = new Option<double>("--timeout") { Description = "Time limit of one code cell, in seconds.", DefaultValueFactory = _ => 60 };
        var run = new Command("run", "Execute notebooks headless and export them as executed .ipynb and self-contained HTML.") { paths, output, timeout };
        run.SetAction(parse =>
        {
            double seconds = parse.GetValue(timeout);
            if (!(seconds > 0)) { Console.Error.WriteLine("error: --timeout: must be greater than 0 seconds."); return 2; }
            if (Find(parse.GetValue(paths) ?? []) is not { } files) return 2;
            string folder = parse.GetValue(output)!;
            if (OutputPaths.PrepareFolder(folder, output.Name) is { } error) { Console.Error.WriteLine($"error: {error}"); return 2; }
            var scripts = NotebookScripts.Find();
            return Run(files, folder, new NotebookRunnerOptions { CellTimeout = TimeSpan.FromSeconds(seconds) }, scripts);
        });
        return new Command("notebooks", "The lecture's notebooks: run and export them.") { run };
    }

    /// <summary>The .ipynb files named (folders expand to their notebooks), or null after reporting what is missing.</summary>
    private static List<string>? Find(string[] paths)
    {
        if (paths.Length == 0 && !Directory.Exists(DefaultFolder))
        {
            Console.Error.WriteLine($"error: no {DefaultFolder}/ folder here ({Environment.CurrentDirectory}); run from the kit's root or name the notebooks.");
            return null;
        }
        var files = new List<string>();
        foreach (string path in paths.Length == 0 ? [DefaultFolder] : paths)
        {
            if (Directory.Exists(path)) files.AddRange(Directory.GetFiles(path, "*.ipynb").Order(StringComparer.Ordinal));
            else if (File.Exists(path)) files.Add(path);
            else { Console.Error.WriteLine($"error: paths: no notebook or folder at {path}."); return null; }
        }
        if (files.Count == 0) Console.Error.WriteLine($"error: paths: no .ipynb files in {string.Join(", ", paths.Length == 0 ? [DefaultFolder] : paths)}.");
        return files.Count == 0 ? null : files;
    }

    private static int Run(List<string> files, string folder, NotebookRunnerOptions options, ExportScripts scripts)
    {
        Console.WriteLine($"Running {files.Count} notebook(s), at most {options.CellTimeout.TotalSeconds:0.###} s per cell; writing to {folder}.");
        var runner = new NotebookRunner(options);
        var summary = new List<(string Name, int Cells, TimeSpan Time, TimeSpan Cpu, CellResult? Slowest, string Outcome)>();
        for (int i = 0; i < files.Count; i++)
        {
            Console.WriteLine($"[{i + 1}/{files.Count}] {files[i]}");
            Notebook notebook;
            try { notebook = Notebook.Load(files[i]); }
            catch (FormatException e)
            {
                Console.WriteLine($"  FAILED: {e.Message}");
                summary.Add((Path.GetFileName(files[i]), 0, TimeSpan.Zero, TimeSpan.Zero, null, "unreadable"));
                continue;
            }
            // CPU time of the whole process (every thread, background runs included) beside each wall time:
            // on a shared machine the wall time says as much about the other jobs as about the notebook.
            TimeSpan notebookStart = ProcessCpu(), cellStart = notebookStart;
            var result = runner.Run(notebook, cell =>
            {
                TimeSpan now = ProcessCpu(), cpu = now - cellStart;
                cellStart = now;
                Console.WriteLine($"  {cell.Cell.Describe(),-28} In [{cell.ExecutionCount}] {cell.Elapsed.TotalSeconds,7:F2} s  (CPU {cpu.TotalSeconds,5:F2} s){(cell.Error is null ? "" : "  FAILED")}");
            });
            TimeSpan notebookCpu = ProcessCpu() - notebookStart;
            var (_, page) = NotebookExport.Write(result, folder, scripts);
            Console.WriteLine(result.Error is { } error ? $"  FAILED: {error.Value}" : $"  ok in {result.Elapsed.TotalSeconds:F2} s (CPU {notebookCpu.TotalSeconds:F2} s) -> {page}");
            summary.Add((Path.GetFileName(files[i]), result.Cells.Count, result.Elapsed, notebookCpu, result.Cells.MaxBy(c => c.Elapsed), result.Succeeded ? "ok" : "FAILED"));
        }
        PrintSummary(summary);
        return summary.All(row => row.Outcome == "ok") ? 0 : 1;
    }

    /// <summary>CPU time (user and system) this process has used so far, all threads.</summary>
    private static TimeSpan ProcessCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private static void PrintSummary(List<(string Name, int Cells, TimeSpan Time, TimeSpan Cpu, CellResult? Slowest, string Outcome)> rows)
    {
        string Slowest(CellResult? cell) => cell is null ? "" : $"{cell.Elapsed.TotalSeconds,6:F2}  {cell.Cell.Describe()}";
        int name = Math.Max("notebook".Length, rows.Max(row => row.Name.Length));
        int slowest = Math.Max("slowest cell (s)".Length, rows.Max(row => Slowest(row.Slowest).Length));
        Console.WriteLine();
        Console.WriteLine($"{"notebook".PadRight(name)}  cells   time (s)  CPU (s)  {"slowest cell (s)".PadRight(slowest)}  result");
        foreach (var row in rows)
            Console.WriteLine($"{row.Name.PadRight(name)}  {row.Cells,5}  {row.Time.TotalSeconds,9:F2}  {row.Cpu.TotalSeconds,7:F2}  {Slowest(row.Slowest).PadRight(slowest)}  {row.Outcome}");
        Console.WriteLine($"{"total".PadRight(name)}  {rows.Sum(row => row.Cells),5}  {rows.Sum(row => row.Time.TotalSeconds),9:F2}  {rows.Sum(row => row.Cpu.TotalSeconds),7:F2}");
    }
}
