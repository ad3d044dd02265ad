using Microsoft.DotNet.Interactive.Formatting;
using Rl.Notebooks.Execution;
using Rl.Notebooks.Format;

namespace KernelHost;

/// <summary>
/// A whole notebook executed by the kit's runner (src/Notebooks) inside this process, which already
/// holds FSharp.Core 10.0 as the kernel does: the notebook #r's Rl.Plots and draws charts; every
/// text/html output the runner recorded is written to OUT_DIR/output-N.html.
/// </summary>
internal static class NotebookThroughRunner
{
    public static int Run(string notebookPath, string outDir)
    {
        Directory.CreateDirectory(outDir);
        var result = new NotebookRunner().Run(Notebook.Load(notebookPath));
        if (!result.Succeeded)
        {
            Console.Error.WriteLine($"the notebook failed: {result.Error!.Value}");
            return 1;
        }
        int written = 0;
        foreach (var output in result.Cells.SelectMany(cell => cell.Outputs))
        {
            var data = output switch { DisplayOutput d => d.Data, ResultOutput r => r.Data, _ => null };
            if (data is not null && data.TryGetValue(HtmlFormatter.MimeType, out string? html))
                File.WriteAllText(Path.Combine(outDir, $"output-{written++}.html"), html);
        }
        Console.WriteLine($"notebook ran {result.Cells.Count} cells; {written} html outputs in {outDir}");
        return 0;
    }
}
