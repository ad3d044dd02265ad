using Rl.Grading.Judge;
using Rl.Grading.Worker;

namespace Rl.Grading.Tests.Judge;

/// <summary>The graded tests as the judge finds and runs them, against the reference in this process.</summary>
public class GradedTestsTests
{
    [Fact]
    public void ThePoints_Total100_PlusExtraCredit_AndNumbersAreUnique()
    {
        Assert.Equal(100, GradedTests.All.Where(t => !t.Graded.ExtraCredit).Sum(t => t.Graded.Points));
        Assert.Equal(5, GradedTests.All.Where(t => t.Graded.ExtraCredit).Sum(t => t.Graded.Points));
        Assert.Equal(GradedTests.All.Count, GradedTests.All.Select(t => t.Graded.Number).Distinct().Count());
    }

    [Fact]
    public void TheOrder_IsByNumber_WithExtraCreditLast()
    {
        var numbers = GradedTests.All.Select(t => t.Graded.Number).ToArray();
        Assert.Equal("1.1", numbers[0]);
        Assert.Equal("EC.1", numbers[^1]);
        Assert.True(Array.IndexOf(numbers, "3.3") < Array.IndexOf(numbers, "4.1"));
    }

    [Fact]
    public void PublicTests_AreVisible_AndHiddenOnesAreNot()
    {
        foreach (var (method, graded) in GradedTests.All)
        {
            bool hidden = method.DeclaringType!.Name.Contains("Hidden", StringComparison.Ordinal);
            Assert.True(hidden == (graded.Visibility != PpoGae.Tests.GradedVisibility.Visible), $"{graded.Number} in {method.DeclaringType.Name}");
        }
    }

    [Fact]
    public void TheReference_InProcess_ScoresFullMarks()
    {
        var results = GradedTests.Run(new InProcessSubmission(), DateTime.UtcNow.AddMinutes(5));
        Assert.All(results, r => Assert.True(r.Passed, $"{r.Number}: {r.Output}"));
        Assert.Equal(105, results.Sum(r => r.Score));
    }

    [Fact]
    public void PastTheDeadline_NoTestRuns_AndEachSaysWhy()
    {
        var results = GradedTests.Run(new InProcessSubmission(), DateTime.UtcNow.AddSeconds(-1));
        Assert.All(results, r => Assert.Contains("time budget", r.Output));
        Assert.Equal(0, results.Sum(r => r.Score));
    }
}
