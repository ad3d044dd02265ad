using Rl.NaturalGradient;
using Rl.Ppo;

namespace Rl.Tests.NaturalGradient;

/// <summary>The NPG/TRPO trainer end to end: determinism, the shared rollout, learning, configuration errors.</summary>
public class NpgTrainerTests
{
    private static readonly NpgConfig Short = NpgConfig.Npg with { TotalSteps = 3 * 2048 };

    [Fact]
    public void SameSeed_GivesBitIdenticalRuns()
    {
        foreach (var config in new[] { Short, Short with { LineSearch = true } })
        {
            var first = new NpgTrainer(config);
            var second = new NpgTrainer(config);
            var a = first.Train();
            var b = second.Train();
            Assert.Equal(a.Select(r => (r.PolicyStep, r.ValueLoss, r.ExplainedVariance)), b.Select(r => (r.PolicyStep, r.ValueLoss, r.ExplainedVariance)));
            Assert.Equal(first.Agent.Actor.Parameters, second.Agent.Actor.Parameters);
            Assert.Equal(first.Agent.Critic.Parameters, second.Agent.Critic.Parameters);
        }
        Assert.NotEqual(new NpgTrainer(Short).Train()[^1].PolicyStep, new NpgTrainer(Short with { Seed = 2 }).Train()[^1].PolicyStep);
    }

    [Fact]
    public void FirstRollout_IsPposFirstRollout_FromTheSameSeed()
    {
        // One rollout and advantage step serves both trainers: same seed, same shapes, same buffer.
        var npg = new NpgTrainer(NpgConfig.Npg with { TotalSteps = 512, StepsPerRollout = 128, Lambda = 0.95, ValueMinibatches = 4 });
        var ppo = new PpoTrainer(PpoConfig.CartPole with { TotalSteps = 512 });
        npg.Run().First();
        ppo.Run().First();
        Assert.Equal(ppo.Buffer.Observations, npg.Buffer.Observations);
        Assert.Equal(ppo.Buffer.Actions, npg.Buffer.Actions);
        Assert.Equal(ppo.Buffer.LogProbabilities, npg.Buffer.LogProbabilities);
        Assert.Equal(ppo.Buffer.Advantages, npg.Buffer.Advantages);
        Assert.Equal(ppo.Buffer.Targets, npg.Buffer.Targets);
    }

    [Fact]
    public void EveryStep_StaysInTheTrustRegion_ForTrpo_AndNearItForNpg()
    {
        foreach (var config in new[] { Short, Short with { LineSearch = true } })
            foreach (var report in new NpgTrainer(config).Train())
            {
                var step = report.PolicyStep;
                Assert.True(step.ConjugateGradientIterations is >= 1 and <= 10);
                if (config.LineSearch) Assert.True(!step.Accepted || (step.Kl <= config.MaxKl && step.SurrogateGain > 0), $"{step}");
                else Assert.InRange(step.Kl, 0.1 * config.MaxKl, 3 * config.MaxKl);
            }
    }

    [Theory]
    [InlineData(false, 1UL)]
    [InlineData(true, 2UL)]
    public void ShortCartPoleRun_BeatsARandomPolicyByAWideMargin(bool lineSearch, ulong seed)
    {
        var trainer = new NpgTrainer(NpgConfig.Npg with { LineSearch = lineSearch, Seed = seed, TotalSteps = 15 * 2048 });
        trainer.Train();
        double trained = Evaluation.Run(trainer.Agent, 20, seed: 1000).Mean;
        double random = Ppo.TrainerTests.RandomPolicyMeanReturn(20, seed: 1000);
        Assert.InRange(random, 10, 40);
        Assert.True(trained > 6 * random, $"trained mean return {trained} should be far above the random policy's {random}");
    }

    [Fact]
    public void BadConfiguration_IsRejectedNamingTheField()
    {
        Assert.Equal(nameof(NpgConfig.MaxKl), Assert.Throws<ArgumentOutOfRangeException>(() => new NpgTrainer(NpgConfig.Npg with { MaxKl = 0 })).ParamName);
        Assert.Equal(nameof(NpgConfig.Damping), Assert.Throws<ArgumentOutOfRangeException>(() => new NpgTrainer(NpgConfig.Npg with { Damping = -1 })).ParamName);
        Assert.Equal(nameof(NpgConfig.ConjugateGradientIterations), Assert.Throws<ArgumentOutOfRangeException>(() => new NpgTrainer(NpgConfig.Npg with { ConjugateGradientIterations = 0 })).ParamName);
        Assert.Equal(nameof(NpgConfig.BacktrackRatio), Assert.Throws<ArgumentOutOfRangeException>(() => new NpgTrainer(NpgConfig.Npg with { BacktrackRatio = 1 })).ParamName);
        Assert.Equal(nameof(NpgConfig.Lambda), Assert.Throws<ArgumentOutOfRangeException>(() => new NpgTrainer(NpgConfig.Npg with { Lambda = 1.5 })).ParamName);
        Assert.Equal(nameof(NpgConfig.ValueMinibatches), Assert.Throws<ArgumentException>(() => new NpgTrainer(NpgConfig.Npg with { ValueMinibatches = 3 })).ParamName);
        Assert.Equal(nameof(NpgConfig.TotalSteps), Assert.Throws<ArgumentOutOfRangeException>(() => new NpgTrainer(NpgConfig.Npg with { TotalSteps = 100 })).ParamName);
    }
}
