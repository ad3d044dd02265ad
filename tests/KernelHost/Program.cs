using KernelHost;
using Microsoft.FSharp.Collections;

// The kernel's condition first: FSharp.Core 10.0 is loaded (and used) before anything touches Rl.Plots.
var fsharp = typeof(FSharpList<int>).Assembly;
Console.WriteLine($"host: {fsharp.GetName().Name} {fsharp.GetName().Version} loaded first, list {FSharpList<int>.Cons(1, FSharpList<int>.Empty)}");
if (fsharp.GetName().Version != new Version(10, 0, 0, 0))
{
    Console.Error.WriteLine($"KernelHost must run with FSharp.Core 10.0.0.0, as the kernel does, but has {fsharp.GetName().Version}.");
    return 3;
}

return args switch
{
    ["cells", var plotsDll, var outDir] => NotebookCells.Run(plotsDll, outDir),
    ["direct", var plotlyFolder] => DirectPlotly.Run(plotlyFolder),
    ["notebook", var notebook, var outDir] => NotebookThroughRunner.Run(notebook, outDir),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: KernelHost cells RL_PLOTS_DLL OUT_DIR   (cells that #r Rl.Plots and chart; outputs to OUT_DIR)\n" +
                            "       KernelHost direct PLOTLY_FOLDER         (Plotly.NET from Rl.Plots's plotly/ folder, loaded into the default context)\n" +
                            "       KernelHost notebook NOTEBOOK OUT_DIR    (a notebook run by the kit's runner; its html outputs to OUT_DIR)");
    return 2;
}
