using System.Text;
using System.Text.Json;

namespace Rl.Grading.Judge;

/// <summary>
/// Writes a <see cref="GradingReport"/> as Gradescope's results.json
/// (https://gradescope-autograders.readthedocs.io/en/latest/specs/): top-level score (regular plus
/// extra credit), execution_time, output, output_format, test_output_format, visibility and
/// stdout_visibility, and tests[] with name, number, score, max_score, status, output and visibility.
/// Outputs are Markdown ("md"): the score line in bold, each "Likely mistake" as a bold line above the
/// test's message, and every text the judge or the student's code produced escaped by
/// <see cref="MarkdownText"/>, so it shows as written and never turns into an image, HTML or markup.
/// An extra-credit test reports max_score 0, Gradescope's way of adding points beyond the total, and
/// says so in its name and output in the words the console uses (<see cref="ScoreSummary"/>).
/// Written once, atomically: into a temporary file in the same folder, flushed to disk, then renamed
/// over the target, so a reader sees the previous file or the whole new one, and whatever else wrote
/// that path before is replaced.
/// </summary>
public static class ResultsJson
{
    /// <summary>Where a failure message names a known mistake (<c>PpoGae.Tests.Expect</c>'s wording).</summary>
    private const string LikelyMistake = "Likely mistake: ";

    /// <summary>Writes <paramref name="report"/> to <paramref name="path"/>; <paramref name="stamp"/>, if given, goes into extra_data.</summary>
    public static void Write(GradingReport report, string path, ResultsStamp? stamp = null)
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
                    Write(report, stamp, json);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// Reads a results.json this class wrote: the report (outputs back as plain text, without the bold
    /// lines added around them) and its stamp,
    /// or null when the file is missing or not such a file (a grading that never finished).
    /// </summary>
    public static (GradingReport Report, ResultsStamp? Stamp)? Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            var tests = new List<GradedTestResult>();
            foreach (var test in root.GetProperty("tests").EnumerateArray())
            {
                bool extra = test.TryGetProperty("tags", out var tags) && tags.EnumerateArray().Any(tag => tag.GetString() == ExtraCreditTag);
                double score = test.GetProperty("score").GetDouble();
                double max = extra ? test.GetProperty("extra_data").GetProperty("points").GetDouble() : test.GetProperty("max_score").GetDouble();
                tests.Add(new GradedTestResult(test.GetProperty("number").GetString()!, test.GetProperty("extra_data").GetProperty("name").GetString()!,
                    score, max, test.GetProperty("status").GetString() == "passed", MarkdownText.ToPlain(test.GetProperty("output").GetString()!),
                    test.GetProperty("visibility").GetString()!, extra));
            }
            var report = new GradingReport(tests.Where(t => !t.ExtraCredit).Sum(t => t.Score), tests.Where(t => t.ExtraCredit).Sum(t => t.Score),
                root.GetProperty("execution_time").GetDouble(), tests, MarkdownText.ToPlain(root.GetProperty("output").GetString()!));
            ResultsStamp? stamp = root.TryGetProperty("extra_data", out var data) && data.TryGetProperty("input_sha256", out var hash)
                ? new ResultsStamp(hash.GetString()!, data.GetProperty("judge").GetString()!)
                : null;
            return (report, stamp);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The known mistakes a test's output names (written or read), in order, each once.</summary>
    public static IReadOnlyList<string> Mistakes(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var found = new List<string>();
        int at = output.IndexOf(LikelyMistake, StringComparison.Ordinal);
        if (at < 0) return found;
        string rest = output[(at + LikelyMistake.Length)..].Split('\n')[0].TrimEnd();
        if (rest.EndsWith('.')) rest = rest[..^1];
        foreach (string mistake in rest.Split("; or ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) Add(found, mistake);
        return found;
    }

    private static void Add(List<string> found, string mistake)
    {
        if (mistake.Length > 0 && !found.Contains(mistake)) found.Add(mistake);
    }

    private const string ExtraCreditTag = "extra credit";

    private static void Write(GradingReport report, ResultsStamp? stamp, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteNumber("score", report.Score + report.ExtraCredit);
        json.WriteNumber("execution_time", Math.Round(report.ExecutionTimeSeconds, 1));
        json.WriteString("output", $"**{MarkdownText.Of(ScoreSummary.Line(report.Tests))}**\n\n{MarkdownText.Of(report.Output)}");
        json.WriteString("output_format", "md");
        json.WriteString("test_output_format", "md");
        json.WriteString("test_name_format", "text");
        json.WriteString("visibility", "visible");
        json.WriteString("stdout_visibility", "hidden");
        if (stamp is not null)
        {
            json.WriteStartObject("extra_data");
            json.WriteString("input_sha256", stamp.InputSha256);
            json.WriteString("judge", stamp.Judge);
            json.WriteEndObject();
        }
        json.WriteStartArray("tests");
        foreach (var test in report.Tests)
        {
            json.WriteStartObject();
            json.WriteString("name", test.ExtraCredit ? $"{test.Name} (extra credit, {test.MaxScore:0.##} points beyond the total)" : test.Name);
            json.WriteString("number", test.Number);
            json.WriteNumber("score", test.Score);
            json.WriteNumber("max_score", test.ExtraCredit ? 0 : test.MaxScore);
            json.WriteString("status", test.Passed ? "passed" : "failed");
            json.WriteString("output", TestOutput(test));
            json.WriteString("visibility", test.Visibility);
            if (test.ExtraCredit)
            {
                json.WriteStartArray("tags");
                json.WriteStringValue(ExtraCreditTag);
                json.WriteEndArray();
            }
            json.WriteStartObject("extra_data");
            json.WriteString("name", test.Name);
            json.WriteNumber("points", test.MaxScore);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>A test's output in Markdown: extra credit said first, each likely mistake in bold, then the message as written.</summary>
    private static string TestOutput(GradedTestResult test)
    {
        var parts = new List<string>();
        if (test.ExtraCredit) parts.Add($"**{MarkdownText.Of($"Extra credit: {test.Score:0.##} / {test.MaxScore:0.##} points, on top of the total.")}**");
        if (!test.Passed)
            foreach (string mistake in Mistakes(test.Output)) parts.Add($"**Likely mistake:** {MarkdownText.Of(mistake)}");
        return Fit(test.Output, text => string.Join("\n\n", parts.Append(MarkdownText.Of(text))), MaxTestOutputBytes);
    }

    /// <summary>Most UTF-8 bytes of one test's output: escaping may double the judge's 2,000 characters.</summary>
    public const int MaxTestOutputBytes = 4000;

    /// <summary>
    /// <paramref name="render"/>(<paramref name="text"/>) if it has at most <paramref name="maxBytes"/> UTF-8 bytes,
    /// else the rendering of the longest prefix of the text, marked as cut, that does.
    /// </summary>
    private static string Fit(string text, Func<string, string> render, int maxBytes)
    {
        string whole = render(text);
        if (Encoding.UTF8.GetByteCount(whole) <= maxBytes) return whole;
        int low = 0, high = text.Length; // render(text[..low] + cut) fits; text[..high] does not
        while (high - low > 1)
        {
            int middle = (low + high) / 2;
            if (Encoding.UTF8.GetByteCount(render(text[..middle] + Cut)) <= maxBytes) low = middle;
            else high = middle;
        }
        return render(text[..low] + Cut);
    }

    private const string Cut = " ... (cut)";
}

/// <summary>What a results.json was graded from, so a batch regrading can skip it when nothing changed.</summary>
/// <param name="InputSha256">The hash of the submission's files (<c>Rl.Grading.Class.InputHash</c>).</param>
/// <param name="Judge">The judge's version: its assemblies' identities.</param>
public sealed record ResultsStamp(string InputSha256, string Judge);
