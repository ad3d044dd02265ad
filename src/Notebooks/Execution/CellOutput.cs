namespace Rl.Notebooks.Execution;

/// <summary>
/// One output of a code cell, as Jupyter's output types: <see cref="StreamOutput"/> (stdout/stderr),
/// <see cref="DisplayOutput"/> (<c>display(x)</c>), <see cref="ResultOutput"/> (the trailing
/// expression's value) and <see cref="ErrorOutput"/> (a compile error, exception or time-out).
/// </summary>
public abstract record CellOutput;

/// <summary>Text the cell wrote to the console; <paramref name="Name"/> is "stdout" or "stderr".</summary>
public sealed record StreamOutput(string Name, string Text) : CellOutput;

/// <summary>A value shown with <c>display(x)</c> (nbformat <c>display_data</c>).</summary>
/// <param name="Data">The value by MIME type: always "text/plain", plus "text/html" where a formatter is registered.</param>
public sealed record DisplayOutput(IReadOnlyDictionary<string, string> Data) : CellOutput;

/// <summary>The value of the cell's trailing expression (nbformat <c>execute_result</c>).</summary>
/// <param name="Data">The value by MIME type, as for <see cref="DisplayOutput"/>.</param>
public sealed record ResultOutput(IReadOnlyDictionary<string, string> Data) : CellOutput;

/// <summary>Why the cell failed (nbformat <c>error</c>).</summary>
/// <param name="Name">What failed: the exception's type name, "CompilationError", "UnsupportedMagic", "MissingReference" or "CellTimeout".</param>
/// <param name="Value">One line naming the cell and line, then the message: "cell 5 (id 'x'), line 3: ...".</param>
/// <param name="Traceback">The lines a reader needs: the message, then the compiler's diagnostics or the stack trace.</param>
public sealed record ErrorOutput(string Name, string Value, IReadOnlyList<string> Traceback) : CellOutput;
