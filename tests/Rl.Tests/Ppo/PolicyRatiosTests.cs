using Rl.Environments;
using Rl.Ppo;
using Rl.Random;

namespace Rl.Tests.Ppo;

/// <summary>Per-epoch ratios: exact at the start of an update, consistent with their own diagnostics, and harmless to watch.</summary>
public class PolicyRatiosTests
{
    private static readonly PpoConfig Short = PpoConfig.CartPole with { TotalSteps = 4 * 512 };

    [Fact]
    public void BeforeAnyStep_EveryRatioIsOne_KlAndClipFractionZero()
    {
        var agent = new ActorCritic(Gym.Spec("CartPole-v1"), [64, 64], new Rng(5));
        var collector = new RolloutCollector(agent, "CartPole-v1", environments: 4, stepsPerRollout: 32, new Rng(6));
        collector.Reset(7);
        collector.Collect([]);
        collector.EstimateAdvantagesAndTargets(0.99, 0.95);
        var measured = PolicyRatios.Measure(agent, collector.Buffer, clip: 0.2);
        Assert.Equal(128, measured.Ratios.Length);
        Assert.All(measured.Ratios, rho => Assert.InRange(rho, 1 - 1e-12, 1 + 1e-12));
        Assert.InRange(measured.ApproxKl, -1e-15, 1e-15);   // 0 up to rounding
        Assert.Equal(0.0, measured.ClipFraction);
    }

    [Fact]
    public void AfterEpochs_KlAndClipFractionAreThoseOfTheRatios()
    {
        var trainer = new PpoTrainer(Short with { Epochs = 10, LearningRate = 3e-3 });
        var measurements = new List<RatioMeasurement>();
        trainer.EpochEnded = (update, epoch) => { if (update == 3) measurements.Add(PolicyRatios.Measure(trainer.Agent, trainer.Buffer, 0.2)); };
        trainer.Train();
        Assert.Equal(10, measurements.Count);
        foreach (var m in measurements)
        {
            // Independent of ClippedSurrogate: the k3 estimator and the clip test written out.
            double kl = m.Ratios.Average(rho => rho - 1 - Math.Log(rho));
            double clipped = m.Ratios.Count(rho => Math.Abs(rho - 1) > 0.2) / (double)m.Ratios.Length;
            Assert.Equal(kl, m.ApproxKl, 1e-12);
            Assert.Equal(clipped, m.ClipFraction, 1e-12);
        }
        // Ten epochs at a large step move the policy further with every epoch at first.
        Assert.True(measurements[^1].ApproxKl > measurements[0].ApproxKl,
            $"KL after epoch 10 ({measurements[^1].ApproxKl}) should exceed KL after epoch 1 ({measurements[0].ApproxKl})");
    }

    [Fact]
    public void EpochEnded_IsCalledOncePerEpochRun_AndWatchingChangesNothing()
    {
        var config = Short with { Epochs = 8, LearningRate = 3e-3, TargetKl = 0.01 };
        var watched = new PpoTrainer(config);
        var calls = new List<(int Update, int Epoch)>();
        watched.EpochEnded = (update, epoch) =>
        {
            calls.Add((update, epoch));
            PolicyRatios.Measure(watched.Agent, watched.Buffer, 0.2);
        };
        var watchedReports = watched.Train();
        var plain = new PpoTrainer(config);
        var plainReports = plain.Train();

        var expected = watchedReports.SelectMany(r => Enumerable.Range(1, r.Epochs).Select(e => (r.Update, e))).ToArray();
        Assert.Equal(expected, calls);
        Assert.Contains(watchedReports, r => r.Epochs < config.Epochs);   // the target KL did stop some update early
        for (int i = 0; i < plainReports.Count; i++)
            Assert.Equal((plainReports[i].PolicyLoss, plainReports[i].ApproxKl, plainReports[i].Epochs),
                (watchedReports[i].PolicyLoss, watchedReports[i].ApproxKl, watchedReports[i].Epochs));
        Assert.Equal(plain.Agent.Actor.Parameters, watched.Agent.Actor.Parameters);
        Assert.Equal(plain.Agent.Critic.Parameters, watched.Agent.Critic.Parameters);
    }
}
