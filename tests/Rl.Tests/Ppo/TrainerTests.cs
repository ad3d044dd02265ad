using Rl.Environments;
using Rl.Nn;
using Rl.Ppo;
using Rl.Random;

namespace Rl.Tests.Ppo;

/// <summary>The PPO trainer end to end: determinism, learning, saving, and the gradient of its loss.</summary>
public class TrainerTests
{
    private static readonly PpoConfig Short = PpoConfig.CartPole with { TotalSteps = 6 * 512 };

    [Fact]
    public void SameSeed_GivesBitIdenticalRuns()
    {
        var (first, firstAgent) = Train(Short);
        var (second, secondAgent) = Train(Short);
        Assert.Equal(first.Count, second.Count);
        for (int i = 0; i < first.Count; i++)
        {
            var (a, b) = (first[i], second[i]);
            Assert.Equal((a.PolicyLoss, a.ValueLoss, a.Entropy, a.ApproxKl, a.ClipFraction, a.ExplainedVariance),
                (b.PolicyLoss, b.ValueLoss, b.Entropy, b.ApproxKl, b.ClipFraction, b.ExplainedVariance));
            Assert.Equal(a.EpisodeReturns, b.EpisodeReturns);
        }
        Assert.Equal(firstAgent.Actor.Parameters, secondAgent.Actor.Parameters);
        Assert.Equal(firstAgent.Critic.Parameters, secondAgent.Critic.Parameters);
    }

    [Fact]
    public void DifferentSeeds_GiveDifferentRuns()
    {
        var (_, one) = Train(Short);
        var (_, other) = Train(Short with { Seed = 2 });
        Assert.NotEqual(one.Actor.Parameters, other.Actor.Parameters);
    }

    [Fact]
    public void ShortCartPoleRun_BeatsARandomPolicyByAWideMargin()
    {
        var (_, agent) = Train(PpoConfig.CartPole with { TotalSteps = 60_000 });
        double trained = Evaluation.Run(agent, 20, seed: 1000).Mean;
        double random = RandomPolicyMeanReturn(20, seed: 1000);
        Assert.InRange(random, 10, 40); // CartPole's random policy lasts about 22 steps
        Assert.True(trained > 6 * random, $"trained mean return {trained} should be far above the random policy's {random}");
    }

    [Fact]
    public void PendulumPreset_CriticCatchesUpWithItsTargetsInAFewUpdates()
    {
        // Pendulum's returns lie in about [-160, 0]: a value loss clipped to +-0.2 per update leaves the
        // critic near its initial guess (explained variance 0.02-0.04 after 4 updates, seeds 1-3),
        // unclipped it explains 0.76-0.79 of the targets' variance.
        var (reports, _) = Train(PpoConfig.Pendulum with { TotalSteps = 4 * 4096 });
        Assert.True(reports[^1].ExplainedVariance > 0.5, $"explained variance {reports[^1].ExplainedVariance} should be above 0.5");
    }

    [Fact]
    public void SavedPolicy_LoadsBackBitForBit_AndEvaluatesTheSame()
    {
        foreach (var config in new[] { Short, PpoConfig.Pendulum with { TotalSteps = 4096, StepsPerRollout = 256, Minibatches = 4 } })
        {
            var (_, agent) = Train(config);
            string path = Path.Combine(Path.GetTempPath(), $"policy-{Guid.NewGuid():N}.json");
            try
            {
                PolicyFile.Save(agent, path);
                var loaded = PolicyFile.Load(path);
                Assert.Equal(agent.Actor.Parameters, loaded.Actor.Parameters);
                Assert.Equal(agent.Critic.Parameters, loaded.Critic.Parameters);
                Assert.Equal(agent.Head.Parameters, loaded.Head.Parameters);
                Assert.Equal(Evaluation.Run(agent, 3, 7).Returns, Evaluation.Run(loaded, 3, 7).Returns);
            }
            finally
            {
                File.Delete(path);
            }
        }
    }

    [Theory]
    [InlineData("CartPole-v1")]
    [InlineData("Pendulum-v1")]
    public void CombinedLossGradient_MatchesFiniteDifferences(string id)
    {
        // A small network after one update, so that ratios differ from 1 and both clips can act.
        var config = PpoConfig.CartPole with
        {
            EnvironmentId = id, HiddenSizes = [8], TotalSteps = 2 * 64, Environments = 2, StepsPerRollout = 32,
            Minibatches = 1, Epochs = 1, LearningRate = 3e-3, EntropyCoefficient = 0.05,
        };
        var trainer = new PpoTrainer(config);
        foreach (var _ in trainer.Run()) { }
        var agent = trainer.Agent;
        var batch = new Minibatch(config.BatchSize, agent.Spec.ObservationSize, agent.Head.ActionSize, agent.Head.OutputSize);
        int[] all = Enumerable.Range(0, config.BatchSize).ToArray();

        // The actor and the head only move l_pi - c_2 H, the critic only c_1 l_V: each is checked on
        // its own part, so the other part's rounding does not blur the finite differences.
        PpoLosses Losses()
        {
            batch.Gather(trainer.Buffer, all);
            return PpoLoss.Compute(agent, batch, config);
        }
        double PolicyPart() { var l = Losses(); return l.PolicyLoss - config.EntropyCoefficient * l.Entropy; }
        double ValuePart() => config.ValueCoefficient * Losses().ValueLoss;

        Losses();
        double[] actor = (double[])agent.Actor.Gradients.Clone();
        double[] critic = (double[])agent.Critic.Gradients.Clone();
        double[] head = (double[])agent.Head.Gradients.Clone();
        AssertGradient(actor, GradientCheck.CentralDifferences(agent.Actor.Parameters, PolicyPart), "actor");
        if (head.Length > 0) AssertGradient(head, GradientCheck.CentralDifferences(agent.Head.Parameters, PolicyPart), "head"); // the Gaussian's log-std
        AssertGradient(critic, GradientCheck.CentralDifferences(agent.Critic.Parameters, ValuePart), "critic");
    }

    private static void AssertGradient(double[] analytic, double[] numeric, string what)
    {
        double error = GradientCheck.MaxRelativeError(analytic, numeric);
        Assert.True(error < 1e-6, $"{what}: largest relative error {error}");
        Assert.Contains(analytic, g => g != 0); // a gradient of zeros would pass for the wrong reason
    }

    [Fact]
    public void LearningRate_AnnealsLinearlyToZero_AndStaysPutWhenAnnealingIsOff()
    {
        var annealed = Train(Short).Reports;
        for (int t = 0; t < annealed.Count; t++)
            Assert.Equal(Short.LearningRate * (1.0 - (double)t / annealed.Count), annealed[t].LearningRate, 1e-18);
        Assert.All(Train(Short with { AnnealLearningRate = false }).Reports, r => Assert.Equal(Short.LearningRate, r.LearningRate));
    }

    [Fact]
    public void TargetKl_StopsAnUpdatesEpochsEarly()
    {
        Assert.All(Train(Short).Reports, r => Assert.Equal(Short.Epochs, r.Epochs));
        // The first epoch's last minibatch already moves the policy by more than 1e-12.
        Assert.All(Train(Short with { TargetKl = 1e-12 }).Reports, r => Assert.Equal(1, r.Epochs));
    }

    [Fact]
    public void BadConfiguration_NamesTheField()
    {
        Assert.Equal("Minibatches", Assert.ThrowsAny<ArgumentException>(() => new PpoTrainer(PpoConfig.CartPole with { Minibatches = 3 })).ParamName);
        Assert.Equal("Gamma", Assert.ThrowsAny<ArgumentException>(() => new PpoTrainer(PpoConfig.CartPole with { Gamma = 1.5 })).ParamName);
        Assert.Equal("LearningRate", Assert.ThrowsAny<ArgumentException>(() => new PpoTrainer(PpoConfig.CartPole with { LearningRate = double.NaN })).ParamName);
        Assert.Equal("TotalSteps", Assert.ThrowsAny<ArgumentException>(() => new PpoTrainer(PpoConfig.CartPole with { TotalSteps = 100 })).ParamName);
    }

    private static (IReadOnlyList<UpdateReport> Reports, ActorCritic Agent) Train(PpoConfig config)
    {
        var trainer = new PpoTrainer(config);
        return (trainer.Train(), trainer.Agent);
    }

    internal static double RandomPolicyMeanReturn(int episodes, ulong seed)
    {
        var environment = Gym.Make<int>("CartPole-v1");
        var rng = new Rng(seed);
        double total = 0;
        for (int episode = 0; episode < episodes; episode++)
        {
            environment.Reset(seed + (ulong)episode);
            StepResult<double[]> step;
            do { step = environment.Step(rng.NextInt(2)); total += step.Reward; } while (!step.Done);
        }
        return total / episodes;
    }
}
