using Rl.Grading.Release;

namespace Rl.Grading.Tests.Release;

public class AssignmentFilesTests
{
    [Fact]
    public void Allowed_AreTheFourteenFilesWithSolutionRegions() =>
        Assert.Equal(
        [
            "src/Rl/Advantages/BatchedGae.cs",
            "src/Rl/Advantages/BellmanErrors.cs",
            "src/Rl/Advantages/Gae.cs",
            "src/Rl/Advantages/NStep.cs",
            "src/Rl/Advantages/OneRolloutAdvantage.cs",
            "src/Rl/Advantages/ValueTargets.cs",
            "src/Rl/NaturalGradient/ConjugateGradient.cs",
            "src/Rl/NaturalGradient/DistributionFisher.cs",
            "src/Rl/NaturalGradient/NaturalPolicyUpdate.cs",
            "src/Rl/NaturalGradient/NaturalStep.cs",
            "src/Rl/Ppo/ClippedSurrogate.cs",
            "src/Rl/Ppo/PpoLoss.cs",
            "src/Rl/Ppo/PpoUpdate.cs",
            "src/Rl/Ppo/ValueLoss.cs",
        ], AssignmentFiles.Allowed(RepositoryRoot.Find()));
}
