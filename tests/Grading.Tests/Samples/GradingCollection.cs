namespace Rl.Grading.Tests.Samples;

/// <summary>
/// The tests that build and grade (sample submissions, the student release, the Gradescope entry
/// point): one at a time, and not beside other collections, since
/// each grading builds the worker and runs the graded tests, and two would fight over a 2-core
/// machine (and over the calls' time limits).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GradingCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Grading sample submissions";
}
