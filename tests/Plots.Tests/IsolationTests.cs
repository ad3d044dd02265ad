using System.Reflection;
using System.Runtime.Loader;
using Rl.Plots;

namespace Plots.Tests;

/// <summary>Plotly.NET lives in Rl.Plots's private load context, and the build puts it where that context looks.</summary>
public class IsolationTests
{
    private static readonly string PlotsFolder = Path.GetDirectoryName(typeof(Plot).Assembly.Location)!;

    [Fact]
    public void Plotly_NET_and_its_FSharp_Core_load_only_in_the_private_context()
    {
        _ = Plot.Lines("t", "x", "y", new Series("s", [1], [2]));
        var loaded = AppDomain.CurrentDomain.GetAssemblies();

        // Another context may hold a Plotly.NET of its own (TemplateTests loads an untouched one): count the kit's.
        var plotly = Assert.Single(loaded, a => a.GetName().Name == "Plotly.NET" && AssemblyLoadContext.GetLoadContext(a)?.Name == "Rl.Plots.Plotly");
        var context = AssemblyLoadContext.GetLoadContext(plotly)!;
        var fsharp = Assert.Single(context.Assemblies, a => a.GetName().Name == "FSharp.Core");
        Assert.Equal(new Version(10, 1, 0, 0), fsharp.GetName().Version);
        Assert.StartsWith(Path.Combine(PlotsFolder, "plotly") + Path.DirectorySeparatorChar, fsharp.Location);
        Assert.DoesNotContain(AssemblyLoadContext.Default.Assemblies, a => a.GetName().Name is "Plotly.NET" or "FSharp.Core" or "Giraffe.ViewEngine");
    }

    [Fact]
    public void The_contract_assembly_is_shared_not_loaded_twice() =>
        Assert.Single(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name == "Rl.Plots.Backend");

    [Theory]
    [InlineData("Rl.Plots.Plotly.dll")]
    [InlineData("Rl.Plots.Plotly.deps.json")]
    [InlineData("Plotly.NET.dll")]
    [InlineData("FSharp.Core.dll")]
    [InlineData("Giraffe.ViewEngine.dll")]
    [InlineData("DynamicObj.dll")]
    public void The_plotly_folder_sits_beside_Rl_Plots(string file) =>
        Assert.True(File.Exists(Path.Combine(PlotsFolder, "plotly", file)), $"{file} missing from {PlotsFolder}/plotly");

    [Fact]
    public void The_library_folder_a_notebook_references_has_no_copy_of_the_hosts_assemblies()
    {
        // artifacts/bin/Rl.Plots/<config>/: a script loader would load any of these beside the kernel's own copy.
        string library = Path.Combine(RepositoryRoot(), "artifacts", "bin", "Rl.Plots", Configuration());
        Assert.True(File.Exists(Path.Combine(library, "Rl.Plots.dll")), $"Rl.Plots.dll missing from {library}");
        Assert.True(File.Exists(Path.Combine(library, "plotly", "Plotly.NET.dll")), $"plotly/ missing from {library}");
        foreach (string file in new[] { "Microsoft.DotNet.Interactive.Formatting.dll", "FSharp.Core.dll", "Plotly.NET.dll" })
            Assert.False(File.Exists(Path.Combine(library, file)), $"{file} must not sit beside Rl.Plots.dll");
    }

    internal static string Configuration() =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}release{Path.DirectorySeparatorChar}") ? "release" : "debug";

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Teaching.sln"))) return dir.FullName;
        throw new InvalidOperationException("Teaching.sln not found above " + AppContext.BaseDirectory);
    }
}
