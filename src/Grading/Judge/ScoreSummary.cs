namespace Rl.Grading.Judge;

/// <summary>
/// The score as every report words it, so the console, results.json and the class summary agree:
/// regular points out of their total, extra credit out of its own, and the sum Gradescope records.
/// </summary>
public static class ScoreSummary
{
    /// <summary>"Score: 85 / 100, extra credit 5 / 5, total 90."</summary>
    public static string Line(IReadOnlyList<GradedTestResult> tests)
    {
        ArgumentNullException.ThrowIfNull(tests);
        double score = tests.Where(t => !t.ExtraCredit).Sum(t => t.Score), max = tests.Where(t => !t.ExtraCredit).Sum(t => t.MaxScore);
        double extra = tests.Where(t => t.ExtraCredit).Sum(t => t.Score), extraMax = tests.Where(t => t.ExtraCredit).Sum(t => t.MaxScore);
        return extraMax > 0
            ? $"Score: {score:0.##} / {max:0.##}, extra credit {extra:0.##} / {extraMax:0.##}, total {score + extra:0.##}."
            : $"Score: {score:0.##} / {max:0.##}.";
    }

    /// <summary>One test as the console and the class report list it: "EC.1 extra credit 5 / 5".</summary>
    public static string Points(GradedTestResult test)
    {
        ArgumentNullException.ThrowIfNull(test);
        return $"{(test.ExtraCredit ? "extra credit " : "")}{test.Score:0.##} / {test.MaxScore:0.##}";
    }
}
