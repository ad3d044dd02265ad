using Rl.Notebooks.Format;

namespace Rl.Notebooks.Execution;

/// <summary>
/// A cell that cannot run or did not finish: thrown inside the runner and turned into the cell's
/// <see cref="ErrorOutput"/>, whose text always starts with the cell and, where known, the line.
/// </summary>
internal sealed class CellFailure(ErrorOutput error) : Exception(error.Value)
{
    public ErrorOutput Error { get; } = error;

    /// <summary>A failure whose error reads "cell N (id 'x'), line L: message", followed by <paramref name="details"/>.</summary>
    public static CellFailure At(NotebookCell cell, int? line, string name, string message, IEnumerable<string>? details = null)
    {
        string where = line is int l ? $"{cell.Describe()}, line {l}" : cell.Describe();
        string value = $"{where}: {message}";
        return new CellFailure(new ErrorOutput(name, value, [value, .. details ?? []]));
    }
}
