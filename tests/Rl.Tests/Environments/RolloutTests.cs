using Rl.Environments;
using Rl.Random;

namespace Rl.Tests.Environments;

public class RolloutTests
{
    [Fact]
    public void Run_UntilTermination_RecordsHPlusOneObservations_AndIsTerminated()
    {
        var env = new CountingEnvironment(terminalPosition: 3, seed: 1);
        var tau = Rollout.Run(env, env.Reset(), new ConstantPolicy(1), new Rng(1), maxSteps: 100);
        Assert.Equal(3, tau.Length);
        Assert.Equal([0, 1, 2, 3], tau.Observations);
        Assert.Equal([1, 1, 1], tau.Actions);
        Assert.Equal(3, tau.Rewards.Length);
        Assert.True(tau.Terminated);
        Assert.False(tau.Truncated);
    }

    [Fact]
    public void Run_StoppedByTimeLimit_IsTruncated()
    {
        var env = new TimeLimit<int, int>(new CountingEnvironment(terminalPosition: 100, seed: 1), maxSteps: 4);
        var tau = Rollout.Run(env, env.Reset(), new ConstantPolicy(1), new Rng(1), maxSteps: 100);
        Assert.Equal(4, tau.Length);
        Assert.Equal(5, tau.Observations.Count);
        Assert.False(tau.Terminated);
        Assert.True(tau.Truncated);
    }

    [Fact]
    public void Run_StoppedByBudget_IsTruncated()
    {
        var env = new CountingEnvironment(terminalPosition: 100, seed: 1);
        var tau = Rollout.Run(env, env.Reset(), new ConstantPolicy(1), new Rng(1), maxSteps: 6);
        Assert.Equal(6, tau.Length);
        Assert.Equal(7, tau.Observations.Count);
        Assert.False(tau.Terminated);
        Assert.True(tau.Truncated);
    }

    [Fact]
    public void Run_TerminatingOnTheLastBudgetedStep_IsTerminatedNotTruncated()
    {
        var env = new CountingEnvironment(terminalPosition: 3, seed: 1);
        var tau = Rollout.Run(env, env.Reset(), new ConstantPolicy(1), new Rng(1), maxSteps: 3);
        Assert.True(tau.Terminated);
        Assert.False(tau.Truncated);
    }

    [Fact]
    public void Run_TerminatedAndTruncatedOnTheSameStep_IsTerminated()
    {
        var env = new TimeLimit<int, int>(new CountingEnvironment(terminalPosition: 2, seed: 1), maxSteps: 2);
        var tau = Rollout.Run(env, env.Reset(), new ConstantPolicy(1), new Rng(1), maxSteps: 100);
        Assert.True(tau.Terminated); // V(s_H) = 0 is right: the state is terminal
        Assert.False(tau.Truncated);
    }

    [Fact]
    public void RunFrom_TakesTheFirstActionThenFollowsThePolicy()
    {
        var env = new CountingEnvironment(terminalPosition: 100, seed: 1);
        var tau = Rollout.RunFrom(env, env.Reset(), firstAction: 5, new ConstantPolicy(1), new Rng(1), maxSteps: 3);
        Assert.Equal([5, 1, 1], tau.Actions);
        Assert.Equal([0, 5, 6, 7], tau.Observations);
    }

    [Fact]
    public void Rewards_AreTheEnvironmentsRewardsInOrder()
    {
        var env = new CountingEnvironment(terminalPosition: 100, seed: 9);
        var replay = new CountingEnvironment(terminalPosition: 100, seed: 9);
        replay.Reset();
        var tau = Rollout.Run(env, env.Reset(), new ConstantPolicy(2), new Rng(1), maxSteps: 5);
        Assert.Equal(Enumerable.Range(0, 5).Select(_ => replay.Step(2).Reward), tau.Rewards);
    }

    [Fact]
    public void ZeroBudget_IsRejectedNamingMaxSteps()
    {
        var env = new CountingEnvironment(terminalPosition: 100, seed: 1);
        var e = Assert.ThrowsAny<ArgumentException>(() => Rollout.Run(env, 0, new ConstantPolicy(1), new Rng(1), maxSteps: 0));
        Assert.Equal("maxSteps", e.ParamName);
    }
}
