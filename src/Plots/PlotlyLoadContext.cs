using System.Reflection;
using System.Runtime.Loader;
using Rl.Plots.Backend;

namespace Rl.Plots;

/// <summary>
/// The private load context Plotly.NET runs in. It loads Rl.Plots.Plotly and its dependencies (Plotly.NET,
/// its own FSharp.Core 10.1, Giraffe.ViewEngine, DynamicObj, Fable.Core, Newtonsoft.Json) from the plotly/
/// folder beside Rl.Plots.dll, resolved through that folder's Rl.Plots.Plotly.deps.json, and never from the
/// host: a process that already holds another FSharp.Core (the .NET Interactive kernel holds 10.0) would
/// otherwise bind Giraffe.ViewEngine to the host's FSharp.Core and Plotly.NET to its own, and Plotly.NET
/// fails with MissingMethodException (Giraffe.ViewEngine.Attributes.get__id). The contract assembly
/// Rl.Plots.Backend is the exception: it is handed over as the very instance Rl.Plots uses (whatever
/// context holds it: the default one in a program, a script loader's in a kernel), so both sides see one
/// <see cref="IChartBackend"/>. Framework assemblies fall through to the default context.
/// </summary>
internal sealed class PlotlyLoadContext : AssemblyLoadContext
{
    private const string Folder = "plotly", AssemblyFile = "Rl.Plots.Plotly.dll", BackendType = "Rl.Plots.Plotly.PlotlyBackend";

    private static readonly Assembly Contract = typeof(IChartBackend).Assembly;

    private readonly AssemblyDependencyResolver _resolver;

    private PlotlyLoadContext(string mainAssembly) : base("Rl.Plots.Plotly") => _resolver = new AssemblyDependencyResolver(mainAssembly);

    /// <summary>The Plotly.NET backend, loaded on first use and kept for the life of the process.</summary>
    public static IChartBackend Backend => Instance.Value;

    private static readonly Lazy<IChartBackend> Instance = new(Create);

    /// <inheritdoc/>
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (AssemblyName.ReferenceMatchesDefinition(assemblyName, Contract.GetName())) return Contract;
        string? path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    private static IChartBackend Create()
    {
        string here = Path.GetDirectoryName(typeof(PlotlyLoadContext).Assembly.Location) ?? "";
        string main = Path.Combine(here, Folder, AssemblyFile);
        if (!File.Exists(main))
            throw new FileNotFoundException(
                $"Rl.Plots draws with Plotly.NET from {main}, which is missing; build the kit (dotnet build) so that plotly/ sits beside Rl.Plots.dll.", main);
        var context = new PlotlyLoadContext(main);
        var type = context.LoadFromAssemblyPath(main).GetType(BackendType, throwOnError: true)!;
        return (IChartBackend)Activator.CreateInstance(type)!;
    }
}
