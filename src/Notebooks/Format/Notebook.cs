using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rl.Notebooks.Format;

/// <summary>
/// A Jupyter notebook (nbformat 4) read with System.Text.Json: its cells and metadata, plus the file's
/// whole JSON tree, so that the executed copy keeps everything the runner does not change.
/// </summary>
public sealed class Notebook
{
    private Notebook(string path, JsonObject root, IReadOnlyList<NotebookCell> cells)
    {
        Path = path;
        Root = root;
        Cells = cells;
    }

    /// <summary>Full path of the .ipynb file; <c>#r</c> paths resolve against its folder.</summary>
    public string Path { get; }

    /// <summary>The folder holding the notebook: the working directory and <c>#r</c> base while it runs.</summary>
    public string Folder => System.IO.Path.GetDirectoryName(Path)!;

    /// <summary>The file name without extension, used for the exported files.</summary>
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>The cells in order.</summary>
    public IReadOnlyList<NotebookCell> Cells { get; }

    /// <summary>The notebook's <c>metadata</c> object (kernelspec, language_info, polyglot_notebook).</summary>
    public JsonObject Metadata => Root["metadata"] as JsonObject ?? [];

    /// <summary>nbformat and nbformat_minor, e.g. (4, 5).</summary>
    public (int Major, int Minor) Format => ((int?)Root["nbformat"] ?? 0, (int?)Root["nbformat_minor"] ?? 0);

    /// <summary>The whole JSON document as read.</summary>
    internal JsonObject Root { get; }

    /// <summary>Reads and parses an .ipynb file.</summary>
    /// <exception cref="FormatException">The file is not nbformat 4 JSON with a cells list.</exception>
    public static Notebook Load(string path)
    {
        string fullPath = System.IO.Path.GetFullPath(path);
        return Parse(File.ReadAllText(fullPath), fullPath);
    }

    /// <summary>Parses notebook JSON; <paramref name="path"/> says where it lives (for <c>#r</c> and messages).</summary>
    /// <exception cref="FormatException">The text is not nbformat 4 JSON with a cells list.</exception>
    public static Notebook Parse(string json, string path)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{path}: not valid JSON: {e.Message}", e);
        }
        if (node is not JsonObject root) throw new FormatException($"{path}: a notebook is a JSON object.");
        if ((int?)root["nbformat"] != 4) throw new FormatException($"{path}: only nbformat 4 is supported (found {root["nbformat"]?.ToJsonString() ?? "none"}).");
        if (root["cells"] is not JsonArray cells) throw new FormatException($"{path}: no cells list.");
        var parsed = new List<NotebookCell>(cells.Count);
        foreach (var cell in cells)
        {
            if (cell is not JsonObject cellObject) throw new FormatException($"{path}: cell {parsed.Count + 1} is not a JSON object.");
            try
            {
                parsed.Add(new NotebookCell(parsed.Count, cellObject));
            }
            catch (FormatException e)
            {
                throw new FormatException($"{path}: {e.Message}", e);
            }
        }
        return new Notebook(System.IO.Path.GetFullPath(path), root, parsed);
    }
}
