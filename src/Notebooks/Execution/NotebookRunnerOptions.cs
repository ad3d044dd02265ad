namespace Rl.Notebooks.Execution;

/// <summary>How <see cref="NotebookRunner"/> runs notebooks.</summary>
public sealed record NotebookRunnerOptions
{
    /// <summary>
    /// The longest one code cell may run (compiling excluded) before the notebook fails. Default 60 s:
    /// the kit's cells take at most a few seconds (the live PPO cell at most 10 s).
    /// </summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
