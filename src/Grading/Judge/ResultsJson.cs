using System.Text.Json;

namespace Rl.Grading.Judge;

/// <summary>
/// Writes a <see cref="GradingReport"/> as Gradescope's results.json: top-level score (regular plus
/// extra credit), execution_time, output, visibility and stdout_visibility, and tests[] with name,
/// number, score, max_score, status, output and visibility. An extra-credit test reports max_score 0,
/// Gradescope's way of adding points beyond the total. Written once, atomically: into a temporary
/// file in the same folder, flushed to disk, then renamed over the target, so a reader sees the
/// previous file or the whole new one, and whatever else wrote that path before is replaced.
/// </summary>
public static class ResultsJson
{
    /// <summary>Writes <paramref name="report"/> to <paramref name="path"/>.</summary>
    public static void Write(GradingReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string temporary = $"{full}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                using (var json = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true }))
                    Write(report, json);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static void Write(GradingReport report, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteNumber("score", report.Score + report.ExtraCredit);
        json.WriteNumber("execution_time", Math.Round(report.ExecutionTimeSeconds, 1));
        json.WriteString("output", report.Output);
        json.WriteString("output_format", "text");
        json.WriteString("visibility", "visible");
        json.WriteString("stdout_visibility", "hidden");
        json.WriteStartArray("tests");
        foreach (var test in report.Tests)
        {
            json.WriteStartObject();
            json.WriteString("name", test.Name);
            json.WriteString("number", test.Number);
            json.WriteNumber("score", test.Score);
            json.WriteNumber("max_score", test.ExtraCredit ? 0 : test.MaxScore);
            json.WriteString("status", test.Passed ? "passed" : "failed");
            json.WriteString("output", test.Output);
            json.WriteString("visibility", test.Visibility);
            if (test.ExtraCredit)
            {
                json.WriteStartArray("tags");
                json.WriteStringValue("extra credit");
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
