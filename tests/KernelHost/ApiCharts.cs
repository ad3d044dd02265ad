using System.Runtime.Loader;
using Microsoft.DotNet.Interactive.Formatting;
using Rl.Plots;

namespace KernelHost;

/// <summary>
/// Charts through the kit's API, displayed the way the kernel displays them (the "text/html" formatter),
/// and a page. The charts are made here by calling <see cref="Plot"/>; once the notebook runner
/// (src/Notebooks) is in the solution, this is the place to execute a notebook with charts through it
/// instead and write its chart outputs to the same files.
/// </summary>
internal static class ApiCharts
{
    public static int Run(string outDir)
    {
        Directory.CreateDirectory(outDir);
        ChartHtml[] charts =
        [
            Plot.Lines("kernel lines", "step", "return", new Series("returns", [1, 2, 3], [0.125, 0.25, 0.5])),
            Plot.LogLog("kernel timing", "H", "seconds", new Series("O(H)", [10, 100, 1000], [0.001, 0.01, 0.1], SeriesStyle.LinesAndMarkers)),
            Plot.Histogram("kernel histogram", "advantage", ("two rollouts", [0.75, 1.5, 1.5, 2.25])),
            Plot.Bars("kernel bars", "trick", "return", ["clip", "norm"], ("on", [475.5, 480.25]), ("off", [300.5, 310.75])),
            Plot.Heatmap("kernel heatmap", new double[,] { { 0.5, 1.5 }, { 2.5, 3.5 } }, ["a", "b"], ["r0", "r1"]),
        ];
        for (int i = 0; i < charts.Length; i++)
            File.WriteAllText(Path.Combine(outDir, $"display-{i}.html"), Formatter.ToDisplayString(charts[i], HtmlFormatter.MimeType));
        ChartPage.Write(Path.Combine(outDir, "page.html"), "KernelHost charts", charts);

        // Where each FSharp.Core lives: the host's 10.0 in the default context, Plotly.NET's 10.1 in Rl.Plots's own.
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name == "FSharp.Core"))
            Console.WriteLine($"loaded: FSharp.Core {assembly.GetName().Version} in context {AssemblyLoadContext.GetLoadContext(assembly)?.Name}");
        Console.WriteLine($"wrote {charts.Length} charts to {outDir}");
        return 0;
    }
}
