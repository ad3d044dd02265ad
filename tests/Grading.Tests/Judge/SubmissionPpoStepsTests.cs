using PpoGae.Tests;
using Rl.Ppo;

namespace Rl.Grading.Tests.Judge;

/// <summary>The judge's training loop (test 9.1) with the reference's functions is the library's PPO, bit for bit.</summary>
public sealed class SubmissionPpoStepsTests
{
    [Fact]
    public void WithTheReference_TheJudgesLoopTrainsExactlyAsPpoTrainer()
    {
        var config = PpoConfig.CartPole with { Seed = 7, TotalSteps = 3 * 512 };
        var library = new PpoTrainer(config);
        var libraryReports = library.Train();
        var judged = new PpoTrainer(config, agent => new SubmissionPpoSteps(agent, config.LearningRate));
        var judgedReports = judged.Train();
        Assert.Equal(library.Agent.Actor.Parameters, judged.Agent.Actor.Parameters);
        Assert.Equal(library.Agent.Critic.Parameters, judged.Agent.Critic.Parameters);
        Assert.Equal(libraryReports.Select(r => r.PolicyLoss), judgedReports.Select(r => r.PolicyLoss));
        Assert.NotEqual(new PpoTrainer(config).Agent.Actor.Parameters, judged.Agent.Actor.Parameters); // it did train
    }
}
