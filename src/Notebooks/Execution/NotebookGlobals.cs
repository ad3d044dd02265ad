namespace Rl.Notebooks.Execution;

/// <summary>
/// What every cell can call besides its own code: the C# kernel's <c>display</c>. An instance lives
/// as long as one notebook run; the runner points it at the running cell's outputs.
/// </summary>
public sealed class NotebookGlobals
{
    internal OutputRecorder? Outputs { get; set; }

    /// <summary>
    /// Shows <paramref name="value"/> below the cell (a <c>display_data</c> output): as HTML where its
    /// type has a registered HTML formatter (charts), otherwise as plain text. Lower-case, as in the
    /// C# kernel, so a cell reads the same in VS Code and in the runner.
    /// </summary>
    public void display(object? value) =>
        (Outputs ?? throw new InvalidOperationException("display(x) is only available while a cell runs.")).Add(new DisplayOutput(MimeBundle.Of(value)));
}
