using Rl.Grading.Worker;

namespace PpoGae.Tests;

/// <summary>
/// The code under test. By default the Rl library this project is built with (your code in the
/// student release); the autograder sets <see cref="Current"/> to a proxy for the sandboxed worker
/// on the thread that runs each test.
/// </summary>
public static class Submission
{
    private static readonly ISubmission InProcess = new InProcessSubmission();
    private static readonly AsyncLocal<ISubmission?> Scoped = new();

    /// <summary>
    /// The submission every graded test calls: set per thread (and the threads and tasks it starts),
    /// so that a test the autograder stopped waiting for keeps its own, closed, submission, and gradings
    /// running side by side in one process each call their own worker, never another's.
    /// </summary>
    public static ISubmission Current
    {
        get => Scoped.Value ?? InProcess;
        set => Scoped.Value = value;
    }
}
