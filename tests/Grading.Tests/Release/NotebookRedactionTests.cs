using System.Text.Json.Nodes;
using Rl.Grading.Release;

namespace Rl.Grading.Tests.Release;

public class NotebookRedactionTests
{
    private static readonly (string File, string Line)[] Solution = [("src/Rl/Advantages/Gae.cs", "next = Recurse(BellmanErrors.Of(rewards[h], values[h], values[h + 1], gamma), gammaLambda, next);")];

    private static string Notebook(params (string Type, string Source)[] cells) => new JsonObject
    {
        ["cells"] = new JsonArray([.. cells.Select(c => (JsonNode)new JsonObject
        {
            ["cell_type"] = c.Type,
            ["source"] = new JsonArray([.. System.Text.RegularExpressions.Regex.Matches(c.Source, @"[^\n]*\n|[^\n]+$").Select(line => (JsonNode)JsonValue.Create(line.Value)!)]),
        })]),
        ["nbformat"] = 4,
    }.ToJsonString();

    private static string Source(string notebook, int cell) =>
        string.Concat(JsonNode.Parse(notebook)!["cells"]![cell]!["source"]!.AsArray().Select(line => (string?)line));

    [Fact]
    public void AFencedBlockShowingTheSolution_BecomesTheNote_AndTheRestOfTheCellStays()
    {
        string markdown = "### The code\n```csharp\nfor (int h = H - 1; h >= 0; h--)\n    next = Recurse(BellmanErrors.Of(rewards[h], values[h], values[h + 1], gamma), gammaLambda, next);\n```\nAfter.\n```csharp\nvar a = Gae.Compute(r, v, 0.9, 0.5);\n```";
        string redacted = NotebookRedaction.Redact(Notebook(("markdown", markdown)), Solution);
        Assert.Equal("### The code\n" + NotebookRedaction.Note + "\nAfter.\n```csharp\nvar a = Gae.Compute(r, v, 0.9, 0.5);\n```", Source(redacted, 0));
    }

    [Fact]
    public void ACodeCellShowingTheSolution_IsReplacedByAComment()
    {
        string redacted = NotebookRedaction.Redact(Notebook(("code", "    next = Recurse(BellmanErrors.Of(rewards[h], values[h], values[h + 1], gamma), gammaLambda, next);")), Solution);
        Assert.StartsWith("// Left out of the student release", Source(redacted, 0));
    }

    [Fact]
    public void ANotebookWithoutTheSolution_IsReturnedByteForByte()
    {
        string notebook = Notebook(("markdown", "$A_h = BE_h + \\gamma\\lambda A_{h+1}$"), ("code", "Gae.Compute(r, v, 0.9, 0.5)"));
        Assert.Same(notebook, NotebookRedaction.Redact(notebook, Solution));
    }
}
