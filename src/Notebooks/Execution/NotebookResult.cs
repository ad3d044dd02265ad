using Rl.Notebooks.Format;

namespace Rl.Notebooks.Execution;

/// <summary>
/// A notebook after a run: the results of the code cells that ran, in order. A failed run stops at
/// the failing cell, so the cells after it have no result.
/// </summary>
public sealed record NotebookResult(Notebook Notebook, IReadOnlyList<CellResult> Cells, TimeSpan Elapsed)
{
    /// <summary>The first (and only) error, or null if every code cell ran.</summary>
    public ErrorOutput? Error => Cells.Select(cell => cell.Error).FirstOrDefault(error => error is not null);

    /// <summary>True when every code cell ran without error.</summary>
    public bool Succeeded => Error is null;

    /// <summary>The result of <paramref name="cell"/>, or null if it did not run.</summary>
    public CellResult? For(NotebookCell cell) => Cells.FirstOrDefault(result => result.Cell == cell);
}
