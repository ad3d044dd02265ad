using Rl.Tabular;

namespace Rl.Tests.Tabular;

/// <summary>The random walk's exact values against closed forms derived by hand (see each test).</summary>
public class RandomWalkTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(19)]
    public void SymmetricUndiscountedWalk_HasValueIOverNPlusOne(int n)
    {
        // q = 1/2 and gamma = 1: V(i) = (V(i-1) + V(i+1)) / 2 with V(0) = 0 and "V(n+1)" = 1 (the +1
        // reward) is linear in i: V(i) = i / (n + 1).
        var p = RandomWalk.Create(n, slip: 0.0, rightProbability: 0.5);
        var v = PolicyEvaluation.Exact(p.Mdp, p.Policy, gamma: 1.0).V;
        for (int i = 1; i <= n; i++) Assert.Equal(i / (n + 1.0), v[i], 1e-12);
        Assert.Equal(0.0, v[0]);
        Assert.Equal(0.0, v[n + 1]);
    }

    [Theory]
    [InlineData(5, 0.1, 0.6)]
    [InlineData(7, 0.25, 0.9)]
    [InlineData(4, 0.0, 0.3)]
    public void UndiscountedWalk_IsGamblersRuin(int n, double slip, double rightProbability)
    {
        // Each step goes right with q = pi(R)(1 - slip) + (1 - pi(R)) slip. With gamma = 1, V(i) is
        // the probability of leaving on the right, V(i) = q V(i+1) + (1 - q) V(i-1), V(0) = 0,
        // "V(n+1)" = 1; with rho = (1 - q)/q the solution is (1 - rho^i) / (1 - rho^(n+1)).
        double q = rightProbability * (1 - slip) + (1 - rightProbability) * slip;
        double rho = (1 - q) / q;
        var p = RandomWalk.Create(n, slip, rightProbability);
        var v = PolicyEvaluation.Exact(p.Mdp, p.Policy, gamma: 1.0).V;
        for (int i = 1; i <= n; i++) Assert.Equal((1 - Math.Pow(rho, i)) / (1 - Math.Pow(rho, n + 1)), v[i], 1e-12);
    }

    [Theory]
    [InlineData(5, 0.1, 0.6, 0.9)]
    [InlineData(5, 0.0, 0.5, 0.5)]
    [InlineData(9, 0.2, 0.7, 0.99)]
    public void DiscountedWalk_SolvesTheSecondOrderRecurrence(int n, double slip, double rightProbability, double gamma)
    {
        // With W(i) = V(i) for 1 <= i <= n, W(0) = 0 and W(n+1) = 1/gamma (so gamma W(n+1) is the +1
        // reward), the Bellman equation reads W(i) = gamma [q W(i+1) + (1 - q) W(i-1)]. Its
        // characteristic equation gamma q x^2 - x + gamma (1 - q) = 0 has roots
        // x = (1 +- sqrt(1 - 4 gamma^2 q (1 - q))) / (2 gamma q), and W(0) = 0 leaves
        // W(i) = (x1^i - x2^i) / (gamma (x1^(n+1) - x2^(n+1))).
        double q = rightProbability * (1 - slip) + (1 - rightProbability) * slip;
        double root = Math.Sqrt(1 - 4 * gamma * gamma * q * (1 - q));
        double x1 = (1 + root) / (2 * gamma * q), x2 = (1 - root) / (2 * gamma * q);
        var p = RandomWalk.Create(n, slip, rightProbability);
        var v = PolicyEvaluation.Exact(p.Mdp, p.Policy, gamma).V;
        for (int i = 1; i <= n; i++)
        {
            double expected = (Math.Pow(x1, i) - Math.Pow(x2, i)) / (gamma * (Math.Pow(x1, n + 1) - Math.Pow(x2, n + 1)));
            Assert.Equal(expected, v[i], 1e-12);
        }
    }

    [Fact]
    public void AdvantageOfRight_IsPositive_AndOfLeft_Negative()
    {
        // Every state is closer to +1 by moving right, and pi mixes both actions, so A(s, right) > 0 > A(s, left).
        var p = RandomWalk.Create();
        var a = PolicyEvaluation.Exact(p.Mdp, p.Policy, gamma: 0.9).A;
        for (int s = 1; s <= 5; s++)
        {
            Assert.True(a[s, RandomWalk.Right] > 0, $"A({s}, right) = {a[s, RandomWalk.Right]}");
            Assert.True(a[s, RandomWalk.Left] < 0, $"A({s}, left) = {a[s, RandomWalk.Left]}");
        }
    }

    [Theory]
    [InlineData(5, new[] { 3 })]
    [InlineData(4, new[] { 2, 3 })]
    public void Episodes_StartInTheMiddle(int n, int[] middle)
    {
        var start = RandomWalk.Create(n).Mdp.StartDistribution.ToArray();
        for (int s = 0; s < start.Length; s++) Assert.Equal(middle.Contains(s) ? 1.0 / middle.Length : 0.0, start[s]);
    }

    [Fact]
    public void OnlyEnteringTheRightEnd_PaysOne()
    {
        var mdp = RandomWalk.Create(nonTerminalStates: 3, slip: 0.0).Mdp;
        Assert.Equal(1.0, mdp.Reward(3, RandomWalk.Right, 4));
        Assert.Equal(0.0, mdp.Reward(1, RandomWalk.Left, 0));
        Assert.Equal(0.0, mdp.Reward(2, RandomWalk.Right, 3));
        Assert.True(mdp.IsTerminal(0) && mdp.IsTerminal(4));
        Assert.Equal(["L", "1", "2", "3", "R"], mdp.StateLabels);
    }

    [Fact]
    public void BadArguments_AreRejected_NamingTheParameter()
    {
        Assert.Equal("nonTerminalStates", Assert.ThrowsAny<ArgumentException>(() => RandomWalk.Create(0)).ParamName);
        Assert.Equal("slip", Assert.ThrowsAny<ArgumentException>(() => RandomWalk.Create(slip: -0.1)).ParamName);
        Assert.Equal("rightProbability", Assert.ThrowsAny<ArgumentException>(() => RandomWalk.Create(rightProbability: 1.1)).ParamName);
    }
}
