using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rl.Notebooks.Execution;
using Rl.Notebooks.Format;

namespace Rl.Notebooks.Export;

/// <summary>
/// The executed notebook as nbformat 4.5 JSON: the file as read, with each code cell's
/// <c>execution_count</c> and <c>outputs</c> set from the run (cells the run did not reach keep
/// <c>null</c> and no outputs). Metadata and cell ids are kept. plotly.js is placed once, before the
/// first chart, so the notebook shows its charts offline in VS Code or Jupyter (<see cref="PlotlyOutputs"/>).
/// </summary>
public static class ExecutedNotebook
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        IndentSize = 1, // as Jupyter writes notebooks
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keep <, > and non-ASCII readable
    };

    /// <summary>The executed notebook's JSON text; <paramref name="scripts"/> supplies plotly.js.</summary>
    public static string ToJson(NotebookResult result, ExportScripts scripts)
    {
        bool plotlyPlaced = false;
        // A chart output's HTML: plotly.js before the first chart, no other copies.
        string Html(string html)
        {
            html = PlotlyOutputs.WithoutPlotlyJs(html);
            if (plotlyPlaced || !PlotlyOutputs.Draws(html)) return html;
            plotlyPlaced = true;
            return $"<script type=\"text/javascript\">{scripts.Plotly}</script>\n{html}";
        }

        var root = (JsonObject)result.Notebook.Root.DeepClone();
        root["nbformat"] = 4;
        root["nbformat_minor"] = Math.Max(5, result.Notebook.Format.Minor);
        var cells = (JsonArray)root["cells"]!;
        foreach (var cell in result.Notebook.Cells.Where(c => c.Kind == CellKind.Code))
        {
            var json = (JsonObject)cells[cell.Index]!;
            var run = result.For(cell);
            json["execution_count"] = run?.ExecutionCount;
            json["outputs"] = new JsonArray([.. (run?.Outputs ?? []).Select(output => ToJson(output, run!.ExecutionCount, Html))]);
        }
        return root.ToJsonString(Json) + "\n";
    }

    private static JsonNode ToJson(CellOutput output, int executionCount, Func<string, string> html) => output switch
    {
        StreamOutput stream => new JsonObject
        {
            ["name"] = stream.Name,
            ["output_type"] = "stream",
            ["text"] = Lines(stream.Text),
        },
        DisplayOutput display => new JsonObject
        {
            ["data"] = Data(display.Data, html),
            ["metadata"] = new JsonObject(),
            ["output_type"] = "display_data",
        },
        ResultOutput value => new JsonObject
        {
            ["data"] = Data(value.Data, html),
            ["execution_count"] = executionCount,
            ["metadata"] = new JsonObject(),
            ["output_type"] = "execute_result",
        },
        ErrorOutput error => new JsonObject
        {
            ["ename"] = error.Name,
            ["evalue"] = error.Value,
            ["output_type"] = "error",
            ["traceback"] = new JsonArray([.. error.Traceback.Select(line => (JsonNode)line)]),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(output), output.GetType().Name, "unknown output type"),
    };

    private static JsonObject Data(IReadOnlyDictionary<string, string> data, Func<string, string> html) =>
        new(data.OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)Lines(pair.Key == MimeBundle.Html ? html(pair.Value) : pair.Value))));

    /// <summary>nbformat's multi-line string: a list of lines, each but the last ending in "\n".</summary>
    private static JsonArray Lines(string text)
    {
        var lines = new JsonArray();
        int start = 0;
        while (start < text.Length)
        {
            int end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..end]);
            start = end;
        }
        return lines;
    }
}
