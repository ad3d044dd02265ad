using System.Diagnostics;
using Rl.Notebooks.Export;
using Rl.Plots;

namespace Rl.Cli;

/// <summary>
/// The scripts `notebooks run` inlines into its pages. plotly.js always comes from Plotly.NET (inside the
/// build). MathJax comes from npm (notebooks/node_modules): when it is missing and npm is on PATH, it is
/// installed once with `npm ci` in the kit's notebooks/ folder, saying so; without npm, the run goes on,
/// says how to install it, and the pages show the formulas as TeX source.
/// </summary>
internal static class NotebookScripts
{
    public static ExportScripts Find()
    {
        string[] starts = [Environment.CurrentDirectory, AppContext.BaseDirectory];
        if (ExportScripts.FindMathJax(starts) is null && KitNotebooksFolder(starts) is { } folder && OnPath("npm") is { } npm)
        {
            Console.WriteLine($"MathJax (it typesets the pages' formulas) is not installed; installing it: npm ci in {folder}");
            Install(npm, folder);
        }
        var scripts = ExportScripts.Find(PlotlyJs.Source, starts);
        if (scripts.MathJax is null)
            Console.Error.WriteLine($"note: MathJax is not installed, so the pages show the formulas as TeX source. To typeset them, run {ExportScripts.InstallCommand}, then run this again.");
        return scripts;
    }

    /// <summary>The kit's notebooks/ folder (it holds package-lock.json) in or above one of <paramref name="starts"/>.</summary>
    private static string? KitNotebooksFolder(string[] starts)
    {
        foreach (string start in starts)
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
                if (File.Exists(Path.Combine(folder.FullName, "notebooks", "package-lock.json"))) return Path.Combine(folder.FullName, "notebooks");
        return null;
    }

    private static string? OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, OperatingSystem.IsWindows() ? program + ".cmd" : program))
            .FirstOrDefault(File.Exists);

    /// <summary>Runs npm ci; its own output goes to the console. A failure is reported, not fatal: the pages then lack MathJax.</summary>
    private static void Install(string npm, string folder)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(npm, ["ci", "--no-audit", "--no-fund", "--loglevel=error"]) { WorkingDirectory = folder })!;
            process.WaitForExit();
            if (process.ExitCode != 0) Console.Error.WriteLine($"note: npm ci in {folder} failed (exit code {process.ExitCode}).");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Console.Error.WriteLine($"note: could not run {npm}: {e.Message}");
        }
    }
}
