using System.Text.RegularExpressions;
using TestSupport;
using Xunit.Abstractions;

namespace Kernel.Tests;

/// <summary>
/// Every notebook of the kit (notebooks/*.ipynb) run in the official kernel, the way VS Code runs it: no cell
/// fails, nothing is written as an error, no cell compiles with a warning, and it draws the number of charts
/// notebooks/README.md promises for it.
/// </summary>
public partial class NotebookInKernelTests(ITestOutputHelper output)
{
    public static TheoryData<string> Notebooks() => new(Repository.Notebooks);

    [SkippableTheory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_runs_in_the_official_kernel_without_error_output_and_draws_its_charts(string name)
    {
        OuterLoop.Required("the notebooks' claims, checked by Notebooks.Tests in the kit's runner, again in the official kernel: about 130 s of CPU; CellRunTests and ChartIsolationInKernelTests start this kernel in every run");
        foreach (string dll in (string[])["artifacts/bin/Rl/debug/Rl.dll", "artifacts/bin/Rl.Plots/debug/Rl.Plots.dll"])
            Assert.True(File.Exists(Path.Combine(Repository.Root, dll)), $"{dll} is missing: the notebooks #r the Debug build (dotnet build)");
        var expected = ExpectedCharts();
        Assert.True(expected.ContainsKey(name), $"notebooks/README.md's table gives no chart count for {name}");

        var run = await KernelRuns.Notebook(name);

        for (int i = 0; i < run.Cells.Count; i++)
        {
            var cell = run.Cells[i];
            int drawn = cell.Charts.Count();
            output.WriteLine($"cell {i + 1,2} {cell.Elapsed.TotalSeconds,6:F2} s  {(drawn > 0 ? $"{drawn} chart(s)" : ""),-10}  {FirstLine(cell.Code)}");
            foreach (string warning in cell.Warnings) output.WriteLine($"         {warning}");
        }
        output.WriteLine($"{name}: {run.Cells.Count} cells, {run.Charts.Count()} charts, {run.Elapsed.TotalSeconds:F1} s wall, kernel CPU {run.KernelCpu.TotalSeconds:F1} s");

        var errors = run.Cells.SelectMany((cell, i) => cell.Errors.Select(e => $"cell {i + 1} ({FirstLine(cell.Code)}): {e}")).ToList();
        Assert.True(errors.Count == 0, string.Join('\n', errors));
        Assert.True(run.Cells.All(c => c.Succeeded), "a cell failed");
        // VS Code shows a compiler warning under the cell's code: a projected lecture should show none.
        var warnings = run.Cells.SelectMany((cell, i) => cell.Warnings.Select(w => $"cell {i + 1} ({FirstLine(cell.Code)}): {w}")).ToList();
        Assert.True(warnings.Count == 0, string.Join('\n', warnings));
        Assert.True(run.KernelStandardError.Length == 0, $"the kernel wrote to stderr:\n{run.KernelStandardError}");

        var charts = run.Charts.ToList();
        Assert.Equal(expected[name], charts.Count);
        // The session's first chart carries plotly.js inline, later ones only their div and script.
        Assert.Equal(charts.Select((_, i) => i == 0 ? 1 : 0), charts.Select(c => PlotlyJsBanner().Count(c)));
    }

    [Fact]
    public void The_readme_gives_a_chart_count_for_every_notebook_and_no_other() =>
        Assert.Equal(Repository.Notebooks, ExpectedCharts().Keys.Order(StringComparer.Ordinal));

    /// <summary>notebooks/README.md's first table: | [name](name.ipynb) | lecture items | charts |.</summary>
    private static Dictionary<string, int> ExpectedCharts() =>
        ChartRow().Matches(File.ReadAllText(Path.Combine(Repository.NotebooksFolder, "README.md")))
            .ToDictionary(m => m.Groups["name"].Value, m => int.Parse(m.Groups["charts"].Value));

    private static string FirstLine(string code) => code.Split('\n')[0].Trim() is var line && line.Length > 60 ? line[..60] + "..." : line;

    [GeneratedRegex(@"^\| \[[^\]]+\]\((?<name>[\w.-]+\.ipynb)\) \|[^|\n]*\| (?<charts>\d+) \|\s*$", RegexOptions.Multiline)]
    private static partial Regex ChartRow();

    /// <summary>plotly.js's first line ("plotly.js v2.35.2"): once wherever plotly.js is inlined.</summary>
    [GeneratedRegex(@"plotly\.js v\d+\.\d+\.\d+")]
    private static partial Regex PlotlyJsBanner();
}
