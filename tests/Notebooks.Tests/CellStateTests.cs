using Rl.Notebooks.Execution;

namespace Notebooks.Tests;

/// <summary>Cells form one submission chain, as in the C# kernel: what a cell declares, later cells see.</summary>
public class CellStateTests
{
    [Fact]
    public void VariablesTypesAndUsings_CarryAcrossCells()
    {
        using var notebook = new TestNotebook(
            "using System.Globalization;\nint x = 40;",
            "record Point(int X, int Y);\nstatic int Twice(int v) => 2 * v;",
            "# Prose between the cells does not break the chain",
            "new Point(x, Twice(1)).X + 2.ToString(CultureInfo.InvariantCulture).Length + 1");
        var result = notebook.Run();
        Assert.True(result.Succeeded, result.Error?.Value);
        Assert.Equal("42", Plain(result.Cells[^1]));
    }

    [Fact]
    public void TheKernelsDefaultUsings_AreInScope()
    {
        using var notebook = new TestNotebook(
            "var list = new List<int> { 1, 2, 3 };\nvar builder = new StringBuilder(\"s\");\nIEnumerable items = list;\n" +
            "await Task.Delay(1);\n$\"{list.Sum()} {builder} {items.Cast<int>().Count()} {Math.Max(1, 2)}\"");
        var result = notebook.Run();
        Assert.True(result.Succeeded, result.Error?.Value);
        Assert.Equal("6 s 3 2", Plain(result.Cells[0]));
    }

    [Fact]
    public void TheWorkingDirectory_IsTheNotebooksFolder_AsInVsCode()
    {
        using var notebook = new TestNotebook("System.IO.Directory.GetCurrentDirectory()");
        string before = Environment.CurrentDirectory;
        var result = notebook.Run();
        Assert.Equal(notebook.Folder, Plain(result.Cells[0]));
        Assert.Equal(before, Environment.CurrentDirectory);
    }

    [Fact]
    public void ExecutionCounts_NumberTheCodeCellsThatRan_SkippingEmptyOnes()
    {
        using var notebook = new TestNotebook("# Title", "int a = 1;", "   \n", "a + 1");
        var result = notebook.Run();
        Assert.Equal([(2, 1), (4, 2)], result.Cells.Select(c => (c.Cell.Number, c.ExecutionCount)));
    }

    internal static string Plain(CellResult cell) => cell.Outputs.OfType<ResultOutput>().Single().Data["text/plain"];
}
