using System.Runtime.Loader;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive.Formatting;

namespace KernelHost;

/// <summary>
/// Notebook cells as the kernel runs them: Roslyn scripts in one submission chain, the first loading Rl.Plots
/// with <c>#r</c> (the script loader gives the referenced folder a load context of its own), the others
/// ending in a chart of each kind, whose value is displayed through the host's "text/html" formatter
/// (display-N.html); the last writes all of them as one page (page.html).
/// This is the seam for the notebook runner (src/Notebooks): once it is in the solution, execute a
/// notebook with charts through it here instead of these cells.
/// </summary>
internal static class NotebookCells
{
    public static int Run(string plotsDll, string outDir)
    {
        Directory.CreateDirectory(outDir);
        string[] cells =
        [
            $"#r \"{plotsDll}\"\nusing Rl.Plots;",
            """var lines = Plot.Lines("kernel lines", "step", "return", new Series("returns", new double[] { 1, 2, 3 }, new double[] { 0.125, 0.25, 0.5 })); lines""",
            """var logLog = Plot.LogLog("kernel timing", "H", "seconds", new Series("O(H)", new double[] { 10, 100, 1000 }, new double[] { 0.001, 0.01, 0.1 }, SeriesStyle.LinesAndMarkers)); logLog""",
            """var histogram = Plot.Histogram("kernel histogram", "advantage", ("two rollouts", new[] { 0.75, 1.5, 1.5, 2.25 })); histogram""",
            """var bars = Plot.Bars("kernel bars", "trick", "return", new[] { "clip", "norm" }, ("on", new[] { 475.5, 480.25 }), ("off", new[] { 300.5, 310.75 })); bars""",
            """var heatmap = Plot.Heatmap("kernel heatmap", new double[,] { { 0.5, 1.5 }, { 2.5, 3.5 } }, new[] { "a", "b" }, new[] { "r0", "r1" }); heatmap""",
            $"ChartPage.Write(@\"{Path.Combine(outDir, "page.html")}\", \"KernelHost charts\", new[] {{ lines, logLog, histogram, bars, heatmap }});",
        ];
        ScriptState<object>? state = null;
        int displayed = 0;
        foreach (string cell in cells)
        {
            state = state is null
                ? CSharpScript.RunAsync(cell, ScriptOptions.Default.WithImports("System", "System.Linq")).GetAwaiter().GetResult()
                : state.ContinueWithAsync(cell).GetAwaiter().GetResult();
            if (state.ReturnValue is { } value)
                File.WriteAllText(Path.Combine(outDir, $"display-{displayed++}.html"), Formatter.ToDisplayString(value, HtmlFormatter.MimeType));
        }

        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies()
                     .Where(a => a.GetName().Name is "FSharp.Core" or "Microsoft.DotNet.Interactive.Formatting" or "Rl.Plots" or "Rl.Plots.Backend" or "Plotly.NET"))
            Console.WriteLine($"loaded: {assembly.GetName().Name} {assembly.GetName().Version} in {Describe(AssemblyLoadContext.GetLoadContext(assembly))} from {assembly.Location}");
        Console.WriteLine($"displayed {displayed} charts in {outDir}");
        return 0;
    }

    private static string Describe(AssemblyLoadContext? context) =>
        context == AssemblyLoadContext.Default ? "the default context" : $"context {context?.Name ?? context?.GetType().FullName}";
}
