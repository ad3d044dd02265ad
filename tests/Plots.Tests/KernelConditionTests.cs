namespace Plots.Tests;

/// <summary>
/// The kernel's condition, reproduced by tests/KernelHost: a process that has loaded FSharp.Core 10.0
/// (assembly 10.0.0.0) and Microsoft.DotNet.Interactive.Formatting before anything else and runs C# cells as
/// Roslyn scripts, as the .NET Interactive kernel does. Cells that #r the notebooks' Rl.Plots.dll display
/// their charts; the same Plotly.NET code loaded straight into that process fails as it does in the kernel.
/// </summary>
public class KernelConditionTests
{
    private static readonly string Library = Path.Combine(IsolationTests.RepositoryRoot(), "artifacts", "bin", "Rl.Plots", IsolationTests.Configuration());

    [Fact]
    public void Cells_that_reference_Rl_Plots_display_charts_in_a_process_that_already_holds_FSharp_Core_10_0()
    {
        string outDir = Path.Combine(Path.GetTempPath(), $"kernelhost-{Guid.NewGuid():N}");
        try
        {
            var (exitCode, output, error) = KernelHostProcess.Run("cells", Path.Combine(Library, "Rl.Plots.dll"), outDir);

            Assert.True(exitCode == 0, $"exit {exitCode}\n{output}\n{error}");
            Assert.Contains("host: FSharp.Core 10.0.0.0 loaded first", output);
            Assert.Contains("loaded: FSharp.Core 10.0.0.0 in the default context", output);
            Assert.Contains($"loaded: FSharp.Core 10.1.0.0 in context Rl.Plots.Plotly from {Path.Combine(Library, "plotly", "FSharp.Core.dll")}", output);
            Assert.Contains($"loaded: Rl.Plots 1.0.0.0 in context Microsoft.CodeAnalysis.Scripting.Hosting.CoreAssemblyLoaderImpl+LoadContext from {Path.Combine(Library, "Rl.Plots.dll")}", output);
            Assert.Equal(1, Html.Count(output, "loaded: Microsoft.DotNet.Interactive.Formatting")); // the host's own, where the formatter was registered
            Assert.Contains("displayed 5 charts", output);

            string lines = File.ReadAllText(Path.Combine(outDir, "display-0.html"));
            Assert.Equal(1, Html.Count(lines, Html.PlotlyJsBanner)); // the session's first chart brings plotly.js
            Assert.Contains("Plotly.newPlot('", lines);
            Assert.Contains("\"x\":[1.0,2.0,3.0]", lines);
            Assert.Contains("\"y\":[0.125,0.25,0.5]", lines);
            Assert.Contains("\"name\":\"returns\"", lines);

            string logLog = File.ReadAllText(Path.Combine(outDir, "display-1.html"));
            Html.AssertFragment(logLog); // later charts: the fragment alone
            Assert.Contains("\"y\":[0.001,0.01,0.1]", logLog);
            Assert.Contains("\"x\":[0.75,1.5,1.5,2.25]", File.ReadAllText(Path.Combine(outDir, "display-2.html")));
            Assert.Contains("\"y\":[475.5,480.25]", File.ReadAllText(Path.Combine(outDir, "display-3.html")));
            Assert.Contains("\"z\":[[0.5,1.5],[2.5,3.5]]", File.ReadAllText(Path.Combine(outDir, "display-4.html")));

            string page = File.ReadAllText(Path.Combine(outDir, "page.html"));
            Assert.Equal(1, Html.Count(page, Html.PlotlyJsBanner));
            Assert.Equal(5, Html.Count(page, "Plotly.newPlot('"));
        }
        finally
        {
            if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
        }
    }

    [Fact]
    public void A_notebook_with_charts_runs_through_the_kit_runner_in_a_process_that_already_holds_FSharp_Core_10_0()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"kernelhost-notebook-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            string plots = Path.Combine(Library, "Rl.Plots.dll").Replace("\\", "/");
            string notebook = Path.Combine(folder, "charts.ipynb");
            object Cell(string id, string source) => new Dictionary<string, object?>
            {
                ["id"] = id, ["cell_type"] = "code", ["metadata"] = new { }, ["execution_count"] = null, ["outputs"] = Array.Empty<object>(), ["source"] = source,
            };
            File.WriteAllText(notebook, System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["nbformat"] = 4, ["nbformat_minor"] = 5,
                ["metadata"] = new { kernelspec = new { name = ".net-csharp", display_name = ".NET (C#)", language = "C#" } },
                ["cells"] = new[]
                {
                    Cell("a", $"#r \"{plots}\"\nusing Rl.Plots;"),
                    Cell("b", "Plot.Lines(\"kernel notebook\", \"step\", \"return\", new Series(\"returns\", new double[] { 1, 2, 3 }, new double[] { 0.125, 0.25, 0.5 }))"),
                    Cell("c", "display(Plot.Bars(\"kernel bars\", \"trick\", \"return\", new[] { \"clip\" }, (\"on\", new[] { 475.5 })));"),
                },
            }));
            var (exitCode, output, error) = KernelHostProcess.Run("notebook", notebook, Path.Combine(folder, "out"));

            Assert.True(exitCode == 0, $"exit {exitCode}\n{output}\n{error}");
            Assert.Contains("host: FSharp.Core 10.0.0.0 loaded first", output);
            Assert.Contains("notebook ran 3 cells; 2 html outputs", output);
            string lines = File.ReadAllText(Path.Combine(folder, "out", "output-0.html"));
            Assert.Contains("Plotly.newPlot('", lines);
            Assert.Contains("\"y\":[0.125,0.25,0.5]", lines);
            Assert.Contains("\"y\":[475.5]", File.ReadAllText(Path.Combine(folder, "out", "output-1.html")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Plotly_NET_loaded_into_that_process_directly_fails_as_in_the_kernel()
    {
        var (exitCode, output, error) = KernelHostProcess.Run("direct", Path.Combine(Library, "plotly"));

        Assert.True(exitCode == 1, $"exit {exitCode}\n{output}\n{error}");
        Assert.Contains("System.TypeInitializationException: The type initializer for '<StartupCode$Plotly-NET>.$Defaults' threw an exception.", error);
        Assert.Contains("System.MissingMethodException: Method not found: 'Microsoft.FSharp.Core.FSharpFunc`2<System.String,XmlAttribute> Giraffe.ViewEngine.Attributes.get__id()'.", error);
    }
}
