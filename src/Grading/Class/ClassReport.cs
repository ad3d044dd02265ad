using System.Globalization;
using System.Net;
using System.Text;
using Rl.Grading.Judge;
using Rl.Plots;

namespace Rl.Grading.Class;

/// <summary>
/// The class at a glance, as one HTML page that works offline (plotly.js inlined once, the charts
/// drawn with the kit's <see cref="Plot"/>): the numbers (submissions, mean, median), a histogram of
/// the totals, each test's pass rate, the most common hints (the "Likely mistake" each failing test
/// named, and how many submissions it named it in), the tests with their pass rates, and a table of
/// every submission. Every text from a
/// submission is HTML-encoded.
/// </summary>
public static class ClassReport
{
    /// <summary>How many hints the page lists.</summary>
    public const int TopHints = 15;

    /// <summary>A known mistake and how often failing tests named it.</summary>
    /// <param name="Mistake">The mistake, as the test words it.</param>
    /// <param name="Submissions">How many submissions had it named at least once.</param>
    /// <param name="Tests">The tests that named it.</param>
    public sealed record Hint(string Mistake, int Submissions, IReadOnlyList<string> Tests);

    /// <summary>The hints of <paramref name="results"/>, most common first (ties: by text).</summary>
    public static IReadOnlyList<Hint> Hints(IReadOnlyList<ClassResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var found = results.Where(r => r.Report is not null)
            .SelectMany((r, index) => r.Report!.Tests.Where(t => !t.Passed).SelectMany(t => ResultsJson.Mistakes(t.Output).Select(m => (Index: index, Test: t.Number, Mistake: m))));
        return [.. found.GroupBy(f => f.Mistake)
            .Select(g => new Hint(g.Key, g.Select(f => f.Index).Distinct().Count(), [.. g.Select(f => f.Test).Distinct().Order(StringComparer.Ordinal)]))
            .OrderByDescending(h => h.Submissions).ThenBy(h => h.Mistake, StringComparer.Ordinal)];
    }

    /// <summary>The page for <paramref name="results"/>.</summary>
    public static string Render(string title, IReadOnlyList<ClassResult> results)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(results);
        var graded = results.Where(r => r.Report is not null).ToList();
        var totals = graded.Select(r => r.Report!.Score + r.Report.ExtraCredit).ToArray();
        var tests = ClassSummary.TestColumns(results);
        var page = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").Append(Encode(title)).Append("</title>\n")
            .Append("<style>body{font-family:sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse;margin:1em 0}")
            .Append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f3f3f3}td.n{text-align:right}</style>\n")
            .Append("<script type=\"text/javascript\">").Append(PlotlyJs.Source).Append("</script>\n</head><body>\n")
            .Append("<h1>").Append(Encode(title)).Append("</h1>\n<p>")
            .Append(CultureInfo.InvariantCulture, $"{results.Count} submissions, {graded.Count} graded");
        int failed = results.Count - graded.Count;
        if (failed > 0) page.Append(CultureInfo.InvariantCulture, $", <b>{failed} not graded</b> (listed below; run grade-all again to retry them)");
        if (totals.Length > 0)
            page.Append(CultureInfo.InvariantCulture, $". Total (score + extra credit): mean {totals.Average():0.#}, median {Median(totals):0.#}, lowest {totals.Min():0.#}, highest {totals.Max():0.#}");
        page.Append(".</p>\n");

        if (totals.Length > 0)
        {
            page.Append(Plot.Histogram("Scores", "total (score + extra credit)", ("submissions", totals)).Html).Append('\n');
            var rates = tests.Select(t => PassRate(graded, t.Number)).ToArray();
            page.Append(Plot.Bars("Pass rate per test", "test", "submissions passing (%)", [.. tests.Select(t => "test " + t.Number)], ("pass rate", rates)).Html).Append('\n');
        }

        var hints = Hints(results);
        page.Append("<h2>Most common hints</h2>\n");
        if (hints.Count == 0) page.Append("<p>No failing test named a known mistake.</p>\n");
        else
        {
            page.Append("<table><tr><th>likely mistake</th><th>submissions</th><th>tests</th></tr>\n");
            foreach (var hint in hints.Take(TopHints))
                page.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(hint.Mistake)}</td><td class=\"n\">{hint.Submissions}</td><td>{Encode(string.Join(", ", hint.Tests))}</td></tr>\n");
            page.Append("</table>\n");
        }

        if (totals.Length > 0)
        {
            page.Append("<h2>Tests</h2>\n<table><tr><th>test</th><th>name</th><th>passing</th></tr>\n");
            foreach (var test in tests)
                page.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(test.Number)}</td><td>{Encode(test.Name)}</td><td class=\"n\">{PassRate(graded, test.Number):0}%</td></tr>\n");
            page.Append("</table>\n");
        }

        page.Append("<h2>Submissions</h2>\n<table><tr><th>student</th><th>submission</th><th>score</th><th>extra credit</th><th>failing tests</th></tr>\n");
        foreach (var result in results)
        {
            var report = result.Report;
            string failing = report is null ? "not graded: " + result.Error : string.Join(", ", report.Tests.Where(t => !t.Passed).Select(t => t.Number));
            page.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(result.Submission.Student)}</td><td>{Encode(result.Submission.Id)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{(report is null ? "" : report.Score.ToString("0.##", CultureInfo.InvariantCulture))}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{(report is null ? "" : report.ExtraCredit.ToString("0.##", CultureInfo.InvariantCulture))}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{Encode(failing)}</td></tr>\n");
        }
        return page.Append("</table>\n</body></html>\n").ToString();
    }

    /// <summary>The percentage of <paramref name="graded"/> that passed test <paramref name="number"/>.</summary>
    private static double PassRate(List<ClassResult> graded, string number) =>
        100.0 * graded.Count(r => r.Report!.Tests.Any(t => t.Number == number && t.Passed)) / graded.Count;

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
