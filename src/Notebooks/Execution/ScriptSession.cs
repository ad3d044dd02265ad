using System.Diagnostics;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Rl.Notebooks.Format;

namespace Rl.Notebooks.Execution;

/// <summary>
/// One notebook's Roslyn submission chain: each cell is compiled as the next submission
/// (<c>CSharpScript.Create</c>, then <c>ContinueWith</c>) and run from the previous state, so variables,
/// types and usings carry from cell to cell as in the C# kernel.
/// </summary>
internal sealed class ScriptSession(TimeSpan cellTimeout)
{
    /// <summary>The C# kernel's default usings.</summary>
    private static readonly string[] DefaultUsings =
        ["System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq"];

    private readonly NotebookGlobals _globals = new();
    private readonly HashSet<string> _referenced = new(StringComparer.Ordinal);
    private ScriptOptions _options = ScriptOptions.Default
        .WithReferences(FrameworkReferences.Get())
        .WithImports(DefaultUsings)
        .WithOptimizationLevel(OptimizationLevel.Release)
        .WithEmitDebugInformation(true) // line numbers in stack traces
        .WithFileEncoding(Encoding.UTF8);
    private ScriptState<object>? _state;

    /// <summary>Compiles and runs <paramref name="cell"/>; its outputs end with an error if it failed.</summary>
    public IReadOnlyList<CellOutput> Run(NotebookCell cell, string notebookFolder)
    {
        var outputs = new OutputRecorder();
        try
        {
            var prepared = CellDirectives.Prepare(cell, notebookFolder);
            AddReferences(prepared.References);
            // The file name Roslyn writes into diagnostics and stack frames: "cell 5 (id 'x')".
            var script = _state is null
                ? CSharpScript.Create(prepared.Code, _options.WithFilePath(cell.Describe()), typeof(NotebookGlobals))
                : _state.Script.ContinueWith(prepared.Code, _options.WithFilePath(cell.Describe()));
            ThrowOnCompileErrors(cell, script);
            var state = Execute(cell, script, outputs);
            if (state.Exception is Exception exception) throw RuntimeFailure(cell, exception);
            _state = state;
            if (state.ReturnValue is not null) outputs.Add(new ResultOutput(MimeBundle.Of(state.ReturnValue)));
        }
        catch (CellFailure failure)
        {
            outputs.Add(failure.Error);
        }
        return outputs.Outputs();
    }

    private void AddReferences(IEnumerable<string> paths)
    {
        foreach (string path in paths.Where(_referenced.Add))
        {
            ReferenceDirectories.Add(path);
            _options = _options.AddReferences(MetadataReference.CreateFromFile(path));
        }
    }

    private static void ThrowOnCompileErrors(NotebookCell cell, Script<object> script)
    {
        var errors = script.Compile().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count == 0) return;
        string Line(Diagnostic d) => $"line {d.Location.GetLineSpan().StartLinePosition.Line + 1}, column {d.Location.GetLineSpan().StartLinePosition.Character + 1}: error {d.Id}: {d.GetMessage()}";
        var first = errors[0];
        throw CellFailure.At(cell, first.Location.GetLineSpan().StartLinePosition.Line + 1, "CompilationError",
            $"error {first.Id}: {first.GetMessage()}", errors.Select(Line));
    }

    /// <summary>
    /// Runs the submission on its own thread with the console captured, waiting at most the cell
    /// time limit. A cell over the limit is abandoned: .NET cannot abort a thread, so it runs on in
    /// the background until the process ends, and the notebook fails.
    /// </summary>
    private ScriptState<object> Execute(NotebookCell cell, Script<object> script, OutputRecorder outputs)
    {
        var previous = _state;
        var (stdout, stderr) = (Console.Out, Console.Error);
        _globals.Outputs = outputs;
        Console.SetOut(outputs.Stdout);
        Console.SetError(outputs.Stderr);
        try
        {
            var run = Task.Factory.StartNew(
                () => previous is null ? script.RunAsync(_globals, catchException: _ => true) : script.RunFromAsync(previous, catchException: _ => true),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
            if (!run.Wait(cellTimeout))
                throw CellFailure.At(cell, null, "CellTimeout",
                    $"did not finish within the per-cell time limit of {cellTimeout.TotalSeconds:0.###} s (the runner's --timeout option sets it).");
            return run.Result;
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }

    /// <summary>The exception as an error output, with the line of this cell nearest to where it was thrown.</summary>
    private static CellFailure RuntimeFailure(NotebookCell cell, Exception exception)
    {
        int? line = new StackTrace(exception, fNeedFileInfo: true).GetFrames()
            .Where(frame => frame.GetFileName() == cell.Describe() && frame.GetFileLineNumber() > 0)
            .Select(frame => (int?)frame.GetFileLineNumber())
            .FirstOrDefault();
        // The stack below the cell is Roslyn's script machinery: not the reader's concern.
        var trace = exception.ToString().Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .TakeWhile(l => !l.Contains("Microsoft.CodeAnalysis.Scripting.", StringComparison.Ordinal))
            .Where(l => l.Trim() != "--- End of stack trace from previous location ---");
        return CellFailure.At(cell, line, exception.GetType().Name, $"{exception.GetType().Name}: {exception.Message}", trace);
    }
}
