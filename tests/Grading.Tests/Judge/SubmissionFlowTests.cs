using PpoGae.Tests;
using Rl.Grading.Worker;

namespace Rl.Grading.Tests.Judge;

/// <summary>
/// Two gradings side by side in one process (the sample lanes, a batch) each see their own
/// submission: <see cref="Submission.Current"/> belongs to the flow of execution that set it.
/// </summary>
public sealed class SubmissionFlowTests
{
    [Fact]
    public void Current_IsPerFlow_AndTheDefaultElsewhere()
    {
        var first = new InProcessSubmission();
        var second = new InProcessSubmission();
        var fallback = Submission.Current;
        using var bothSet = new Barrier(2);
        ISubmission? seenByFirst = null, seenBySecond = null;
        var threads = new[]
        {
            new Thread(() => { Submission.Current = first; bothSet.SignalAndWait(); seenByFirst = Submission.Current; }),
            new Thread(() => { Submission.Current = second; bothSet.SignalAndWait(); seenBySecond = Submission.Current; }),
        };
        foreach (var thread in threads) thread.Start();
        foreach (var thread in threads) thread.Join();
        Assert.Same(first, seenByFirst);
        Assert.Same(second, seenBySecond);
        Assert.Same(fallback, Submission.Current);
        Assert.NotSame(first, fallback);
    }
}
