using Rl.Advantages;
using Rl.Grading.Judge;
using Rl.Grading.Worker;

namespace Rl.Grading.Tests.Judge;

/// <summary>
/// The judge's side of the worker protocol, against a worker built from the reference (this
/// repository's own Rl.Grading.Worker): results come back bit for bit, student exceptions come back
/// as messages, and the sandbox hides the repository.
/// </summary>
public sealed class WorkerSubmissionTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("rl-worker-test-");

    /// <summary>A sandbox for the reference worker's build, next to this test assembly's dependencies.</summary>
    private Sandbox ReferenceSandbox()
    {
        SandboxRequired.Here();
        string workerDirectory = Path.GetDirectoryName(typeof(ISubmission).Assembly.Location)!;
        return new Sandbox(workerDirectory, _work.FullName, 1L << 30, Sandbox.Detect());
    }

    private ISubmission Submission(TimeSpan? callLimit = null)
    {
        var sandbox = ReferenceSandbox();
        var options = new GradingOptions(_work.FullName, Path.Combine(_work.FullName, "results.json")) 
        {
            CallLimit = callLimit ?? TimeSpan.FromSeconds(20),
            TestLimit = TimeSpan.FromMinutes(2),
        };
        return WorkerSubmission.Create(sandbox, options, DateTime.UtcNow.AddMinutes(5));
    }

    [SkippableFact]
    public void Gae_ComesBackBitForBit_NaNAndInfinityIncluded()
    {
        var submission = Submission();
        try
        {
            double[] rewards = [1.0, 0.1 + 0.2, -3.5e-300, 7.0 / 3.0], values = [0.5, 1e10, -0.0, 2.0 / 3.0, 0.25];
            Assert.Equal(Gae.Compute(rewards, values, 0.99, 0.95), submission.Gae(rewards, values, 0.99, 0.95));
            var surrogate = submission.ClippedSurrogate([0.0, 0.1], [0.0, 0.0], [1.0, -2.0], 0.2);
            Assert.Equal(-(1.0 * 1.0 + -2.0 * Math.Exp(0.1)) / 2, surrogate.Loss, 15);
        }
        finally
        {
            ((IDisposable)submission).Dispose();
        }
    }

    [SkippableFact]
    public void AWorkerStartedOnAThreadThatEnded_LivesOn()
    {
        // Each graded test runs on a thread of its own, and bubblewrap's --die-with-parent fires when
        // the thread that forked it ends: the worker must outlive the test that started it.
        var submission = Submission();
        try
        {
            var first = new Thread(() => submission.ValueTargets([0.25], [0.25]));
            first.Start();
            first.Join();
            Thread.Sleep(500);
            Assert.Equal([1.0 + 0.9 * 2.0 - 1.0], submission.BellmanErrors([1.0], [1.0, 2.0], 0.9));
            Assert.Equal(1, ((WorkerSubmission)(object)submission).Starts);
        }
        finally
        {
            ((IDisposable)submission).Dispose();
        }
    }

    [SkippableFact]
    public void AnExceptionInTheCall_ComesBackWithItsTypeAndMessage_AndTheWorkerLivesOn()
    {
        var submission = Submission();
        try
        {
            var error = Assert.Throws<SubmissionException>(() => submission.Gae([1.0], [1.0], 0.9, 0.9));
            Assert.StartsWith("Gae.Compute: your code threw System.ArgumentException", error.Message);
            Assert.Contains("values", error.Message);
            Assert.Equal([1.0 + 0.9 * 2.0 - 1.0], submission.BellmanErrors([1.0], [1.0, 2.0], 0.9));
            Assert.Equal(1, ((WorkerSubmission)(object)submission).Starts);
        }
        finally
        {
            ((IDisposable)submission).Dispose();
        }
    }

    [SkippableFact]
    public void ACallOverTheTimeLimit_IsStopped_AndTheNextCallGetsAFreshWorker()
    {
        var submission = Submission(TimeSpan.FromSeconds(1));
        try
        {
            // Ten million one-rollout samples on the gridworld take minutes, in 80 MB.
            var error = Assert.Throws<SubmissionException>(() =>
                submission.OneRolloutSamples(new OneRolloutInput("gridworld", 0, 0, 0.99, 10_000_000, 1)));
            Assert.StartsWith("OneRolloutAdvantage.Estimate: no answer within the time limit of 1 s", error.Message);
            Assert.Equal([0.5], submission.ValueTargets([0.25], [0.25]));
            Assert.Equal(2, ((WorkerSubmission)(object)submission).Starts);
        }
        finally
        {
            ((IDisposable)submission).Dispose();
        }
    }

    [SkippableFact]
    public void AKilledWorker_IsNotAlive_FromTheMomentItIsKilled()
    {
        using var worker = WorkerProcess.Start(ReferenceSandbox(), 1L << 30, TimeSpan.FromSeconds(30));
        Assert.True(worker.IsAlive);
        worker.Kill();
        // At once, not once its process has gone: the call after a timeout must start a fresh worker
        // (in CI, under load, it reached the dying one: "the worker process ended during the call (exit code 137)").
        Assert.False(worker.IsAlive);
    }

    public void Dispose() => _work.Delete(recursive: true);
}
