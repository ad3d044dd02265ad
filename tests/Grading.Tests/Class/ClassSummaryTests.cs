using Rl.Grading.Class;
using Rl.Grading.Judge;

namespace Rl.Grading.Tests.Class;

/// <summary>The class as CSV and as a page: a row per student, a column per test, hints counted, nothing from a submission left unescaped.</summary>
public sealed class ClassSummaryTests
{
    private static GradedTestResult Test(string number, double score, double max, string output = "Passed.", bool extra = false) =>
        new(number, "test " + number, score, max, score == max, output, "visible", extra);

    private static ClassResult Result(string id, IReadOnlyList<Submitter> who, params GradedTestResult[] tests) =>
        new(new ClassSubmission(id, "/nowhere/" + id, who), $"/out/{id}/results.json", ClassOutcome.Graded,
            new GradingReport(tests.Where(t => !t.ExtraCredit).Sum(t => t.Score), tests.Where(t => t.ExtraCredit).Sum(t => t.Score), 1, tests, ""), null);

    private static readonly ClassResult[] Results =
    [
        Result("submission_1", [new Submitter("Ada, \"the first\"", "1815", "ada@example.edu")],
            Test("1.1", 3, 3), Test("3.1", 0, 5, "Gae is wrong. Likely mistake: the recursion multiplies by gamma instead of gamma lambda."), Test("EC.1", 5, 5, extra: true)),
        Result("submission_2", [new Submitter("=HYPERLINK(\"http://x\")", "2", ""), new Submitter("<script>alert(1)</script>", "3", "")],
            Test("1.1", 0, 3, "BE wrong. Likely mistake: gamma is missing."), Test("3.1", 0, 5, "Gae is wrong. Likely mistake: the recursion multiplies by gamma instead of gamma lambda."), Test("EC.1", 0, 5, extra: true)),
        new(new ClassSubmission("submission_3", "/nowhere/3", []), "/out/3/results.json", ClassOutcome.Failed, null, "the judge hung"),
    ];

    [Fact]
    public void TheCsv_HasARowPerStudent_AndAColumnPerTest_WithFormulasDefused()
    {
        var lines = ClassSummary.Csv(Results).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([
            "student,sid,email,submission,status,score,extra_credit,total,1.1,3.1,EC.1",
            "\"Ada, \"\"the first\"\"\",1815,ada@example.edu,submission_1,graded,3,5,8,3,0,5",
            "\"'=HYPERLINK(\"\"http://x\"\")\",2,,submission_2,graded,0,0,0,0,0,0",
            "<script>alert(1)</script>,3,,submission_2,graded,0,0,0,0,0,0",
            "submission_3,,,submission_3,not graded: the judge hung,,,,,,",
        ], lines);
    }

    [Fact]
    public void Hints_AreCountedOncePerSubmission_MostCommonFirst()
    {
        var hints = ClassReport.Hints(Results);
        Assert.Equal([
            new ClassReport.Hint("the recursion multiplies by gamma instead of gamma lambda", 2, ["3.1"]),
            new ClassReport.Hint("gamma is missing", 1, ["1.1"]),
        ], hints, new HintComparer());
    }

    [Fact]
    public void ThePage_WorksOffline_HasItsChartsAndTables_AndEncodesNames()
    {
        string page = ClassReport.Render("Class report", Results);
        Assert.Contains("Plotly.newPlot", page);
        Assert.DoesNotContain("src=\"http", page); // plotly.js inline, not fetched
        Assert.Contains("3 submissions, 2 graded, <b>1 not graded</b>", page);
        Assert.Contains("mean 4, median 4, lowest 0, highest 8", page);
        Assert.Contains("<td>the recursion multiplies by gamma instead of gamma lambda</td><td class=\"n\">2</td><td>3.1</td>", page);
        Assert.Contains("<td>test 1.1</td><td class=\"n\">50%</td>", page);
        Assert.DoesNotContain("<script>alert(1)</script>", page);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page);
        Assert.Contains("not graded: the judge hung", page);
    }

    private sealed class HintComparer : IEqualityComparer<ClassReport.Hint>
    {
        public bool Equals(ClassReport.Hint? x, ClassReport.Hint? y) =>
            x is not null && y is not null && x.Mistake == y.Mistake && x.Submissions == y.Submissions && x.Tests.SequenceEqual(y.Tests);

        public int GetHashCode(ClassReport.Hint obj) => obj.Mistake.GetHashCode(StringComparison.Ordinal);
    }
}
