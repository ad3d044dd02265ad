using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Rl.Notebooks.Execution;
using Rl.Notebooks.Format;
using Xunit.Abstractions;

namespace Notebooks.Tests;

/// <summary>
/// The kit's own notebooks (notebooks/*.ipynb): each has the format the conventions fix, and each
/// executes through the runner with no error, so every claim its cells assert is checked on every run.
/// </summary>
public partial class KitNotebookTests(ITestOutputHelper output)
{
    /// <summary>The row a theory gets while notebooks/ holds no notebook (xunit fails a theory without rows).</summary>
    private const string NoneYet = "(no notebooks yet)";

    public static TheoryData<string> Notebooks()
    {
        var names = Directory.Exists(Repository.NotebooksFolder)
            ? Directory.GetFiles(Repository.NotebooksFolder, "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()
            : [];
        return names.Count > 0 ? new TheoryData<string>(names!) : new TheoryData<string>(NoneYet);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_HasTheKitsFormat_AndNoStoredOutputs(string name)
    {
        if (name == NoneYet) return;
        var notebook = Notebook.Load(Path.Combine(Repository.NotebooksFolder, name));
        Assert.Equal(4, notebook.Format.Major);
        Assert.True(notebook.Format.Minor >= 5, $"nbformat_minor {notebook.Format.Minor}: cell ids need 4.5");
        var metadata = notebook.Metadata;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"name": ".net-csharp", "display_name": ".NET (C#)", "language": "C#"}"""), metadata["kernelspec"]),
            $"kernelspec is {metadata["kernelspec"]?.ToJsonString()}");
        Assert.Equal("C#", (string?)metadata["language_info"]?["name"]);
        Assert.Equal("csharp", (string?)metadata["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]);
        Assert.Contains("csharp", metadata["polyglot_notebook"]?["kernelInfo"]?["items"]?.AsArray().Select(item => (string?)item?["name"]) ?? []);

        var ids = notebook.Cells.Select(cell => cell.Id).ToList();
        Assert.All(ids, id => Assert.Matches(CellId(), id ?? ""));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var stored = JsonNode.Parse(File.ReadAllText(notebook.Path))!["cells"]!.AsArray();
        foreach (var cell in notebook.Cells.Where(c => c.Kind == CellKind.Code))
        {
            var json = stored[cell.Index]!;
            Assert.True((string?)cell.Metadata["polyglot_notebook"]?["kernelName"] == "csharp", $"{cell.Describe()}: metadata.polyglot_notebook.kernelName is not csharp");
            Assert.True((string?)cell.Metadata["dotnet_interactive"]?["language"] == "csharp", $"{cell.Describe()}: metadata.dotnet_interactive.language is not csharp");
            Assert.True(json["outputs"] is JsonArray { Count: 0 }, $"{cell.Describe()}: stored outputs (commit notebooks without outputs)");
            Assert.True(json["execution_count"] is null, $"{cell.Describe()}: stored execution_count");
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_ExecutesWithoutError(string name)
    {
        if (name == NoneYet) return;
        var clock = Stopwatch.StartNew();
        var result = new NotebookRunner().Run(Notebook.Load(Path.Combine(Repository.NotebooksFolder, name)));
        foreach (var cell in result.Cells) output.WriteLine($"{cell.Cell.Describe()}: {cell.Elapsed.TotalSeconds:F2} s");
        output.WriteLine($"{name}: {clock.Elapsed.TotalSeconds:F2} s");
        Assert.True(result.Succeeded, string.Join('\n', result.Error?.Traceback ?? []));
    }

    [Fact]
    public void EveryNotebookTheReadmeNames_Exists_AndEveryNotebookIsNamed()
    {
        string readme = Path.Combine(Repository.NotebooksFolder, "README.md");
        if (!File.Exists(readme)) return; // nothing promised yet
        var named = NotebookName().Matches(File.ReadAllText(readme)).Select(m => m.Value).ToHashSet();
        var present = Directory.GetFiles(Repository.NotebooksFolder, "*.ipynb").Select(Path.GetFileName).ToHashSet();
        Assert.Empty(named.Except(present));
        Assert.Empty(present.Except(named));
    }

    [GeneratedRegex("^[a-zA-Z0-9-_]{1,64}$")]
    private static partial Regex CellId();

    [GeneratedRegex(@"[\w.-]+\.ipynb")]
    private static partial Regex NotebookName();
}
