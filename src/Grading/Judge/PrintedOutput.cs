using System.Text;

namespace Rl.Grading.Judge;

/// <summary>
/// What the student's code prints to the worker's standard error, kept test by test in bounded
/// memory: the first <see cref="MaxBytes"/> bytes since the last <see cref="Take"/>, and a count of
/// the rest, which is read and dropped (never waited on, so printing never stalls a call).
/// </summary>
internal sealed class PrintedOutput
{
    /// <summary>Bytes kept per test.</summary>
    public const int MaxBytes = 1024;

    private readonly Stream _stream;
    private readonly byte[] _kept = new byte[MaxBytes];
    private int _length;
    private long _dropped;

    /// <summary>Reads <paramref name="stream"/>; call <see cref="Run"/> on a thread of its own.</summary>
    public PrintedOutput(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
    }

    /// <summary>Reads until the end of the stream.</summary>
    public void Run()
    {
        var buffer = new byte[1 << 16];
        try
        {
            int read;
            while ((read = _stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                lock (_kept)
                {
                    int n = Math.Min(read, MaxBytes - _length);
                    buffer.AsSpan(0, n).CopyTo(_kept.AsSpan(_length));
                    _length += n;
                    _dropped += read - n;
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException) { }
    }

    /// <summary>
    /// What was printed since the last call, as text (control characters other than newline and tab
    /// shown as '?'), with the number of bytes left out; empty if nothing was printed.
    /// </summary>
    public string Take()
    {
        string text;
        long dropped;
        lock (_kept)
        {
            text = Encoding.UTF8.GetString(_kept, 0, _length);
            dropped = _dropped;
            _length = 0;
            _dropped = 0;
        }
        var shown = new StringBuilder(text.Length + 64);
        foreach (char c in text) shown.Append(char.IsControl(c) && c is not ('\n' or '\t') ? '?' : c);
        if (dropped > 0) shown.Append($"\n... ({dropped} more bytes not shown)");
        return shown.ToString();
    }
}
