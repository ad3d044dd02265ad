namespace Rl.Notebooks.Export;

/// <summary>
/// The JavaScript the exports include inline, so they work with no network: plotly.js (the copy that
/// ships inside Plotly.NET, which the host passes in: Rl.Plots's <c>PlotlyJs.Source</c>) and, when it is
/// installed, MathJax 3 (<c>es5/tex-svg-full.js</c>, one self-contained file) from npm: <c>npm ci</c> in
/// the kit's notebooks/ folder (see notebooks/package.json). MathJax is optional: without it the pages
/// show the formulas as their TeX source and say how to install it (<see cref="HtmlPage"/>).
/// </summary>
/// <param name="Plotly">plotly.js, minified.</param>
/// <param name="MathJax">MathJax's tex-svg-full bundle, or null when it is not installed.</param>
public sealed record ExportScripts(string Plotly, string? MathJax)
{
    /// <summary>Where MathJax lies under a node_modules folder.</summary>
    public const string MathJaxFile = "mathjax/es5/tex-svg-full.js";

    /// <summary>What to run to install MathJax, for messages.</summary>
    public const string InstallCommand = "npm ci (in the kit's notebooks/ folder, with Node.js installed)";

    /// <summary>
    /// <paramref name="plotly"/> and MathJax from the first <c>node_modules</c> (or <c>notebooks/node_modules</c>)
    /// that holds it, looking in each of <paramref name="startFolders"/> and the folders above it; MathJax is
    /// null when none does.
    /// </summary>
    public static ExportScripts Find(string plotly, params string[] startFolders)
    {
        ArgumentException.ThrowIfNullOrEmpty(plotly);
        return new ExportScripts(plotly, FindMathJax(startFolders) is { } path ? File.ReadAllText(path) : null);
    }

    /// <summary>The path of MathJax's bundle in or above <paramref name="startFolders"/>, or null.</summary>
    public static string? FindMathJax(params string[] startFolders)
    {
        foreach (string start in startFolders)
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
                foreach (string modules in new[] { Path.Combine(folder.FullName, "node_modules"), Path.Combine(folder.FullName, "notebooks", "node_modules") })
                    if (File.Exists(Path.Combine(modules, MathJaxFile))) return Path.Combine(modules, MathJaxFile);
        return null;
    }
}
