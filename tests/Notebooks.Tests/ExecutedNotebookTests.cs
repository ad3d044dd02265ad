using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Rl.Notebooks.Export;

namespace Notebooks.Tests;

/// <summary>The executed notebook is valid nbformat 4.5: ids and metadata kept, counts set, outputs well-formed.</summary>
public partial class ExecutedNotebookTests
{
    [Fact]
    public void ExecutedNotebook_KeepsIdsAndMetadata_AndSetsCountsAndOutputs()
    {
        using var notebook = new TestNotebook("# Title $x$", "Console.WriteLine(\"out\");\ndisplay(1);\n2", "int y = 3;");
        var result = notebook.Run();
        var original = JsonNode.Parse(File.ReadAllText(notebook.Path))!.AsObject();
        var executed = JsonNode.Parse(ExecutedNotebook.ToJson(result, Repository.Scripts))!.AsObject();

        Assert.Equal(4, (int)executed["nbformat"]!);
        Assert.Equal(5, (int)executed["nbformat_minor"]!);
        Assert.True(JsonNode.DeepEquals(original["metadata"], executed["metadata"]));
        var cells = executed["cells"]!.AsArray();
        Assert.Equal(["cell-1", "cell-2", "cell-3"], cells.Select(c => (string)c!["id"]!));
        Assert.True(JsonNode.DeepEquals(original["cells"]![0], cells[0]), "markdown cells are copied unchanged");
        Assert.Equal([1, 2], cells.Skip(1).Select(c => (int)c!["execution_count"]!));
        Assert.Equal(["stream", "display_data", "execute_result"], cells[1]!["outputs"]!.AsArray().Select(o => (string)o!["output_type"]!));
        Assert.Empty(cells[2]!["outputs"]!.AsArray());
        AssertValidNbformat(executed);
    }

    [Fact]
    public void CellsAfterAFailure_KeepNoCountAndNoOutputs_AndTheErrorIsAnErrorOutput()
    {
        using var notebook = new TestNotebook("throw new Exception(\"stop\");", "1");
        var executed = JsonNode.Parse(ExecutedNotebook.ToJson(notebook.Run(), Repository.Scripts))!.AsObject();
        var cells = executed["cells"]!.AsArray();
        var error = cells[0]!["outputs"]!.AsArray().Single()!;
        Assert.Equal("error", (string)error["output_type"]!);
        Assert.Equal("cell 1 (id 'cell-1'), line 1: Exception: stop", (string)error["evalue"]!);
        Assert.Null(cells[1]!["execution_count"]);
        Assert.Empty(cells[1]!["outputs"]!.AsArray());
        AssertValidNbformat(executed);
    }

    [Fact]
    public void PlotlyJs_IsPlacedOnceBeforeTheFirstChart_WhateverCopiesTheOutputsCarry()
    {
        // Built from pieces, so that only the output, not the cell's source, holds the copy's text.
        const string copy = "\"<script>/**\\n* \" + \"plotly.js v2.28.0\\n*/ var bundled\" + \"Copy = 1;</script>\"";
        using var notebook = new TestNotebook(
            $"#r \"{CompiledLibrary.FakePlotsDll}\"\nusing FakePlots;\n1",
            "display(new FakeChart(\"first\"));\nnew FakeChart(\"second\", " + copy + ")");
        string json = ExecutedNotebook.ToJson(notebook.Run(), Repository.Scripts);
        var outputs = JsonNode.Parse(json)!["cells"]![1]!["outputs"]!.AsArray();
        string first = string.Concat(outputs[0]!["data"]!["text/html"]!.AsArray().Select(line => (string)line!));
        Assert.StartsWith($"<script type=\"text/javascript\">{Repository.Scripts.Plotly[..100]}", first);
        Assert.Contains("Plotly.newPlot('first'", first);
        Assert.Single(Regex.Matches(json, Regex.Escape("* plotly.js v")));
        Assert.DoesNotContain("bundledCopy", json);
    }

    /// <summary>The parts of the nbformat 4.5 schema a runner can get wrong.</summary>
    internal static void AssertValidNbformat(JsonObject notebook)
    {
        Assert.Equal(4, (int)notebook["nbformat"]!);
        Assert.True((int)notebook["nbformat_minor"]! >= 5);
        Assert.IsType<JsonObject>(notebook["metadata"]);
        var ids = new HashSet<string>();
        foreach (var cell in notebook["cells"]!.AsArray().Select(c => c!.AsObject()))
        {
            string id = (string)cell["id"]!;
            Assert.Matches(CellId(), id);
            Assert.True(ids.Add(id), $"duplicate cell id {id}");
            Assert.IsType<JsonObject>(cell["metadata"]);
            Assert.True(cell["source"] is JsonArray or JsonValue);
            if ((string)cell["cell_type"]! != "code") continue;
            Assert.True(cell.ContainsKey("execution_count"));
            foreach (var output in cell["outputs"]!.AsArray().Select(o => o!.AsObject()))
            {
                string[] required = (string)output["output_type"]! switch
                {
                    "stream" => ["name", "text"],
                    "display_data" => ["data", "metadata"],
                    "execute_result" => ["data", "metadata", "execution_count"],
                    "error" => ["ename", "evalue", "traceback"],
                    var other => throw new Xunit.Sdk.XunitException($"unknown output_type {other}"),
                };
                Assert.All(required, key => Assert.True(output.ContainsKey(key), $"{output["output_type"]} output lacks {key}"));
                if (output["data"] is JsonObject data) Assert.Contains("text/plain", data.Select(pair => pair.Key));
            }
        }
    }

    [GeneratedRegex("^[a-zA-Z0-9-_]{1,64}$")]
    private static partial Regex CellId();
}
