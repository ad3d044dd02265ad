using Rl.Notebooks.Format;

namespace Rl.Notebooks.Execution;

/// <summary>What running one code cell produced.</summary>
/// <param name="Cell">The cell.</param>
/// <param name="ExecutionCount">Its execution count: 1 for the first code cell run, 2 for the next, ...</param>
/// <param name="Outputs">Its outputs in the order they happened.</param>
/// <param name="Elapsed">Wall-clock time of compiling and running it.</param>
public sealed record CellResult(NotebookCell Cell, int ExecutionCount, IReadOnlyList<CellOutput> Outputs, TimeSpan Elapsed)
{
    /// <summary>The cell's error, or null if it succeeded.</summary>
    public ErrorOutput? Error => Outputs.OfType<ErrorOutput>().FirstOrDefault();
}
