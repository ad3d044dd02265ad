using System.Reflection;
using System.Runtime.Loader;
using Rl.Plots;

namespace Plots.Tests;

/// <summary>
/// Every chart carries Plotly.NET's default template exactly as Plotly.NET writes it. The kit serializes
/// the template once per process instead of once per chart (Rl.Plots.Plotly's SerializedTemplate); the
/// reference here is a Plotly.NET that nothing has touched, loaded from the same plotly/ folder into a load
/// context of its own, serializing its own default template with its own settings.
/// </summary>
public class TemplateTests
{
    [Fact]
    public void Every_chart_carries_the_default_template_as_an_untouched_Plotly_NET_writes_it()
    {
        string expected = UntouchedDefaultTemplateJson();
        Assert.StartsWith("{\"layout\":{", expected); // the "plotly" theme: a layout and per-trace defaults
        Assert.True(expected.Length > 4000, $"the default template is only {expected.Length} characters");

        foreach (string html in new[]
        {
            Plot.Lines("template (TemplateTests)", "x", "y", new Series("s", [1, 2, 3], [3, 1, 2])).Html,
            Plot.Histogram("template (TemplateTests)", "x", ("h", [1, 2, 2, 3])).Html,
            Plot.Heatmap("template (TemplateTests)", new double[,] { { 1, 2 }, { 3, 4 } }).Html,
        })
            Assert.Equal(1, Html.Count(html, $"\"template\":{expected}"));
    }

    /// <summary>Plotly.NET's default template serialized by Newtonsoft.Json with Plotly.NET's settings, in a fresh load context.</summary>
    private static string UntouchedDefaultTemplateJson()
    {
        string main = Path.Combine(Path.GetDirectoryName(typeof(Plot).Assembly.Location)!, "plotly", "Rl.Plots.Plotly.dll");
        var context = new FolderContext(main);
        try
        {
            var plotly = context.LoadFromAssemblyName(new AssemblyName("Plotly.NET"));
            var newtonsoft = context.LoadFromAssemblyName(new AssemblyName("Newtonsoft.Json"));
            object template = plotly.GetType("Plotly.NET.Defaults", throwOnError: true)!.GetProperty("DefaultTemplate")!.GetValue(null)!;
            // Globals is an F# module outside any namespace.
            object settings = plotly.GetType("Globals", throwOnError: true)!.GetProperty("JSON_CONFIG")!.GetValue(null)!;
            var serialize = newtonsoft.GetType("Newtonsoft.Json.JsonConvert", throwOnError: true)!
                .GetMethod("SerializeObject", [typeof(object), settings.GetType()])!;
            return (string)serialize.Invoke(null, [template, settings])!;
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>Loads assemblies as the plugin's .deps.json resolves them, never from the default context.</summary>
    private sealed class FolderContext(string mainAssembly) : AssemblyLoadContext("untouched Plotly.NET (TemplateTests)", isCollectible: true)
    {
        private readonly AssemblyDependencyResolver _resolver = new(mainAssembly);

        protected override Assembly? Load(AssemblyName assemblyName) =>
            _resolver.ResolveAssemblyToPath(assemblyName) is string path ? LoadFromAssemblyPath(path) : null;
    }
}
