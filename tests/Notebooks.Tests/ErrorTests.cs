using Rl.Notebooks.Execution;

namespace Notebooks.Tests;

/// <summary>A failing cell becomes an error output naming the cell and line, and the run stops there.</summary>
public class ErrorTests
{
    [Fact]
    public void CompileError_NamesCellLineAndCompilerMessage_AndStopsTheRun()
    {
        using var notebook = new TestNotebook("# Title", "int ok = 1;", "int a = 1;\nint b = \"two\";", "ok");
        var result = notebook.Run();
        Assert.False(result.Succeeded);
        Assert.Equal(2, result.Cells.Count); // the last cell never ran
        var error = result.Error!;
        Assert.Equal("CompilationError", error.Name);
        Assert.StartsWith("cell 3 (id 'cell-3'), line 2: error CS0029: Cannot implicitly convert type 'string' to 'int'", error.Value);
        Assert.Contains("line 2, column 9: error CS0029", error.Traceback[1]);
    }

    [Fact]
    public void RuntimeException_NamesCellLineAndException_WithTheStackTrace()
    {
        using var notebook = new TestNotebook(
            "static double Mean(double[] xs) =>\n    xs.Length > 0 ? xs.Average() : throw new ArgumentException(\"empty sample\");",
            "var data = new double[0];\n\nvar mean = Mean(data);",
            "mean");
        var result = notebook.Run();
        Assert.Equal(2, result.Cells.Count);
        var error = result.Error!;
        Assert.Equal("ArgumentException", error.Name);
        Assert.Equal("cell 2 (id 'cell-2'), line 3: ArgumentException: empty sample", error.Value);
        Assert.Contains(error.Traceback, line => line.Contains("in cell 1 (id 'cell-1'):line 2", StringComparison.Ordinal));
        Assert.DoesNotContain(error.Traceback, line => line.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal));
    }

    [Fact]
    public void AFailedClaim_FailsTheNotebook_WithItsMessage()
    {
        using var notebook = new TestNotebook("double maxGap = 0.5;\nif (!(maxGap < 1e-12)) throw new Exception($\"definition and recursion differ by {maxGap}\");");
        var error = notebook.Run().Error!;
        Assert.Equal("cell 1 (id 'cell-1'), line 2: Exception: definition and recursion differ by 0.5", error.Value);
    }

    [Fact]
    public void OutputBeforeTheError_IsKept()
    {
        using var notebook = new TestNotebook("Console.WriteLine(\"progress\");\nthrow new InvalidOperationException(\"late\");");
        var outputs = notebook.Run().Cells[0].Outputs;
        Assert.Equal(new StreamOutput("stdout", "progress\n"), outputs[0]);
        Assert.IsType<ErrorOutput>(outputs[1]);
    }
}
