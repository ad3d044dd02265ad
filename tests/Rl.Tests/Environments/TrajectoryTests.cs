using Rl.Environments;

namespace Rl.Tests.Environments;

public class TrajectoryTests
{
    private static Trajectory<int, int> Make(bool terminated, bool truncated) =>
        new([10, 20, 30], [0, 0], [1.0, 2.0], terminated, truncated);

    [Fact]
    public void Values_OfATerminatedTrajectory_ZeroTheLastState()
    {
        Assert.Equal([11.0, 21.0, 0.0], Make(terminated: true, truncated: false).Values(s => s + 1.0));
    }

    [Fact]
    public void Values_OfATruncatedTrajectory_KeepTheLastStatesValue()
    {
        Assert.Equal([11.0, 21.0, 31.0], Make(terminated: false, truncated: true).Values(s => s + 1.0));
    }

    [Fact]
    public void Length_IsTheNumberOfRewards()
    {
        Assert.Equal(2, Make(terminated: true, truncated: false).Length);
    }
}
