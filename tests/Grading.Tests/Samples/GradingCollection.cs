namespace Rl.Grading.Tests.Samples;

/// <summary>
/// The tests that build and grade, other than the sample submissions (the student release, the
/// Gradescope entry point, the sandbox, the worker): one at a time, and not beside other
/// collections, since a build of the whole release or a training run needs the machine. The sample
/// submissions run in three lanes of their own (<see cref="SampleGrading"/>).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GradingCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Grading sample submissions";
}
