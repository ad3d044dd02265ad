using System.Diagnostics;
using System.Reflection;
using System.Text;
using PpoGae.Tests;
using Rl.Grading.Worker;

namespace Rl.Grading.Judge;

/// <summary>
/// The graded tests of the assignment (every method marked <see cref="GradedAttribute"/> in the
/// PpoGae.Tests assembly), run by the judge against a submission: each test class is created, the
/// method called, and a test passes when it returns and fails with the message of what it threw.
/// Each test runs on a thread of its own under a watchdog: past its time limit the judge stops
/// waiting, closes the test's view of the submission and interrupts its call, so the grading's total
/// time bound holds even inside a test. Tests run from the most visible to the least (visible, after
/// the due date, after publishing, hidden), and what the student's code printed during a test is
/// attached to that test: output that arrives late can only land on a test no more visible than
/// the one that produced it. Results come back in number order.
/// </summary>
public static class GradedTests
{
    /// <summary>Longest output kept per test, in UTF-8 bytes.</summary>
    public const int MaxOutput = 3000;

    /// <summary>A test's time limit when the caller gives none.</summary>
    public static readonly TimeSpan DefaultTestLimit = TimeSpan.FromSeconds(60);

    /// <summary>How long past its deadline a test may still end by itself (its calls stop at the deadline and say why).</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

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

    /// <summary>The order the tests run in: by visibility, most visible first, then by number.</summary>
    public static IReadOnlyList<(MethodInfo Method, GradedAttribute Graded)> RunOrder { get; } =
        [.. All.OrderBy(test => test.Graded.Visibility switch
        {
            GradedVisibility.Visible => 0,
            GradedVisibility.AfterDueDate => 1,
            GradedVisibility.AfterPublished => 2,
            _ => 3,
        })];

    /// <summary>
    /// Runs every test against <paramref name="submission"/>, each within <paramref name="testLimit"/>
    /// (default <see cref="DefaultTestLimit"/>); none starts after <paramref name="deadline"/> nor runs
    /// past it. Results in number order.
    /// </summary>
    public static IReadOnlyList<GradedTestResult> Run(ISubmission submission, DateTime deadline, TimeSpan? testLimit = null) =>
        Run(submission, deadline, testLimit ?? DefaultTestLimit, _ => true);

    /// <summary><see cref="Run(ISubmission, DateTime, TimeSpan?)"/> on the tests whose number <paramref name="include"/> accepts.</summary>
    internal static IReadOnlyList<GradedTestResult> Run(ISubmission submission, DateTime deadline, TimeSpan limit, Func<string, bool> include)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var monitor = submission as IMonitoredSubmission;
        var results = new Dictionary<string, GradedTestResult>(All.Count);
        foreach (var (method, graded) in RunOrder.Where(test => include(test.Graded.Number)))
        {
            var now = DateTime.UtcNow;
            if (now >= deadline)
            {
                results[graded.Number] = Failed(graded, "Not run: the grading time budget was used up by earlier tests.");
                continue;
            }
            var testDeadline = now + limit < deadline ? now + limit : deadline;
            monitor?.BeginTest(testDeadline);
            var result = RunOne(method, graded, submission, testDeadline, limit, monitor);
            string printed = monitor?.TakePrinted() ?? "";
            results[graded.Number] = printed.Length == 0 ? result
                : result with { Output = Cap(result.Output + "\nYour code printed (standard error, first bytes):\n" + printed) };
        }
        return [.. All.Where(test => results.ContainsKey(test.Graded.Number)).Select(test => results[test.Graded.Number])];
    }

    /// <summary>Every test failed with <paramref name="reason"/> (the code could not be run at all).</summary>
    public static IReadOnlyList<GradedTestResult> FailAll(string reason) => [.. All.Select(test => Failed(test.Graded, reason))];

    /// <summary>Runs one test on a thread of its own, with its own view of the submission; stops waiting at its deadline.</summary>
    private static GradedTestResult RunOne(MethodInfo method, GradedAttribute graded, ISubmission submission,
        DateTime deadline, TimeSpan limit, IMonitoredSubmission? monitor)
    {
        var view = RevocableSubmission.Wrap(submission);
        GradedTestResult? result = null;
        var thread = new Thread(() =>
        {
            Submission.Current = view;
            result = Execute(method, graded);
        })
        { IsBackground = true, Name = $"graded test {graded.Number}" };
        thread.Start();
        var wait = deadline - DateTime.UtcNow + Grace;
        if (thread.Join(wait > TimeSpan.Zero ? wait : TimeSpan.Zero) && result is not null) return result;
        RevocableSubmission.Revoke(view);
        monitor?.Interrupt();
        return Failed(graded, $"Stopped: the test did not finish within its time limit of {limit.TotalSeconds:0.#} s (or the grading's time budget ran out).");
    }

    private static GradedTestResult Execute(MethodInfo method, GradedAttribute graded)
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

    /// <summary><paramref name="text"/> cut to at most <see cref="MaxOutput"/> UTF-8 bytes, at a character boundary.</summary>
    public static string Cap(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const string Cut = " ... (cut)";
        if (Encoding.UTF8.GetByteCount(text) <= MaxOutput) return text;
        int bytes = 0, end = 0;
        while (end < text.Length)
        {
            int width = char.IsSurrogatePair(text, end) ? 2 : 1;
            int size = Encoding.UTF8.GetByteCount(text.AsSpan(end, width));
            if (bytes + size > MaxOutput - Cut.Length) break;
            bytes += size;
            end += width;
        }
        return text[..end] + Cut;
    }

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
