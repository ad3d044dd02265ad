using System.Diagnostics;
using System.Reflection;
using PpoGae.Tests;
using Rl.Grading.Worker;

namespace Rl.Grading.Judge;

/// <summary>
/// The graded tests of the assignment (every method marked <see cref="GradedAttribute"/> in the
/// PpoGae.Tests assembly), run by the judge against a submission: each test class is created, the
/// method called, and a test passes when it returns and fails with the message of what it threw.
/// </summary>
public static class GradedTests
{
    /// <summary>Longest output kept per test.</summary>
    public const int MaxOutput = 2000;

    /// <summary>Every graded test, in number order ("1.2" before "1.10" before "2.1"; extra credit last).</summary>
    public static IReadOnlyList<(MethodInfo Method, GradedAttribute Graded)> All { get; } =
        typeof(Submission).Assembly.GetTypes()
            .Where(type => type.IsPublic && !type.IsAbstract)
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Select(method => (Method: method, Graded: method.GetCustomAttribute<GradedAttribute>()!))
            .Where(test => test.Graded is not null)
            .OrderBy(test => test.Graded.ExtraCredit)
            .ThenBy(test => test.Graded.Number, NumberOrder.Instance)
            .ToArray();

    /// <summary>Runs every test against <paramref name="submission"/>; none starts after <paramref name="deadline"/>.</summary>
    public static IReadOnlyList<GradedTestResult> Run(ISubmission submission, DateTime deadline)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var results = new List<GradedTestResult>(All.Count);
        var previous = Submission.Current;
        Submission.Current = submission;
        try
        {
            foreach (var (method, graded) in All)
            {
                if (DateTime.UtcNow >= deadline)
                {
                    results.Add(Failed(graded, "Not run: the grading time budget was used up by earlier tests."));
                    continue;
                }
                results.Add(RunOne(method, graded));
            }
        }
        finally
        {
            Submission.Current = previous;
        }
        return results;
    }

    /// <summary>Every test failed with <paramref name="reason"/> (the code could not be run at all).</summary>
    public static IReadOnlyList<GradedTestResult> FailAll(string reason) => [.. All.Select(test => Failed(test.Graded, reason))];

    private static GradedTestResult RunOne(MethodInfo method, GradedAttribute graded)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var instance = Activator.CreateInstance(method.DeclaringType!);
            var returned = method.Invoke(instance, null);
            if (returned is Task task) task.GetAwaiter().GetResult();
            (instance as IDisposable)?.Dispose();
            return Result(graded, graded.Points, passed: true, $"Passed in {clock.Elapsed.TotalSeconds:0.00} s.");
        }
        catch (Exception e)
        {
            return Failed(graded, Describe(e is TargetInvocationException { InnerException: { } inner } ? inner : e));
        }
    }

    /// <summary>The message a student reads: ours for a failed call, the assertion's, or the exception's type and message.</summary>
    private static string Describe(Exception e) => e switch
    {
        SubmissionException => e.Message,
        Xunit.Sdk.XunitException => e.Message,
        _ => $"The test could not use your result: {e.GetType().Name}: {e.Message}",
    };

    private static GradedTestResult Failed(GradedAttribute graded, string output) => Result(graded, 0, passed: false, output);

    private static GradedTestResult Result(GradedAttribute graded, double score, bool passed, string output) =>
        new(graded.Number, graded.Name, score, graded.Points, passed, Cap(output), Visibility(graded.Visibility), graded.ExtraCredit);

    /// <summary>Gradescope's name for a visibility.</summary>
    public static string Visibility(GradedVisibility visibility) => visibility switch
    {
        GradedVisibility.Visible => "visible",
        GradedVisibility.Hidden => "hidden",
        GradedVisibility.AfterDueDate => "after_due_date",
        GradedVisibility.AfterPublished => "after_published",
        _ => throw new ArgumentOutOfRangeException(nameof(visibility), visibility, "unknown visibility"),
    };

    /// <summary><paramref name="text"/> cut to <see cref="MaxOutput"/> characters.</summary>
    public static string Cap(string text) => text.Length <= MaxOutput ? text : text[..MaxOutput] + " ... (cut)";

    /// <summary>Orders "task.test" numbers part by part, numerically where both parts are numbers.</summary>
    private sealed class NumberOrder : IComparer<string>
    {
        public static readonly NumberOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = (x ?? "").Split('.');
            var b = (y ?? "").Split('.');
            for (int i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                int order = int.TryParse(a[i], out int m) && int.TryParse(b[i], out int n)
                    ? m.CompareTo(n)
                    : string.CompareOrdinal(a[i], b[i]);
                if (order != 0) return order;
            }
            return a.Length.CompareTo(b.Length);
        }
    }
}
