using System.Text.Json.Nodes;

namespace Rl.Notebooks.Format;

/// <summary>
/// One cell of a <see cref="Notebook"/>: its position, nbformat id, kind, source text and metadata.
/// </summary>
public sealed class NotebookCell
{
    internal NotebookCell(int index, JsonObject json)
    {
        Index = index;
        Metadata = json["metadata"] as JsonObject ?? [];
        Id = json["id"] is JsonValue id && id.TryGetValue(out string? text) ? text : null;
        Kind = (string?)json["cell_type"] switch
        {
            "markdown" => CellKind.Markdown,
            "code" => CellKind.Code,
            "raw" => CellKind.Raw,
            var other => throw new FormatException($"cell {index + 1}: unknown cell_type '{other}' (expected markdown, code or raw)."),
        };
        Source = json["source"] switch
        {
            JsonArray lines => string.Concat(lines.Select(line => (string?)line)),
            JsonValue value when value.TryGetValue(out string? whole) => whole,
            null => "",
            _ => throw new FormatException($"cell {index + 1}: source must be a string or a list of strings."),
        };
    }

    /// <summary>0-based position among all cells of the notebook.</summary>
    public int Index { get; }

    /// <summary>1-based position among all cells, as error messages name it ("cell 5").</summary>
    public int Number => Index + 1;

    /// <summary>The nbformat 4.5 cell id, or null when the file has none.</summary>
    public string? Id { get; }

    /// <summary>Markdown, code or raw.</summary>
    public CellKind Kind { get; }

    /// <summary>The cell's source text, lines joined as stored (nbformat stores a list of lines or one string).</summary>
    public string Source { get; }

    /// <summary>The cell's <c>metadata</c> object (the kernel it runs in: <c>polyglot_notebook.kernelName</c>).</summary>
    public JsonObject Metadata { get; }

    /// <summary>"cell 5 (id 'a1b2')": how messages point a reader at this cell.</summary>
    public string Describe() => Id is null ? $"cell {Number}" : $"cell {Number} (id '{Id}')";
}
