using System.Reflection;
using System.Runtime.Loader;

namespace KernelHost;

/// <summary>
/// Plotly.NET loaded straight into this process, without Rl.Plots's private load context: Rl.Plots.Plotly,
/// Plotly.NET and Giraffe.ViewEngine join the default context, which already holds FSharp.Core 10.0. Plotly.NET
/// asks for FSharp.Core 10.1, which the default context cannot hold beside its 10.0, so that one is loaded beside
/// it (the kernel's script loader gives each referenced folder a context of its own), while Giraffe.ViewEngine
/// binds to the host's 10.0. Expected to fail at the first chart with the error measured in the real kernel:
/// MissingMethodException: Giraffe.ViewEngine.Attributes.get__id().
/// </summary>
internal static class DirectPlotly
{
    public static int Run(string plotlyFolder)
    {
        plotlyFolder = Path.GetFullPath(plotlyFolder);
        var beside = new AssemblyLoadContext("beside the default context");
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            // plotly/ holds Plotly.NET and its dependencies; the contract Rl.Plots.Backend sits one folder up.
            string? path = new[] { plotlyFolder, Path.GetDirectoryName(plotlyFolder)! }
                .Select(folder => Path.Combine(folder, name.Name + ".dll")).FirstOrDefault(File.Exists);
            if (path is null) return null;
            return name.Name == "FSharp.Core" ? beside.LoadFromAssemblyPath(path) : context.LoadFromAssemblyPath(path);
        };
        try
        {
            var implementation = AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.Combine(plotlyFolder, "Rl.Plots.Plotly.dll"));
            var backendType = implementation.GetType("Rl.Plots.Plotly.PlotlyBackend", throwOnError: true)!;
            var traceType = backendType.GetInterfaces().Single().Assembly.GetType("Rl.Plots.Backend.LineTrace", throwOnError: true)!;
            var traces = Array.CreateInstance(traceType, 1);
            traces.SetValue(Activator.CreateInstance(traceType, "s", new double[] { 1, 2 }, new double[] { 3, 4 }, true, false), 0);
            string html = (string)backendType.GetMethod("Lines")!.Invoke(Activator.CreateInstance(backendType), ["direct", "x", "y", traces, false])!;
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
