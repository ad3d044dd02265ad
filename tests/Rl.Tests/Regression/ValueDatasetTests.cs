using Rl.Environments;
using Rl.Regression;

namespace Rl.Tests.Regression;

public class ValueDatasetTests
{
    // tau = (s_0 = 10, r = 1, s_1 = 11, r = 2, s_2 = 12, r = 4, s_3 = 13)
    private static Trajectory<int, int> Tau(bool terminated) => new([10, 11, 12, 13], [0, 0, 0], [1.0, 2.0, 4.0], terminated, !terminated);

    [Fact]
    public void TargetsOfATerminatedTrajectory_AreDiscountedRewardsToGo_IgnoringTheBootstrap()
    {
        var data = ValueDataset.FromTrajectories([Tau(terminated: true)], gamma: 0.5, bootstrapValue: _ => 100.0);
        Assert.Equal([10, 11, 12], data.States);
        // y_2 = 4; y_1 = 2 + 0.5 * 4 = 4; y_0 = 1 + 0.5 * 4 = 3
        Assert.Equal([3.0, 4.0, 4.0], data.Targets);
    }

    [Fact]
    public void TargetsOfATruncatedTrajectory_BootstrapFromTheLastState()
    {
        var data = ValueDataset.FromTrajectories([Tau(terminated: false)], gamma: 0.5, bootstrapValue: s => s == 13 ? 8.0 : double.NaN);
        // y_2 = 4 + 0.5 * 8 = 8; y_1 = 2 + 0.5 * 8 = 6; y_0 = 1 + 0.5 * 6 = 4
        Assert.Equal([4.0, 6.0, 8.0], data.Targets);
    }

    [Fact]
    public void TruncatedTrajectory_WithoutBootstrap_UsesZero()
    {
        var withoutBootstrap = ValueDataset.FromTrajectories([Tau(terminated: false)], gamma: 0.5);
        Assert.Equal(ValueDataset.FromTrajectories([Tau(terminated: true)], gamma: 0.5).Targets, withoutBootstrap.Targets);
    }

    [Fact]
    public void Trajectories_AreConcatenatedInOrder()
    {
        var single = ValueDataset.FromTrajectories([Tau(true)], gamma: 1.0);
        var empty = new Trajectory<int, int>([5], [], [], terminated: true, truncated: false); // no steps: no pairs
        var data = ValueDataset.FromTrajectories([Tau(true), empty, Tau(true)], gamma: 1.0);
        Assert.Equal(6, data.Count);
        Assert.Equal(single.Targets.Concat(single.Targets), data.Targets);
        Assert.Equal(single.States.Concat(single.States), data.States);
    }

    [Fact]
    public void NonFiniteTargets_AreRejectedNamingTargets()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => new ValueDataset<int>([0, 1], [1.0, double.NaN]));
        Assert.Equal("targets", e.ParamName);
    }

    [Fact]
    public void BadArguments_AreRejectedNamingTheParameter()
    {
        Assert.Equal("targets", Assert.ThrowsAny<ArgumentException>(() => new ValueDataset<int>([0, 1], [1.0])).ParamName);
        Assert.Equal("gamma", Assert.ThrowsAny<ArgumentException>(() => ValueDataset.FromTrajectories([Tau(true)], gamma: 1.5)).ParamName);
        Assert.Equal("observations", Assert.ThrowsAny<ArgumentException>(
            () => new Trajectory<int, int>([0, 1], [0, 0], [1.0, 1.0], terminated: true, truncated: false)).ParamName);
        Assert.Equal("bootstrapValue", Assert.ThrowsAny<ArgumentException>(
            () => ValueDataset.FromTrajectories([Tau(terminated: false)], 1.0, _ => double.NaN)).ParamName);
    }
}
