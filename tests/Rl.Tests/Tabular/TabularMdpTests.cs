using Rl.Tabular;

namespace Rl.Tests.Tabular;

public class TabularMdpTests
{
    // Two states (1 terminal), one action: 0 -> 0 or 1 with 1/2 each, reward 2 on reaching 1.
    private static double[,,] P() => new double[,,] { { { 0.5, 0.5 } }, { { 0.0, 1.0 } } };
    private static double[,,] R() => new double[,,] { { { 0.0, 2.0 } }, { { 0.0, 0.0 } } };

    private static string ParamOf(Action construct) => Assert.ThrowsAny<ArgumentException>(construct).ParamName!;

    [Fact]
    public void Accessors_ReturnWhatWasGiven()
    {
        var mdp = new TabularMdp(P(), R(), [1], [1.0, 0.0], ["a", "b"]);
        Assert.Equal(2, mdp.StateCount);
        Assert.Equal(1, mdp.ActionCount);
        Assert.Equal(0.5, mdp.Transition(0, 0, 1));
        Assert.Equal(2.0, mdp.Reward(0, 0, 1));
        Assert.Equal([0.5, 0.5], mdp.NextStateDistribution(0, 0).ToArray());
        Assert.Equal(1.0, mdp.ExpectedReward(0, 0)); // 0.5 * 0 + 0.5 * 2
        Assert.False(mdp.IsTerminal(0));
        Assert.True(mdp.IsTerminal(1));
        Assert.Equal(["a", "b"], mdp.StateLabels);
        Assert.Equal(["0", "1"], new TabularMdp(P(), R(), [1], [1.0, 0.0]).StateLabels);
    }

    [Fact]
    public void InputArrays_AreCopied()
    {
        var p = P();
        var mdp = new TabularMdp(p, R(), [1], [1.0, 0.0]);
        p[0, 0, 0] = 7;
        Assert.Equal(0.5, mdp.Transition(0, 0, 0));
    }

    [Fact]
    public void NegativeProbability_IsRejectedNamingTransitions()
    {
        var p = P();
        (p[0, 0, 0], p[0, 0, 1]) = (-0.5, 1.5);
        Assert.Equal("transitions", ParamOf(() => new TabularMdp(p, R(), [1], [1.0, 0.0])));
    }

    [Fact]
    public void RowNotSummingToOne_IsRejectedNamingTransitions_ButRoundingIsTolerated()
    {
        var p = P();
        p[0, 0, 1] = 0.5 + 1e-10;
        var e = Assert.ThrowsAny<ArgumentException>(() => new TabularMdp(p, R(), [1], [1.0, 0.0]));
        Assert.Equal("transitions", e.ParamName);
        Assert.Contains("transitions[0, 0, :]", e.Message);
        p[0, 0, 1] = 0.5 + 1e-14;
        _ = new TabularMdp(p, R(), [1], [1.0, 0.0]);
    }

    [Fact]
    public void NonSquareTransitions_AreRejectedNamingTransitions()
    {
        Assert.Equal("transitions", ParamOf(() => new TabularMdp(new double[2, 1, 3], new double[2, 1, 3], [1], [1.0, 0.0])));
        Assert.Equal("transitions", ParamOf(() => new TabularMdp(new double[0, 1, 0], new double[0, 1, 0], [], [])));
    }

    [Fact]
    public void RewardsOfAnotherShape_OrNotFinite_AreRejectedNamingRewards()
    {
        Assert.Equal("rewards", ParamOf(() => new TabularMdp(P(), new double[2, 2, 2], [1], [1.0, 0.0])));
        var r = R();
        r[0, 0, 1] = double.PositiveInfinity;
        Assert.Equal("rewards", ParamOf(() => new TabularMdp(P(), r, [1], [1.0, 0.0])));
    }

    [Fact]
    public void TerminalStateOutOfRange_IsRejectedNamingTerminalStates()
    {
        Assert.Equal("terminalStates", ParamOf(() => new TabularMdp(P(), R(), [2], [1.0, 0.0])));
    }

    [Fact]
    public void BadStartDistribution_IsRejectedNamingIt()
    {
        Assert.Equal("startDistribution", ParamOf(() => new TabularMdp(P(), R(), [1], [1.0])));
        Assert.Equal("startDistribution", ParamOf(() => new TabularMdp(P(), R(), [1], [0.7, 0.0])));
        Assert.Equal("startDistribution", ParamOf(() => new TabularMdp(P(), R(), [1], [0.5, 0.5]))); // mass on a terminal state
    }

    [Fact]
    public void WrongNumberOfLabels_IsRejectedNamingStateLabels()
    {
        Assert.Equal("stateLabels", ParamOf(() => new TabularMdp(P(), R(), [1], [1.0, 0.0], ["only one"])));
    }

    [Fact]
    public void IndicesOutOfRange_AreRejectedNamingThem()
    {
        var mdp = new TabularMdp(P(), R(), [1], [1.0, 0.0]);
        Assert.Equal("state", ParamOf(() => mdp.Transition(2, 0, 0)));
        Assert.Equal("action", ParamOf(() => mdp.Reward(0, 1, 0)));
        Assert.Equal("next", ParamOf(() => mdp.Transition(0, 0, -1)));
    }
}
