using System.Text.Json.Nodes;

namespace Cli.Tests;

/// <summary>`notebooks run` as a user meets it: progress and timings, the files it writes, exit codes.</summary>
public class NotebooksCommandTests
{
    [Fact]
    public void NotebooksRun_WritesTheExecutedNotebookAndPage_WithCellTimesAndASummary()
    {
        string folder = Notebook("ok", "int x = 20;", "x * 2 + 2");
        try
        {
            var (exitCode, output, error) = CliProcess.Run("notebooks", "run", Path.Combine(folder, "ok.ipynb"), "--out", Path.Combine(folder, "out"));
            Assert.True(exitCode == 0, error + output);
            Assert.Contains("[1/1]", output);
            Assert.Matches(@"cell 2 \(id 'c2'\) +In \[2\] +\d+\.\d\d s", output);
            Assert.Matches(@"ok\.ipynb +2 +\d+\.\d\d", output);
            Assert.Contains("\"42\"", File.ReadAllText(Path.Combine(folder, "out", "ok.ipynb")));
            Assert.Contains("<pre class=\"output plain\">42</pre>", File.ReadAllText(Path.Combine(folder, "out", "ok.html")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void NotebooksRun_AFailingNotebook_ExitsWith1_NamingCellAndLine()
    {
        string folder = Notebook("bad", "int x = 1;", "int y = 2;\nthrow new Exception(\"claim failed\");");
        try
        {
            var (exitCode, output, _) = CliProcess.Run("notebooks", "run", folder, "--out", Path.Combine(folder, "out"));
            Assert.Equal(1, exitCode);
            Assert.Contains("FAILED: cell 2 (id 'c2'), line 2: Exception: claim failed", output);
            Assert.True(File.Exists(Path.Combine(folder, "out", "bad.html")), "the page is written for a failed notebook too");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("--timeout", "0", "--timeout: must be greater than 0")]
    [InlineData("no/such/notebook.ipynb", null, "no notebook or folder at no/such/notebook.ipynb")]
    public void NotebooksRun_BadOptions_ExitWith2(string argument, string? value, string message)
    {
        var (exitCode, _, error) = CliProcess.Run(value is null ? ["notebooks", "run", argument] : ["notebooks", "run", argument, value]);
        Assert.Equal(2, exitCode);
        Assert.Contains(message, error);
    }

    /// <summary>A folder with one nbformat 4.5 notebook of C# code cells with ids c1, c2, ...</summary>
    private static string Notebook(string name, params string[] codeCells)
    {
        string folder = Directory.CreateTempSubdirectory("cli-notebooks-").FullName;
        var cells = codeCells.Select((source, i) => (JsonNode)new JsonObject
        {
            ["cell_type"] = "code", ["id"] = $"c{i + 1}", ["metadata"] = new JsonObject(),
            ["execution_count"] = null, ["outputs"] = new JsonArray(), ["source"] = source,
        });
        var notebook = new JsonObject
        {
            ["nbformat"] = 4, ["nbformat_minor"] = 5, ["metadata"] = new JsonObject(), ["cells"] = new JsonArray([.. cells]),
        };
        File.WriteAllText(Path.Combine(folder, name + ".ipynb"), notebook.ToJsonString());
        return folder;
    }
}
