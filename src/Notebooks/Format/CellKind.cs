namespace Rl.Notebooks.Format;

/// <summary>The nbformat cell types: prose, C# to execute, or raw text passed through untouched.</summary>
public enum CellKind
{
    /// <summary>Markdown with LaTeX math (<c>"cell_type": "markdown"</c>).</summary>
    Markdown,

    /// <summary>A C# code cell (<c>"cell_type": "code"</c>).</summary>
    Code,

    /// <summary>A raw cell (<c>"cell_type": "raw"</c>): neither rendered nor executed.</summary>
    Raw,
}
