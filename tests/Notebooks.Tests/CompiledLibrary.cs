using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.DotNet.Interactive.Formatting;
using Rl.Notebooks.Execution;

namespace Notebooks.Tests;

/// <summary>
/// Class libraries compiled by the tests, for notebooks to #r: each lives in its own folder with its
/// dependencies beside it, as a built library does, and is not part of the test host. Assembly names
/// are unique per process (the default load context keeps one assembly per name).
/// </summary>
internal static class CompiledLibrary
{
    /// <summary>
    /// "FakePlots": a chart type whose HTML formatter the library registers with
    /// Microsoft.DotNet.Interactive.Formatting when it loads (a module initializer), as Rl.Plots does;
    /// its folder (fake-plots/ beside the tests) also holds a copy of the formatting DLL, as a library's
    /// build output would.
    /// </summary>
    public static string FakePlotsDll => FakePlots.Value;

    private static readonly Lazy<string> FakePlots = new(() =>
    {
        string folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "fake-plots")).FullName;
        string formatting = typeof(Formatter).Assembly.Location;
        File.Copy(formatting, Path.Combine(folder, Path.GetFileName(formatting)), overwrite: true);
        return Emit(folder, "FakePlots", """
            using System.Runtime.CompilerServices;
            using Microsoft.DotNet.Interactive.Formatting;

            namespace FakePlots;

            public sealed record FakeChart(string Id, string Before = "")
            {
                public string Html => Before + $"<div id=\"{Id}\"></div><script>Plotly.newPlot('{Id}', [{{ x: [1, 2, 3], y: [2, 1, 3] }}], {{ title: 'hand-written' }});</script>";
                public override string ToString() => $"chart {Id}";
            }

            internal static class Registration
            {
                [ModuleInitializer]
                internal static void Register() => Formatter.Register<FakeChart>((chart, writer) => writer.Write(chart.Html), "text/html");
            }
            """, formatting);
    });

    /// <summary>Compiles <paramref name="code"/> into <paramref name="folder"/>/<paramref name="name"/>.dll.</summary>
    public static string Emit(string folder, string name, string code, params string[] references)
    {
        string path = Path.Combine(folder, name + ".dll");
        var compilation = CSharpCompilation.Create(name, [CSharpSyntaxTree.ParseText(code)],
            [.. FrameworkReferences.Get(), .. references.Select(r => MetadataReference.CreateFromFile(r))],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var emitted = compilation.Emit(path);
        if (!emitted.Success) throw new InvalidOperationException($"{name}: {string.Join("; ", emitted.Diagnostics)}");
        return path;
    }
}
