using Rl.Grading.Worker;

namespace PpoGae.Tests;

/// <summary>
/// The code under test. By default the Rl library this project is built with (your code in the
/// student release); the autograder sets <see cref="Current"/> to a proxy for the sandboxed worker
/// before it runs the tests.
/// </summary>
public static class Submission
{
    private static readonly ISubmission Default = new InProcessSubmission();
    private static readonly AsyncLocal<ISubmission?> Set = new();

    /// <summary>
    /// The submission every graded test calls. Set per flow of execution (an AsyncLocal), so gradings
    /// running side by side in one process each call their own worker, never another's.
    /// </summary>
    public static ISubmission Current
    {
        get => Set.Value ?? Default;
        set => Set.Value = value;
    }
}
