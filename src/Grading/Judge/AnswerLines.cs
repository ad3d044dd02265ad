using System.Collections.Concurrent;
using System.Text;

namespace Rl.Grading.Judge;

/// <summary>
/// The answers in a worker's standard output, read in bounded memory whatever the worker prints:
/// <code>
///   a line that does not begin with the answer prefix ({"Key":"&lt;key&gt;",)  dropped as its bytes arrive, never buffered
///   a line longer than MaxLineBytes                                        dropped once it passes the limit
///   any other line                                                         queued, at most Capacity at a time
/// </code>
/// The key is compared byte by byte before anything is kept or decoded, so a flood of printed or
/// forged lines costs the judge reading time only. When the queue is full the reader stops reading:
/// the pipe fills and the worker blocks (backpressure), so even lines that carry the key cannot pile
/// up. Memory: one line buffer plus <see cref="Capacity"/> lines, each at most
/// <see cref="MaxLineBytes"/>.
/// </summary>
internal sealed class AnswerLines : IDisposable
{
    /// <summary>Longest answer line: the largest answer the graded tests ask for (three sets of parameters of a 64x64 actor-critic) is about 0.8 MB.</summary>
    public const int MaxLineBytes = 4 << 20;

    /// <summary>Answers queued before the reader waits for the judge to take one.</summary>
    public const int Capacity = 2;

    private readonly Stream _stream;
    private readonly byte[] _prefix;
    private readonly int _maxLineBytes;
    private readonly BlockingCollection<string?> _queue = new(Capacity);
    private readonly CancellationTokenSource _stop = new();

    /// <summary>Reads <paramref name="stream"/> for lines beginning with <paramref name="prefix"/>; call <see cref="Run"/> on a thread of its own.</summary>
    public AnswerLines(Stream stream, string prefix, int maxLineBytes = MaxLineBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, prefix.Length, nameof(maxLineBytes));
        _stream = stream;
        _prefix = Encoding.UTF8.GetBytes(prefix);
        _maxLineBytes = maxLineBytes;
    }

    /// <summary>Bytes read and dropped so far (lines without the prefix, or too long).</summary>
    public long DroppedBytes => Interlocked.Read(ref _dropped);
    private long _dropped;

    /// <summary>
    /// The next answer line within <paramref name="timeout"/>: true with the line, true with null at
    /// the end of the output, false when none came in time.
    /// </summary>
    public bool TryTake(out string? line, TimeSpan timeout)
    {
        try { return _queue.TryTake(out line, (int)Math.Min(int.MaxValue, Math.Ceiling(timeout.TotalMilliseconds)), _stop.Token); }
        catch (OperationCanceledException) { line = null; return true; }
    }

    /// <summary>Reads until the end of the stream or <see cref="Dispose"/>, then queues null.</summary>
    public void Run()
    {
        var buffer = new byte[1 << 16];
        var line = new MemoryStream();
        int matched = 0;        // bytes of the prefix matched at the start of this line
        bool skipping = false;  // this line is dropped up to its newline
        try
        {
            int read;
            while ((read = _stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                var chunk = buffer.AsSpan(0, read);
                while (chunk.Length > 0)
                {
                    int newline = chunk.IndexOf((byte)'\n');
                    var part = newline < 0 ? chunk : chunk[..newline];
                    if (!skipping && matched < _prefix.Length)
                    {
                        int n = Math.Min(part.Length, _prefix.Length - matched);
                        if (part[..n].SequenceEqual(_prefix.AsSpan(matched, n))) matched += n;
                        else skipping = true;
                    }
                    if (skipping) Interlocked.Add(ref _dropped, part.Length);
                    else if (line.Length + part.Length > _maxLineBytes)
                    {
                        Interlocked.Add(ref _dropped, line.Length + part.Length);
                        line.SetLength(0);
                        skipping = true;
                    }
                    else line.Write(part);
                    if (newline < 0) break;
                    if (!skipping && matched == _prefix.Length)
                        _queue.Add(Encoding.UTF8.GetString(line.GetBuffer(), 0, (int)line.Length), _stop.Token);
                    else Interlocked.Add(ref _dropped, skipping ? 1 : line.Length + 1);
                    line.SetLength(0);
                    matched = 0;
                    skipping = false;
                    chunk = chunk[(newline + 1)..];
                }
            }
            _queue.Add(null, _stop.Token);
        }
        catch (OperationCanceledException) { }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            try { _queue.Add(null, _stop.Token); }
            catch (OperationCanceledException) { }
        }
    }

    /// <summary>Stops the reader (a reader waiting for room returns at once) and drops what is queued.</summary>
    public void Dispose() => _stop.Cancel();
}
