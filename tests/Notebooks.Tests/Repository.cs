using Rl.Notebooks.Export;

namespace Notebooks.Tests;

/// <summary>Where the kit's files are, seen from the test assembly in artifacts/bin/Notebooks.Tests/&lt;config&gt;/.</summary>
internal static class Repository
{
    public static readonly string Root = FindRoot();

    /// <summary>"debug" or "release": the configuration these tests were built in.</summary>
    public static readonly string Configuration =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "release" : "debug";

    /// <summary>The built library, as the notebooks #r it.</summary>
    public static string RlDll => Path.Combine(Root, "artifacts", "bin", "Rl", Configuration, "Rl.dll");

    public static string NotebooksFolder => Path.Combine(Root, "notebooks");

    /// <summary>plotly.js from Plotly.NET (Rl.Plots) and MathJax from notebooks/node_modules when `npm ci` installed it (else null).</summary>
    public static ExportScripts Scripts => LazyScripts.Value;

    private static readonly Lazy<ExportScripts> LazyScripts = new(() => ExportScripts.Find(Rl.Plots.PlotlyJs.Source, Root));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Teaching.sln"))) return dir.FullName;
        throw new InvalidOperationException("Teaching.sln not found above " + AppContext.BaseDirectory);
    }
}
