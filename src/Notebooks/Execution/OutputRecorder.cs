using System.Text;

namespace Rl.Notebooks.Execution;

/// <summary>
/// Collects one cell's outputs in the order they happen: console text is gathered into
/// <see cref="StreamOutput"/>s, cut wherever a display, a result or the other stream comes between.
/// Thread-safe: a cell may write from worker threads.
/// </summary>
internal sealed class OutputRecorder
{
    private readonly List<CellOutput> _outputs = [];
    private readonly StringBuilder _pending = new();
    private string _pendingStream = "stdout";

    public OutputRecorder()
    {
        Stdout = new ConsoleStream(this, "stdout");
        Stderr = new ConsoleStream(this, "stderr");
    }

    /// <summary>Console.Out while the cell runs.</summary>
    public TextWriter Stdout { get; }

    /// <summary>Console.Error while the cell runs.</summary>
    public TextWriter Stderr { get; }

    public void Add(CellOutput output)
    {
        lock (_outputs)
        {
            FlushPending();
            _outputs.Add(output);
        }
    }

    /// <summary>The outputs so far, console text included.</summary>
    public IReadOnlyList<CellOutput> Outputs()
    {
        lock (_outputs)
        {
            FlushPending();
            return [.. _outputs];
        }
    }

    private void Write(string stream, string text)
    {
        lock (_outputs)
        {
            if (stream != _pendingStream) FlushPending();
            _pendingStream = stream;
            _pending.Append(text);
        }
    }

    private void FlushPending()
    {
        if (_pending.Length == 0) return;
        _outputs.Add(new StreamOutput(_pendingStream, _pending.ToString()));
        _pending.Clear();
    }

    private sealed class ConsoleStream(OutputRecorder recorder, string stream) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => recorder.Write(stream, value.ToString());

        public override void Write(string? value)
        {
            if (!string.IsNullOrEmpty(value)) recorder.Write(stream, value);
        }

        public override void Write(char[] buffer, int index, int count) => recorder.Write(stream, new string(buffer, index, count));
    }
}
