using Microsoft.DotNet.Interactive.Events;

namespace Kernel.Tests;

/// <summary>
/// Why Rl.Plots keeps Plotly.NET in a load context of its own, shown in the official kernel, which ships
/// FSharp.Core 10.0 while Plotly.NET 6 needs 10.1: Plotly.NET referenced directly fails at its first chart;
/// through Rl.Plots the same Plotly.NET draws, with its FSharp.Core 10.1 beside the kernel's 10.0.
/// </summary>
public class ChartIsolationInKernelTests
{
    private static readonly string Library = Path.Combine(Repository.Root, "artifacts", "bin", "Rl.Plots", Configuration());

    [Fact]
    public async Task Plotly_NET_referenced_directly_fails_at_the_first_chart_and_through_Rl_Plots_draws()
    {
        await KernelRuns.ToolRestored;
        string folder = Directory.CreateTempSubdirectory("kernel-isolation-").FullName;
        try
        {
            using var kernel = await StdioKernel.StartAsync(folder);
            string plotly = Path.Combine(Library, "plotly");

            var direct = await kernel.SubmitAsync(
                $"#r \"{Path.Combine(plotly, "Plotly.NET.dll")}\"\n#r \"{Path.Combine(plotly, "Plotly.NET.CSharp.dll")}\"\n" +
                "Plotly.NET.CSharp.Chart.Point<double, double, string>(x: new double[] { 1, 2 }, y: new double[] { 3, 4 })", "csharp");
            Assert.False(direct.Succeeded, "Plotly.NET drew a chart loaded straight into the kernel");
            Assert.Contains("System.MissingMethodException: Method not found: 'Microsoft.FSharp.Core.FSharpFunc`2<System.String,XmlAttribute> Giraffe.ViewEngine.Attributes.get__id()'.",
                Assert.IsType<CommandFailed>(direct.Events[^1]).Message);

            var chart = await kernel.SubmitAsync(
                $"#r \"{Path.Combine(Library, "Rl.Plots.dll")}\"\n" +
                "Rl.Plots.Plot.Lines(\"kernel\", \"step\", \"return\", new Rl.Plots.Series(\"returns\", new double[] { 1, 2, 3 }, new double[] { 0.125, 0.25, 0.5 }))", "csharp");
            Assert.True(chart.Succeeded, string.Join('\n', chart.Errors));
            Assert.Contains("\"y\":[0.125,0.25,0.5]", Assert.Single(chart.Charts));

            var loaded = await kernel.SubmitAsync(
                "foreach (var a in AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name == \"FSharp.Core\"))\n" +
                "    Console.WriteLine($\"{a.GetName().Version} in {System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(a)!.Name} from {a.Location}\");", "csharp");
            string lines = string.Concat(loaded.Events.OfType<StandardOutputValueProduced>().SelectMany(e => e.FormattedValues).Select(v => v.Value));
            Assert.Contains("10.0.0.0 in Default from ", lines); // the kernel's own
            Assert.Contains($"10.1.0.0 in Rl.Plots.Plotly from {Path.Combine(plotly, "FSharp.Core.dll")}", lines);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Configuration() =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "release" : "debug";
}
