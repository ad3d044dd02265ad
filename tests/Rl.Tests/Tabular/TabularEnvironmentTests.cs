using Rl.Environments;
using Rl.Random;
using Rl.Tabular;

namespace Rl.Tests.Tabular;

public class TabularEnvironmentTests
{
    /// <summary>What an agent sees over <paramref name="count"/> moves: steps, and the resets after termination.</summary>
    private static List<(int Observation, double Reward, bool Terminated)> Play(
        TabularEnvironment env, TabularPolicy policy, Rng policyRng, int count)
    {
        var seen = new List<(int, double, bool)>();
        for (int i = 0; i < count; i++)
        {
            if (env.Terminated)
            {
                seen.Add((env.Reset(), double.NaN, false));
                continue;
            }
            var step = env.Step(policy.Sample(env.State, policyRng));
            Assert.False(step.Truncated);
            seen.Add((step.Observation, step.Reward, step.Terminated));
        }
        return seen;
    }

    private static double DiscountedReturn(double[] rewards, double gamma)
    {
        double g = 0;
        for (int h = rewards.Length - 1; h >= 0; h--) g = rewards[h] + gamma * g;
        return g;
    }

    /// <summary>Mean and standard error of <paramref name="episodes"/> sampled returns.</summary>
    private static (double Mean, double StandardError) Estimate(Func<double> sampleReturn, int episodes)
    {
        var g = Enumerable.Range(0, episodes).Select(_ => sampleReturn()).ToArray();
        double mean = g.Average();
        double variance = g.Sum(x => (x - mean) * (x - mean)) / (episodes - 1);
        return (mean, Math.Sqrt(variance / episodes));
    }

    [Theory]
    [InlineData("random walk", 1.0)]
    [InlineData("random walk", 0.9)]
    [InlineData("gridworld", 0.95)]
    [InlineData("gridworld", 1.0)]
    public void SimulatedReturnsFromTheStart_MatchExactValue(string name, double gamma)
    {
        var p = name == "random walk" ? RandomWalk.Create() : Gridworld.Create();
        var env = new TabularEnvironment(p.Mdp, seed: 1);
        var policyRng = new Rng(2);
        var (mean, standardError) = Estimate(
            () => DiscountedReturn(Rollout.Run(env, env.Reset(), p.Policy, policyRng, maxSteps: 100_000).Rewards, gamma), 20_000);

        var v = PolicyEvaluation.Exact(p.Mdp, p.Policy, gamma).V;
        var mu = p.Mdp.StartDistribution.ToArray();
        double expected = Enumerable.Range(0, v.Length).Sum(s => mu[s] * v[s]);
        Assert.True(standardError < 0.01, $"standard error {standardError} too large for the test to mean anything");
        Assert.True(Math.Abs(mean - expected) < 4 * standardError, $"mean return {mean}, V^pi {expected}, SE {standardError}");
    }

    [Fact]
    public void RolloutsAfterResetTo_EstimateQOfEachAction()
    {
        // Lecture item 1: go back to s, take a, then follow pi; the mean return estimates Q^pi(s, a).
        const double gamma = 0.95;
        var p = Gridworld.Create();
        int s = p.Mdp.StateLabels.ToList().IndexOf("(2,2)"); // below the pit: the actions differ a lot
        var q = PolicyEvaluation.Exact(p.Mdp, p.Policy, gamma).Q;
        var env = new TabularEnvironment(p.Mdp, seed: 3);
        var policyRng = new Rng(4);
        for (int a = 0; a < p.Mdp.ActionCount; a++)
        {
            int action = a;
            var (mean, standardError) = Estimate(
                () => DiscountedReturn(Rollout.RunFrom(env, env.ResetTo(s), action, p.Policy, policyRng, maxSteps: 100_000).Rewards, gamma),
                10_000);
            Assert.True(Math.Abs(mean - q[s, a]) < 4 * standardError, $"action {a}: mean {mean}, Q^pi {q[s, a]}, SE {standardError}");
        }
    }

    [Fact]
    public void Reset_DrawsTheStartFromMu()
    {
        var mdp = RandomWalk.Create(nonTerminalStates: 4).Mdp; // mu = 1/2 on states 2 and 3
        var env = new TabularEnvironment(mdp, seed: 5);
        const int n = 20_000;
        var counts = new int[mdp.StateCount];
        for (int i = 0; i < n; i++) counts[env.Reset()]++;
        Assert.Equal(n, counts[2] + counts[3]);
        Assert.InRange(counts[2] / (double)n, 0.5 - 4 * Math.Sqrt(0.25 / n), 0.5 + 4 * Math.Sqrt(0.25 / n));
    }

    [Fact]
    public void SnapshotStepsRestoreSteps_AreBitIdentical()
    {
        var p = Gridworld.Create();
        var env = new TabularEnvironment(p.Mdp, seed: 6);
        env.Reset();
        Play(env, p.Policy, new Rng(7), 3);
        var snapshot = env.Snapshot();
        var policyRng = new Rng(8);

        var first = Play(env, p.Policy, policyRng.Clone(), 200);
        env.Restore(snapshot);
        var again = Play(env, p.Policy, policyRng.Clone(), 200);
        var elsewhere = new TabularEnvironment(p.Mdp, seed: 999);
        elsewhere.Restore(snapshot);
        var inAnotherInstance = Play(elsewhere, p.Policy, policyRng.Clone(), 200);

        Assert.Equal(first, again);
        Assert.Equal(first, inAnotherInstance);
        Assert.Contains(first, x => x.Terminated); // the replay crossed episode boundaries
    }

    [Fact]
    public void Reseed_ChangesTheStream_ButNotTheState()
    {
        var p = Gridworld.Create();
        var a = new TabularEnvironment(p.Mdp, seed: 10);
        var b = new TabularEnvironment(p.Mdp, seed: 10);
        a.Reset();
        b.Reset();
        b.Reseed(11);
        Assert.Equal(a.State, b.State);
        Assert.NotEqual(Play(a, p.Policy, new Rng(12), 100), Play(b, p.Policy, new Rng(12), 100));
    }

    [Fact]
    public void ResetWithSeed_IsReproducible()
    {
        var p = RandomWalk.Create();
        var env = new TabularEnvironment(p.Mdp, seed: 0);
        env.Reset(seed: 13);
        var first = Play(env, p.Policy, new Rng(14), 100);
        Play(env, p.Policy, new Rng(15), 17);
        env.Reset(seed: 13);
        Assert.Equal(first, Play(env, p.Policy, new Rng(14), 100));
    }

    [Fact]
    public void EnteringATerminalState_Terminates_WithTheTransitionsReward()
    {
        var env = new TabularEnvironment(RandomWalk.Create(nonTerminalStates: 1, slip: 0.0).Mdp, seed: 1);
        Assert.Equal(1, env.ResetTo(1));
        Assert.Equal(new StepResult<int>(2, 1.0, Terminated: true, Truncated: false), env.Step(RandomWalk.Right));
        Assert.True(env.Terminated);
    }

    [Fact]
    public void Step_BeforeResetOrAfterTermination_IsInvalid()
    {
        var env = new TabularEnvironment(RandomWalk.Create(nonTerminalStates: 1, slip: 0.0).Mdp, seed: 1);
        Assert.Throws<InvalidOperationException>(() => env.Step(0));
        Assert.Throws<InvalidOperationException>(() => env.State);
        env.ResetTo(1);
        env.Step(RandomWalk.Left);
        var e = Assert.Throws<InvalidOperationException>(() => env.Step(0));
        Assert.Contains("Reset", e.Message);
    }

    [Fact]
    public void BadArguments_AreRejectedNamingTheParameter()
    {
        var p = RandomWalk.Create();
        var env = new TabularEnvironment(p.Mdp, seed: 1);
        Assert.Equal("state", Assert.ThrowsAny<ArgumentException>(() => env.ResetTo(0)).ParamName); // terminal
        Assert.Equal("state", Assert.ThrowsAny<ArgumentException>(() => env.ResetTo(7)).ParamName); // out of range
        env.Reset();
        Assert.Equal("action", Assert.ThrowsAny<ArgumentException>(() => env.Step(2)).ParamName);
        Assert.Equal("snapshot", Assert.ThrowsAny<ArgumentException>(() => env.Restore(new ForeignTabularSnapshot())).ParamName);
        var otherMdp = new TabularEnvironment(RandomWalk.Create().Mdp, seed: 1);
        Assert.Equal("snapshot", Assert.ThrowsAny<ArgumentException>(() => env.Restore(otherMdp.Snapshot())).ParamName);
        Assert.Equal("mdp", Assert.ThrowsAny<ArgumentException>(() => new TabularEnvironment(null!, seed: 1)).ParamName);
    }

    private sealed record ForeignTabularSnapshot : EnvironmentSnapshot;
}
