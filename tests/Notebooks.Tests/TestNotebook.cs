using System.Text.Json.Nodes;
using Rl.Notebooks.Execution;
using Rl.Notebooks.Format;

namespace Notebooks.Tests;

/// <summary>
/// Small notebooks the tests write into their own temp folder, in the kit's format: markdown cells
/// start with "# ", every other string is a C# code cell.
/// </summary>
internal sealed class TestNotebook : IDisposable
{
    public TestNotebook(params string[] cells) : this(_ => cells) { }

    /// <summary>A notebook whose cells depend on its folder, e.g. a #r path relative to it.</summary>
    public TestNotebook(Func<string, string[]> cellsInFolder)
    {
        Folder = Directory.CreateTempSubdirectory("rl-notebook-test-").FullName;
        Path = System.IO.Path.Combine(Folder, "test.ipynb");
        File.WriteAllText(Path, Json(cellsInFolder(Folder)).ToJsonString());
    }

    /// <summary>The temp folder holding the notebook (deleted on dispose).</summary>
    public string Folder { get; }

    /// <summary>The .ipynb file.</summary>
    public string Path { get; }

    public Notebook Load() => Notebook.Load(Path);

    /// <summary>Runs the notebook with the given cell time limit (default 60 s).</summary>
    public NotebookResult Run(TimeSpan? cellTimeout = null) =>
        new NotebookRunner(new NotebookRunnerOptions { CellTimeout = cellTimeout ?? TimeSpan.FromSeconds(60) }).Run(Load());

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    /// <summary>nbformat 4.5 JSON with the kit's kernel metadata and ids "cell-1", "cell-2", ...</summary>
    public static JsonObject Json(IEnumerable<string> cells) => new()
    {
        ["cells"] = new JsonArray([.. cells.Select((source, i) => (JsonNode)Cell(i + 1, source))]),
        ["metadata"] = new JsonObject
        {
            ["kernelspec"] = new JsonObject { ["name"] = ".net-csharp", ["display_name"] = ".NET (C#)", ["language"] = "C#" },
            ["language_info"] = new JsonObject { ["name"] = "C#" },
            ["polyglot_notebook"] = new JsonObject
            {
                ["kernelInfo"] = new JsonObject
                {
                    ["defaultKernelName"] = "csharp",
                    ["items"] = new JsonArray(new JsonObject { ["name"] = "csharp", ["aliases"] = new JsonArray() }),
                },
            },
        },
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
    };

    private static JsonObject Cell(int number, string source) => source.StartsWith("# ", StringComparison.Ordinal)
        ? new JsonObject { ["cell_type"] = "markdown", ["id"] = $"cell-{number}", ["metadata"] = new JsonObject(), ["source"] = source }
        : new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["id"] = $"cell-{number}",
            ["metadata"] = new JsonObject
            {
                ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
                ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" },
            },
            ["outputs"] = new JsonArray(),
            ["source"] = source,
        };
}
