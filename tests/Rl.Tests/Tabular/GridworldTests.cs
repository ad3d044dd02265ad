using Rl.Tabular;

namespace Rl.Tests.Tabular;

public class GridworldTests
{
    private static int StateAt(TabularMdp mdp, int row, int column) => mdp.StateLabels.ToList().IndexOf($"({row},{column})");

    [Fact]
    public void DefaultLayout_HasFifteenStates_WithGoalAndPitTerminal()
    {
        var mdp = Gridworld.Create().Mdp;
        Assert.Equal(15, mdp.StateCount); // 16 cells minus the wall
        Assert.Equal(4, mdp.ActionCount);
        Assert.Equal(-1, StateAt(mdp, 1, 1)); // the wall is not a state
        Assert.True(mdp.IsTerminal(StateAt(mdp, 3, 3)));
        Assert.True(mdp.IsTerminal(StateAt(mdp, 1, 2)));
        Assert.Equal(2, Enumerable.Range(0, mdp.StateCount).Count(mdp.IsTerminal));
        Assert.Equal(1.0, mdp.StartDistribution[StateAt(mdp, 0, 0)]);
    }

    [Fact]
    public void Moves_GoTheIntendedWayWithPointEight_AndSidewaysWithPointOneEach()
    {
        // From the top-left corner: right is intended (0.8); up bumps the edge and stays (0.1); down (0.1).
        var mdp = Gridworld.Create().Mdp;
        int corner = StateAt(mdp, 0, 0);
        Assert.Equal(0.8, mdp.Transition(corner, Gridworld.Right, StateAt(mdp, 0, 1)), 1e-15);
        Assert.Equal(0.1, mdp.Transition(corner, Gridworld.Right, corner), 1e-15);
        Assert.Equal(0.1, mdp.Transition(corner, Gridworld.Right, StateAt(mdp, 1, 0)), 1e-15);
        // Up from the corner: 0.8 into the edge and 0.1 left into the edge stay; 0.1 goes right.
        Assert.Equal(0.9, mdp.Transition(corner, Gridworld.Up, corner), 1e-15);
        Assert.Equal(0.1, mdp.Transition(corner, Gridworld.Up, StateAt(mdp, 0, 1)), 1e-15);
    }

    [Fact]
    public void WallsKeepTheAgentInPlace()
    {
        // (1,0) moving right hits the wall at (1,1).
        var mdp = Gridworld.Create().Mdp;
        int s = StateAt(mdp, 1, 0);
        Assert.Equal(0.8, mdp.Transition(s, Gridworld.Right, s), 1e-15);
        Assert.Equal(0.1, mdp.Transition(s, Gridworld.Right, StateAt(mdp, 0, 0)), 1e-15);
        Assert.Equal(0.1, mdp.Transition(s, Gridworld.Right, StateAt(mdp, 2, 0)), 1e-15);
    }

    [Fact]
    public void Rewards_ArePlusOneGoal_MinusOnePit_StepRewardOtherwise()
    {
        var mdp = Gridworld.Create(stepReward: -0.04).Mdp;
        Assert.Equal(1.0, mdp.Reward(StateAt(mdp, 3, 2), Gridworld.Right, StateAt(mdp, 3, 3)));
        Assert.Equal(-1.0, mdp.Reward(StateAt(mdp, 0, 2), Gridworld.Down, StateAt(mdp, 1, 2)));
        Assert.Equal(-0.04, mdp.Reward(StateAt(mdp, 0, 0), Gridworld.Right, StateAt(mdp, 0, 1)));
        Assert.Equal(-0.04, mdp.Reward(StateAt(mdp, 0, 0), Gridworld.Up, StateAt(mdp, 0, 0)));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.9)]
    public void OneCellFromTheGoal_ValueIsAGeometricSeries(double gamma)
    {
        // Layout "SG": each step reaches G with p = sum_a pi(a) P(G | S, a)
        // = 0.1 * 0.1 (up, slips right) + 0.4 * 0.8 (right) + 0.4 * 0.1 (down, slips right) + 0.1 * 0 = 0.37,
        // else stays and pays the step reward c. So V = p + (1 - p)(c + gamma V),
        // V = (p + (1 - p) c) / (1 - gamma (1 - p)).
        const double p = 0.37, c = -0.04;
        var world = Gridworld.Create(["SG"], slip: 0.2, stepReward: c);
        var v = PolicyEvaluation.Exact(world.Mdp, world.Policy, gamma).V;
        Assert.Equal((p + (1 - p) * c) / (1 - gamma * (1 - p)), v[0], 1e-12);
    }

    [Fact]
    public void AdvantagesDifferAcrossActions_InEveryNonTerminalState()
    {
        var p = Gridworld.Create();
        var a = PolicyEvaluation.Exact(p.Mdp, p.Policy, gamma: 0.95).A;
        for (int s = 0; s < p.Mdp.StateCount; s++)
        {
            if (p.Mdp.IsTerminal(s)) continue;
            var row = Enumerable.Range(0, 4).Select(action => a[s, action]).ToArray();
            Assert.True(row.Max() - row.Min() > 0.01, $"state {p.Mdp.StateLabels[s]}: {string.Join(", ", row)}");
        }
    }

    [Fact]
    public void Policy_LeansRightAndDown()
    {
        var pi = Gridworld.Create().Policy;
        Assert.Equal([0.1, 0.4, 0.4, 0.1], pi.ActionDistribution(0).ToArray());
    }

    [Theory]
    [InlineData("")]          // no cells
    [InlineData("S..|..")]    // ragged
    [InlineData("S.X")]       // unknown cell
    [InlineData("..G")]       // no start
    [InlineData("S.S")]       // two starts
    public void MalformedLayouts_AreRejectedNamingLayout(string rows)
    {
        Assert.Equal("layout", Assert.ThrowsAny<ArgumentException>(() => Gridworld.Create(rows.Split('|'))).ParamName);
    }

    [Fact]
    public void EmptyLayout_IsRejectedNamingLayout()
    {
        Assert.Equal("layout", Assert.ThrowsAny<ArgumentException>(() => Gridworld.Create([])).ParamName);
    }

    [Fact]
    public void BadParameters_AreRejectedNamingThem()
    {
        Assert.Equal("slip", Assert.ThrowsAny<ArgumentException>(() => Gridworld.Create(slip: 2)).ParamName);
        Assert.Equal("stepReward", Assert.ThrowsAny<ArgumentException>(() => Gridworld.Create(stepReward: double.NaN)).ParamName);
    }
}
