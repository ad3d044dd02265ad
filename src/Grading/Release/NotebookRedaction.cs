using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Rl.Grading.Release;

/// <summary>
/// A lecture notebook for the student release: where a cell shows code the students write (any
/// <see cref="SolutionText"/> line), that code is left out. In a markdown cell each fenced code block
/// that reveals it becomes a short note pointing to the handout; a code cell that reveals it is
/// replaced by a comment; outputs that reveal it are dropped. Everything else stays as it is.
/// </summary>
public static partial class NotebookRedaction
{
    /// <summary>What replaces a redacted code block.</summary>
    public const string Note = "> *This code is part of the assignment (see `assignments/ppo-gae/handout.md`), so the student release leaves it out.*";

    /// <summary>The notebook <paramref name="json"/> with the solution's code left out.</summary>
    public static string Redact(string json, IReadOnlyList<(string File, string Line)> solution)
    {
        var notebook = JsonNode.Parse(json)!.AsObject();
        bool changed = false;
        foreach (var cell in notebook["cells"]!.AsArray().Select(c => c!.AsObject()))
        {
            string source = Source(cell["source"]);
            if (!SolutionText.Reveals(source, solution) && !SolutionText.Reveals(cell["outputs"]?.ToJsonString() ?? "", solution)) continue;
            changed = true;
            string redacted = (string?)cell["cell_type"] == "markdown"
                ? FencedBlock().Replace(source, block => SolutionText.Reveals(block.Value, solution) ? Note : block.Value)
                : SolutionText.Reveals(source, solution) ? "// Left out of the student release: this cell shows code you write in the assignment." : source;
            cell["source"] = Lines(redacted);
            if (cell["outputs"] is JsonArray outputs)
                foreach (var output in outputs.Where(o => SolutionText.Reveals(o!.ToJsonString(), solution)).ToList()) outputs.Remove(output);
        }
        return changed ? notebook.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n" : json;
    }

    private static string Source(JsonNode? source) => source switch
    {
        JsonArray lines => string.Concat(lines.Select(line => (string?)line)),
        JsonValue text => (string?)text ?? "",
        _ => "",
    };

    /// <summary>Jupyter's form: one string per line, each but the last ending in a newline.</summary>
    private static JsonArray Lines(string text)
    {
        var array = new JsonArray();
        foreach (Match line in LineWithEnding().Matches(text)) array.Add(line.Value);
        return array;
    }

    [GeneratedRegex(@"^```[^\n]*\n.*?^```[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex(@"[^\n]*\n|[^\n]+$")]
    private static partial Regex LineWithEnding();
}
