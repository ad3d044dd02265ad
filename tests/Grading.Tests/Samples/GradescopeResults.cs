using System.Text;
using System.Text.Json;

namespace Rl.Grading.Tests.Samples;

/// <summary>
/// Checks a results.json against the fields Gradescope reads
/// (https://gradescope-autograders.readthedocs.io/en/latest/specs/): top level score, execution_time,
/// output, visibility, stdout_visibility and tests; each test name, number, score, max_score,
/// status ("passed" or "failed"), output and visibility.
/// </summary>
internal static class GradescopeResults
{
    /// <summary>The visibilities Gradescope knows.</summary>
    private static readonly string[] Visibilities = ["hidden", "after_due_date", "after_published", "visible"];

    /// <summary>Asserts <paramref name="path"/> is such a file, no test's output longer than <paramref name="maxTestOutputBytes"/>; returns its top-level score.</summary>
    public static double Check(string path, int maxTestOutputBytes)
    {
        Assert.True(File.Exists(path), $"the judge wrote no {path}");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        double score = Number(root, "score", "results.json");
        Assert.True(Number(root, "execution_time", "results.json") >= 0, "execution_time is negative");
        Text(root, "output", "results.json");
        Assert.Contains(Text(root, "visibility", "results.json"), Visibilities);
        Assert.Contains(Text(root, "stdout_visibility", "results.json"), Visibilities);
        Assert.True(root.TryGetProperty("tests", out var tests) && tests.ValueKind == JsonValueKind.Array, "results.json has no tests array");
        Assert.NotEqual(0, tests.GetArrayLength());
        foreach (var test in tests.EnumerateArray())
        {
            string number = Text(test, "number", "a test");
            string where = $"test {number}";
            Text(test, "name", where);
            double points = Number(test, "score", where);
            double max = Number(test, "max_score", where);
            // An extra-credit test has max_score 0 and a positive score when it passes (Gradescope's convention).
            Assert.True(points >= 0 && max >= 0 && (points <= max || max == 0), $"{where}: score {points} with max_score {max}");
            Assert.Contains(Text(test, "status", where), new[] { "passed", "failed" });
            string output = Text(test, "output", where);
            int bytes = Encoding.UTF8.GetByteCount(output);
            Assert.True(bytes <= maxTestOutputBytes, $"{where}: output of {bytes} bytes, more than {maxTestOutputBytes}");
            Assert.Contains(Text(test, "visibility", where), Visibilities);
        }
        return score;
    }

    private static double Number(JsonElement element, string name, string where)
    {
        Assert.True(element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number, $"{where} has no number {name}");
        return value.GetDouble();
    }

    private static string Text(JsonElement element, string name, string where)
    {
        Assert.True(element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String, $"{where} has no string {name}");
        return value.GetString()!;
    }
}
