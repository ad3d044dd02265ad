using Rl.Environments;

namespace Rl.Tests.Environments;

public class TimeLimitTests
{
    [Fact]
    public void Truncated_IsSetExactlyAtMaxSteps()
    {
        var env = new TimeLimit<int, int>(new CountingEnvironment(terminalPosition: 1000, seed: 1), maxSteps: 4);
        env.Reset(seed: 1);
        var flags = Enumerable.Range(0, 4).Select(_ => env.Step(1).Truncated).ToArray();
        Assert.Equal([false, false, false, true], flags);
        Assert.Equal(4, env.ElapsedSteps);
    }

    [Fact]
    public void Reset_RestartsTheClock()
    {
        var env = new TimeLimit<int, int>(new CountingEnvironment(1000, 1), maxSteps: 3);
        env.Reset(seed: 1);
        env.Step(1);
        env.Step(1);
        env.Reset();
        Assert.Equal(0, env.ElapsedSteps);
        Assert.False(env.Step(1).Truncated);
        Assert.False(env.Step(1).Truncated);
        Assert.True(env.Step(1).Truncated);
        env.Reset(seed: 2);
        Assert.Equal(0, env.ElapsedSteps);
    }

    [Fact]
    public void TerminationAtTheLimit_KeepsTerminated_AndAddsTruncated()
    {
        var env = new TimeLimit<int, int>(new CountingEnvironment(terminalPosition: 2, seed: 1), maxSteps: 2);
        env.Reset();
        Assert.False(env.Step(1).Done);
        var last = env.Step(1);
        Assert.True(last.Terminated);
        Assert.True(last.Truncated);
    }

    [Fact]
    public void SnapshotRestore_BringsBackTheClock_AndTheInnerState()
    {
        var env = new TimeLimit<int, int>(new CountingEnvironment(1000, 1), maxSteps: 5);
        env.Reset(seed: 3);
        env.Step(2);
        var snapshot = env.Snapshot();
        var first = Enumerable.Range(0, 4).Select(_ => env.Step(1)).ToArray();
        env.Restore(snapshot);
        Assert.Equal(1, env.ElapsedSteps);
        var second = Enumerable.Range(0, 4).Select(_ => env.Step(1)).ToArray();
        Assert.Equal(first, second); // same positions, rewards (same generator state) and truncation step
        Assert.True(second[^1].Truncated);
    }

    [Fact]
    public void Reseed_ReachesTheInnerGenerator()
    {
        var a = new TimeLimit<int, int>(new CountingEnvironment(1000, 1), maxSteps: 10);
        var b = new TimeLimit<int, int>(new CountingEnvironment(1000, 1), maxSteps: 10);
        a.Reset(seed: 4);
        b.Reset(seed: 4);
        b.Reseed(5);
        Assert.NotEqual(a.Step(1).Reward, b.Step(1).Reward);
    }

    [Fact]
    public void Restore_OfAForeignSnapshot_IsRejectedNamingSnapshot()
    {
        var env = new TimeLimit<int, int>(new CountingEnvironment(1000, 1), maxSteps: 10);
        var e = Assert.ThrowsAny<ArgumentException>(() => env.Restore(new ForeignSnapshot()));
        Assert.Equal("snapshot", e.ParamName);
    }

    [Fact]
    public void Construction_RejectsANonPositiveLimit()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => new TimeLimit<int, int>(new CountingEnvironment(1, 1), maxSteps: 0));
        Assert.Equal("maxSteps", e.ParamName);
    }
}
