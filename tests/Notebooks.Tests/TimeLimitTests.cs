using System.Diagnostics;

namespace Notebooks.Tests;

/// <summary>A cell over the per-cell time limit fails the notebook instead of hanging it.</summary>
public class TimeLimitTests
{
    [Fact]
    public void ACellOverTheLimit_FailsTheNotebook_NamingTheCellAndTheLimit()
    {
        // Sleeps rather than spins: the abandoned cell keeps its thread until the test process ends.
        using var notebook = new TestNotebook("int started = 1;", "System.Threading.Thread.Sleep(30_000);", "started");
        var clock = Stopwatch.StartNew();
        var result = notebook.Run(TimeSpan.FromSeconds(1));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        Assert.Equal(2, result.Cells.Count);
        Assert.Equal("CellTimeout", result.Error!.Name);
        Assert.Equal("cell 2 (id 'cell-2'): did not finish within the per-cell time limit of 1 s (the runner's --timeout option sets it).", result.Error.Value);
    }

    [Fact]
    public void ACellWithinTheLimit_Runs()
    {
        using var notebook = new TestNotebook("System.Threading.Thread.Sleep(100);\n1");
        Assert.True(notebook.Run(TimeSpan.FromSeconds(10)).Succeeded);
    }
}
