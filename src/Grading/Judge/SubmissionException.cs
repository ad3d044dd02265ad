namespace Rl.Grading.Judge;

/// <summary>
/// A call into the student's code did not give a result: it threw, timed out, ran out of memory, or
/// the worker died. The message says which, for the student to read.
/// </summary>
public sealed class SubmissionException(string message) : Exception(message);
