using System.Reflection;
using System.Runtime.Loader;
using Rl.Plots.Backend;

namespace KernelHost;

/// <summary>
/// What the kernel does with a directly referenced Plotly.NET, without Rl.Plots's private load context:
/// Plotly.NET and Giraffe.ViewEngine are loaded into the default context, which already holds FSharp.Core
/// 10.0; Plotly.NET asks for FSharp.Core 10.1, which the default context cannot hold beside its 10.0, so it
/// is loaded beside it (the kernel's script loader gives each referenced folder a context of its own), while
/// Giraffe.ViewEngine binds to the host's 10.0. Expected to fail at the first chart with
/// MissingMethodException: Giraffe.ViewEngine.Attributes.get__id(), the error measured in the real kernel.
/// </summary>
internal static class DirectPlotly
{
    public static int Run()
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "plotly");
        var beside = new AssemblyLoadContext("beside the default context");
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            string path = Path.Combine(folder, name.Name + ".dll");
            if (!File.Exists(path)) return null;
            return name.Name == "FSharp.Core" ? beside.LoadFromAssemblyPath(path) : context.LoadFromAssemblyPath(path);
        };
        try
        {
            var implementation = AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.Combine(folder, "Rl.Plots.Plotly.dll"));
            var backend = (IChartBackend)Activator.CreateInstance(implementation.GetType("Rl.Plots.Plotly.PlotlyBackend", throwOnError: true)!)!;
            string html = backend.Lines("direct", "x", "y", [new LineTrace("s", [1, 2], [3, 4], ShowLines: true, ShowMarkers: false)], logAxes: false);
            Console.WriteLine($"Plotly.NET drew a chart in the default context ({html.Length} characters).");
            return 0;
        }
        catch (Exception e)
        {
            for (Exception? inner = e; inner is not null; inner = inner.InnerException)
                Console.Error.WriteLine($"{inner.GetType().FullName}: {inner.Message}");
            return 1;
        }
    }
}
