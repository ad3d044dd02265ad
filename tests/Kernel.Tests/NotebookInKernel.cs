using System.Diagnostics;
using Microsoft.DotNet.Interactive.Documents;
using Notebook = Microsoft.DotNet.Interactive.Documents.Jupyter.Notebook;

namespace Kernel.Tests;

/// <summary>A notebook run top to bottom in its own kernel, as VS Code's Run All does: each code cell in order, to the kernel its metadata names.</summary>
internal sealed record NotebookInKernel(string Name, IReadOnlyList<CellRun> Cells, TimeSpan Elapsed, TimeSpan KernelCpu, string KernelStandardError)
{
    public IEnumerable<string> Charts => Cells.SelectMany(c => c.Charts);

    /// <summary>Parses <paramref name="path"/> with the notebook parser VS Code's extension uses, starts a kernel in the notebook's folder and runs every code cell; stops at the first cell that fails.</summary>
    public static async Task<NotebookInKernel> RunAsync(string path)
    {
        var clock = Stopwatch.StartNew();
        var kernels = new KernelInfoCollection { new KernelInfo("csharp", "C#", ["c#", "C#"]) };
        kernels.DefaultKernelName = "csharp";
        var document = Notebook.Parse(await File.ReadAllTextAsync(path), kernels);
        var cells = new List<CellRun>();
        TimeSpan cpu;
        var kernel = await StdioKernel.StartAsync(Path.GetDirectoryName(Path.GetFullPath(path))!);
        try
        {
            foreach (var element in document.Elements.Where(e => e.KernelName != "markdown"))
            {
                var cell = await kernel.SubmitAsync(element.Contents, element.KernelName ?? kernels.DefaultKernelName);
                cells.Add(cell);
                if (!cell.Succeeded) break;
            }
            cpu = kernel.KernelProcessorTime();
        }
        finally
        {
            kernel.Dispose();
        }
        return new NotebookInKernel(Path.GetFileName(path), cells, clock.Elapsed, cpu, kernel.StandardError);
    }
}
