namespace Rl.Grading.Judge;

/// <summary>The outcome of grading one submission, as written to results.json.</summary>
/// <param name="Score">Points of the regular tests (at most 100).</param>
/// <param name="ExtraCredit">Points of the extra-credit tests, on top.</param>
/// <param name="ExecutionTimeSeconds">Wall time of the whole grading.</param>
/// <param name="Tests">Every graded test, in number order (a compile error adds test "0", Compilation).</param>
/// <param name="Output">What the student sees above the tests: files used, build, sandbox, limits.</param>
public sealed record GradingReport(double Score, double ExtraCredit, double ExecutionTimeSeconds,
    IReadOnlyList<GradedTestResult> Tests, string Output);

/// <summary>One graded test's result.</summary>
public sealed record GradedTestResult(string Number, string Name, double Score, double MaxScore, bool Passed,
    string Output, string Visibility, bool ExtraCredit);
