using System.IO.Pipes;
using System.Text;
using Rl.Grading.Judge;

namespace Rl.Grading.Tests.Judge;

/// <summary>The judge's reader of the worker's standard output: only keyed lines, each bounded, with backpressure.</summary>
public sealed class AnswerLinesTests
{
    private const string Prefix = "{\"Key\":\"K1\",";

    private static List<string?> ReadAll(string text, int maxLineBytes = 64)
    {
        var reader = new AnswerLines(new MemoryStream(Encoding.UTF8.GetBytes(text)), Prefix, maxLineBytes);
        new Thread(reader.Run) { IsBackground = true }.Start();
        var lines = new List<string?>();
        while (reader.TryTake(out string? line, TimeSpan.FromSeconds(30)))
        {
            lines.Add(line);
            if (line is null) break;
        }
        return lines;
    }

    [Fact]
    public void OnlyLinesWithTheKey_AreKept_ForgedAndPrintedOnesDropped()
    {
        var lines = ReadAll("hello\n{\"Key\":\"K2\",\"Id\":1}\n{\"Key\":\"K1\",\"Id\":1}\n{\"Key\":\"K\n" + "{\"Key\":\"K1\",\"Id\":2}");
        // The last line has no newline: the output ended inside it, so it is not an answer.
        Assert.Equal(["{\"Key\":\"K1\",\"Id\":1}", null], lines);
    }

    [Fact]
    public void ALineOverTheLimit_IsDropped_AndTheNextOneStillRead()
    {
        string tooLong = Prefix + new string('x', 64 - Prefix.Length + 1);
        string fits = Prefix + new string('y', 64 - Prefix.Length);
        var lines = ReadAll(tooLong + "\n" + fits + "\n");
        Assert.Equal([fits, null], lines);
    }

    [Fact]
    public void AFlood_IsReadInBoundedMemory_AndKeyedLinesWaitForTheJudge()
    {
        var server = new AnonymousPipeServerStream(PipeDirection.In);
        var client = new AnonymousPipeClientStream(PipeDirection.Out, server.ClientSafePipeHandle);
        var reader = new AnswerLines(server, Prefix, maxLineBytes: 1 << 20);
        new Thread(reader.Run) { IsBackground = true }.Start();
        var line = new byte[1 << 20];
        Array.Fill(line, (byte)'x');
        long before = GC.GetTotalMemory(forceFullCollection: true);
        for (int i = 0; i < 256; i++) client.Write(line); // 256 MiB without a newline and without the key
        client.Write("\n"u8);
        byte[] answer = Encoding.UTF8.GetBytes(Prefix + "\"Id\":1}\n");
        client.Write(answer);
        Assert.True(reader.TryTake(out string? first, TimeSpan.FromSeconds(30)));
        Assert.Equal(Prefix + "\"Id\":1}", first);
        Assert.Equal((256L << 20) + 1, reader.DroppedBytes);
        Assert.InRange(GC.GetTotalMemory(forceFullCollection: true) - before, long.MinValue, 16 << 20);

        // Keyed lines: the reader queues AnswerLines.Capacity, then stops reading, the pipe fills, and the writer blocks.
        var writer = new Thread(() =>
        {
            try { for (int i = 0; i < 100_000; i++) client.Write(answer); }
            catch (IOException) { }
        }) { IsBackground = true };
        writer.Start();
        Assert.False(writer.Join(TimeSpan.FromSeconds(2)), "the writer finished: nothing held it back");
        Assert.True(reader.TryTake(out string? second, TimeSpan.FromSeconds(5)));
        Assert.Equal(Prefix + "\"Id\":1}", second);

        // The read end first: the blocked writer then fails and lets go of the write end.
        reader.Dispose();
        server.Dispose();
        Assert.True(writer.Join(TimeSpan.FromSeconds(30)), "the writer is still blocked after the reader closed");
        client.Dispose();
    }
}
