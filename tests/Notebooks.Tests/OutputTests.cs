using Rl.Notebooks.Execution;

namespace Notebooks.Tests;

/// <summary>What a cell shows becomes Jupyter outputs, in the order it happened.</summary>
public class OutputTests
{
    [Fact]
    public void TrailingExpression_IsAnExecuteResult_AndAStatementIsNot()
    {
        using var notebook = new TestNotebook("new[] { 1, 2, 3 }", "int unused = 0;", "Console.WriteLine(\"void call\")");
        var result = notebook.Run();
        Assert.Equal("[ 1, 2, 3 ]", Assert.IsType<ResultOutput>(Assert.Single(result.Cells[0].Outputs)).Data["text/plain"]);
        Assert.Empty(result.Cells[1].Outputs);
        Assert.IsType<StreamOutput>(Assert.Single(result.Cells[2].Outputs));
    }

    [Fact]
    public void ConsoleOutputAndDisplay_AreRecordedInOrder()
    {
        using var notebook = new TestNotebook(
            "Console.WriteLine(\"before\");\nConsole.Write(\"still \");\nConsole.WriteLine(\"before\");\ndisplay(3.5);\nConsole.Error.WriteLine(\"warning\");\nConsole.WriteLine(\"after\");\n\"result\"");
        var outputs = notebook.Run().Cells[0].Outputs;
        Assert.Equal(5, outputs.Count);
        Assert.Equal(new StreamOutput("stdout", "before\nstill before\n"), outputs[0]);
        Assert.Equal("3.5", Assert.IsType<DisplayOutput>(outputs[1]).Data["text/plain"]);
        Assert.Equal(new StreamOutput("stderr", "warning\n"), outputs[2]);
        Assert.Equal(new StreamOutput("stdout", "after\n"), outputs[3]);
        Assert.Equal("result", Assert.IsType<ResultOutput>(outputs[4]).Data["text/plain"]);
    }

    [Fact]
    public void ConsoleOutput_FromWorkerThreads_IsCaptured_AndTheConsoleIsRestored()
    {
        var console = Console.Out;
        using var notebook = new TestNotebook("Parallel.For(0, 4, i => Console.WriteLine(\"line\"));");
        var outputs = notebook.Run().Cells[0].Outputs;
        Assert.Equal(new StreamOutput("stdout", string.Concat(Enumerable.Repeat("line\n", 4))), Assert.Single(outputs));
        Assert.Same(console, Console.Out);
    }

    [Fact]
    public void A_RegisteredHtmlFormatter_FromAReferencedLibrary_GivesTextHtml_AndToStringAsPlainText()
    {
        using var notebook = new TestNotebook(
            $"#r \"{CompiledLibrary.FakePlotsDll}\"\nusing FakePlots;",
            "display(new FakeChart(\"a\"));\nnew FakeChart(\"b\")");
        var result = notebook.Run();
        Assert.True(result.Succeeded, result.Error?.Value);
        var shown = Assert.IsType<DisplayOutput>(result.Cells[1].Outputs[0]).Data;
        var value = Assert.IsType<ResultOutput>(result.Cells[1].Outputs[1]).Data;
        Assert.StartsWith("<div id=\"a\"></div><script>Plotly.newPlot('a'", shown["text/html"]);
        Assert.Equal("chart b", value["text/plain"]);
        Assert.Contains("Plotly.newPlot('b'", value["text/html"]);
    }

    [Fact]
    public void PlainValues_GetNoHtml()
    {
        using var notebook = new TestNotebook("display(new { A = 1 });\n42");
        var outputs = notebook.Run().Cells[0].Outputs;
        Assert.All(outputs, output => Assert.Equal(["text/plain"], (output switch { DisplayOutput d => d.Data, ResultOutput r => r.Data, _ => null })!.Keys));
    }
}
