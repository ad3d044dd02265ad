namespace Rl.Grading.Judge;

/// <summary>
/// What the judge needs of a submission besides its calls, test by test: a deadline for the test's
/// calls, what the student's code printed during the test (attached to that test, with its
/// visibility, never to the top-level output), and a way to stop a call that outlives its test.
/// </summary>
public interface IMonitoredSubmission
{
    /// <summary>A test starts: no call may run past <paramref name="deadline"/>.</summary>
    void BeginTest(DateTime deadline);

    /// <summary>What the student's code printed since the last call of this method (bounded).</summary>
    string TakePrinted();

    /// <summary>Stops the call in progress, if any (the test ran out of time).</summary>
    void Interrupt();
}
