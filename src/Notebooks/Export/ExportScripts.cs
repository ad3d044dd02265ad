namespace Rl.Notebooks.Export;

/// <summary>
/// The JavaScript the exports include inline, so they work with no network: MathJax 3
/// (<c>es5/tex-svg-full.js</c>, one self-contained file) and plotly.js 2.28.0, both installed from npm
/// by <c>npm ci</c> in the kit's notebooks/ folder (see notebooks/package.json).
/// </summary>
public sealed class ExportScripts
{
    private const string MathJaxFile = "mathjax/es5/tex-svg-full.js";
    private const string PlotlyFile = "plotly.js-dist-min/plotly.min.js";

    private ExportScripts(string mathJax, string plotly)
    {
        MathJax = mathJax;
        Plotly = plotly;
    }

    /// <summary>MathJax's tex-svg-full bundle.</summary>
    public string MathJax { get; }

    /// <summary>plotly.js, minified.</summary>
    public string Plotly { get; }

    /// <summary>
    /// Reads the scripts from the first <c>node_modules</c> (or <c>notebooks/node_modules</c>) that holds
    /// both, looking in each of <paramref name="startFolders"/> and the folders above it.
    /// </summary>
    /// <exception cref="FileNotFoundException">Neither folder tree has them; the message says what to run.</exception>
    public static ExportScripts Find(params string[] startFolders)
    {
        foreach (string start in startFolders)
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                foreach (string modules in new[] { Path.Combine(folder.FullName, "node_modules"), Path.Combine(folder.FullName, "notebooks", "node_modules") })
                {
                    string mathJax = Path.Combine(modules, MathJaxFile), plotly = Path.Combine(modules, PlotlyFile);
                    if (File.Exists(mathJax) && File.Exists(plotly)) return new ExportScripts(File.ReadAllText(mathJax), File.ReadAllText(plotly));
                }
            }
        }
        throw new FileNotFoundException(
            $"MathJax and plotly.js were not found (looked for node_modules/{MathJaxFile} and node_modules/{PlotlyFile} in and above {string.Join(" and ", startFolders)}). " +
            "Install them once with: cd notebooks && npm ci");
    }
}
