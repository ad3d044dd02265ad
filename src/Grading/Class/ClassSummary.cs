using System.Globalization;
using System.Text;
using Rl.Grading.Judge;

namespace Rl.Grading.Class;

/// <summary>
/// The class as a spreadsheet (summary.csv, RFC 4180): a row per student (each member of a group gets
/// the group's row), with the submission, its status, the score, the extra credit, the total, and each
/// graded test's points in a column named by its number. A field that a spreadsheet would run as a
/// formula (starting with =, +, -, @, tab or carriage return) is prefixed with an apostrophe.
/// </summary>
public static class ClassSummary
{
    /// <summary>The CSV text of <paramref name="results"/>.</summary>
    public static string Csv(IReadOnlyList<ClassResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var tests = TestColumns(results);
        var csv = new StringBuilder();
        Row(csv, ["student", "sid", "email", "submission", "status", "score", "extra_credit", "total", .. tests.Select(t => t.Number)]);
        foreach (var result in results)
        {
            var report = result.Report;
            var scores = tests.Select(t => report?.Tests.FirstOrDefault(r => r.Number == t.Number) is { } r ? Number(r.Score) : "");
            string status = result.Outcome == ClassOutcome.Failed ? "not graded: " + result.Error : "graded";
            string[] grade = report is null ? ["", "", ""] : [Number(report.Score), Number(report.ExtraCredit), Number(report.Score + report.ExtraCredit)];
            var who = result.Submission.Submitters.Count > 0 ? result.Submission.Submitters : [new Submitter(result.Submission.Id, "", "")];
            foreach (var submitter in who)
                Row(csv, [submitter.Name, submitter.Sid, submitter.Email, result.Submission.Id, status, .. grade, .. scores]);
        }
        return csv.ToString();
    }

    /// <summary>The graded tests as columns: every test any report has, in the judge's order.</summary>
    public static IReadOnlyList<(string Number, string Name)> TestColumns(IReadOnlyList<ClassResult> results)
    {
        var order = GradedTests.All.Select(t => t.Graded.Number).ToList();
        return [.. results.Where(r => r.Report is not null).SelectMany(r => r.Report!.Tests)
            .GroupBy(t => t.Number).Select(g => (Number: g.Key, g.First().Name))
            .OrderBy(t => order.IndexOf(t.Number) is var i && i < 0 ? int.MaxValue : i).ThenBy(t => t.Number, StringComparer.Ordinal)];
    }

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static void Row(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields.Select(Field));
        csv.Append("\r\n");
    }

    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
