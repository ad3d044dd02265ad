using Rl.Grading.Worker;

namespace PpoGae.Tests;

/// <summary>
/// The code under test. By default the Rl library this project is built with (your code in the
/// student release); the autograder sets <see cref="Current"/> to a proxy for the sandboxed worker
/// before it runs the tests.
/// </summary>
public static class Submission
{
    /// <summary>The submission every graded test calls.</summary>
    public static ISubmission Current { get; set; } = new InProcessSubmission();
}
