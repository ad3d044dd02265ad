using System.Text;
using Rl.Grading.Judge;

namespace Rl.Grading.Tests.Judge;

/// <summary>What the worker prints to standard error: kept bounded, per test, readable.</summary>
public sealed class PrintedOutputTests
{
    [Fact]
    public void AFlood_KeepsTheFirstBytes_CountsTheRest_AndShowsControlCharactersAsQuestionMarks()
    {
        var text = "a\u001b[31mb\n" + new string('x', 5000);
        var printed = new PrintedOutput(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        printed.Run();
        string taken = printed.Take();
        Assert.StartsWith("a?[31mb\nxxx", taken);
        Assert.EndsWith($"... ({Encoding.UTF8.GetByteCount(text) - PrintedOutput.MaxBytes} more bytes not shown)", taken);
        Assert.Equal("", printed.Take());
    }
}
