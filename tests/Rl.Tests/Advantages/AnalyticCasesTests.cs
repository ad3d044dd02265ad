using Rl.Advantages;

namespace Rl.Tests.Advantages;

/// <summary>Closed forms worked out by hand, and the limits the lecture states.</summary>
public class AnalyticCasesTests
{
    // A three-step trajectory: r = (1, 2, 3), V(s_0..s_3) = (0.5, 1, 1.5, 2), gamma = 0.9.
    private static readonly double[] Rewards = [1.0, 2.0, 3.0];
    private static readonly double[] Values = [0.5, 1.0, 1.5, 2.0];
    private const double Gamma = 0.9;

    // BE_0 = 1 + 0.9*1   - 0.5 = 1.4
    // BE_1 = 2 + 0.9*1.5 - 1   = 2.35
    // BE_2 = 3 + 0.9*2   - 1.5 = 3.3
    private static readonly double[] HandBellmanErrors = [1.4, 2.35, 3.3];

    [Fact]
    public void BellmanErrors_MatchHandComputedValues() =>
        AssertAll(HandBellmanErrors, BellmanErrors.Compute(Rewards, Values, Gamma), 1e-15);

    [Fact]
    public void NStep_TwoSteps_MatchesHandComputedValues()
    {
        // A^(2)_0 = 1 + 0.9*2 + 0.81*1.5 - 0.5 = 3.515
        // A^(2)_1 = 2 + 0.9*3 + 0.81*2   - 1   = 5.32
        // A^(2)_2 = 3 + 0.9*2 - 1.5 = 3.3   (one step left: uses what is left)
        AssertAll([3.515, 5.32, 3.3], NStep.Compute(Rewards, Values, Gamma, k: 2), 1e-14);
    }

    [Fact]
    public void Gae_MatchesHandComputedValues()
    {
        // gamma lambda = 0.9 * 0.5 = 0.45
        // A_2 = 3.3
        // A_1 = 2.35 + 0.45*3.3   = 3.835
        // A_0 = 1.4  + 0.45*3.835 = 3.12575
        double[] expected = [3.12575, 3.835, 3.3];
        AssertAll(expected, Gae.Compute(Rewards, Values, Gamma, 0.5), 1e-14);
        AssertAll(expected, Gae.ByDefinition(Rewards, Values, Gamma, 0.5), 1e-14);
    }

    [Fact]
    public void Gae_ByDefinition_WeighsTheNStepEstimatorsAsTheLectureSays()
    {
        // Finite-horizon form at h = 0 with H = 3: (1-l) A^(1) + (1-l) l A^(2) + l^2 A^(3).
        double lambda = 0.5;
        double a1 = NStep.Compute(Rewards, Values, Gamma, 1)[0];
        double a2 = NStep.Compute(Rewards, Values, Gamma, 2)[0];
        double a3 = NStep.Compute(Rewards, Values, Gamma, 3)[0];
        double expected = (1 - lambda) * a1 + (1 - lambda) * lambda * a2 + lambda * lambda * a3;
        Assert.Equal(expected, Gae.ByDefinition(Rewards, Values, Gamma, lambda)[0], 1e-14);
    }

    [Fact]
    public void MonteCarloReturns_MatchHandComputedValues()
    {
        // y_2 = 3 + 0.9*2 = 4.8; y_1 = 2 + 0.9*4.8 = 6.32; y_0 = 1 + 0.9*6.32 = 6.688
        AssertAll([6.688, 6.32, 4.8], MonteCarloReturns.Compute(Rewards, bootstrapValue: 2.0, Gamma), 1e-14);
    }

    [Fact]
    public void Gae_WithZeroValuesAndGammaLambdaOne_IsRewardToGo()
    {
        double[] zeros = new double[Rewards.Length + 1];
        AssertAll([6.0, 5.0, 3.0], Gae.Compute(Rewards, zeros, gamma: 1.0, lambda: 1.0), 0.0);
    }

    [Fact]
    public void Gae_LambdaZero_IsExactlyTheBellmanErrors() =>
        Assert.Equal(BellmanErrors.Compute(Rewards, Values, Gamma), Gae.Compute(Rewards, Values, Gamma, lambda: 0.0));

    [Fact]
    public void Gae_LambdaOne_IsTheReturnMinusV()
    {
        double[] returns = MonteCarloReturns.Compute(Rewards, Values[^1], Gamma);
        double[] expected = returns.Select((y, h) => y - Values[h]).ToArray();
        AssertAll(expected, Gae.Compute(Rewards, Values, Gamma, lambda: 1.0), 1e-14);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(int.MaxValue)]
    public void NStep_WithKPastTheEnd_IsAInfinity(int k)
    {
        double[] returns = MonteCarloReturns.Compute(Rewards, Values[^1], Gamma);
        double[] expected = returns.Select((y, h) => y - Values[h]).ToArray();
        AssertAll(expected, NStep.Compute(Rewards, Values, Gamma, k), 1e-14);
    }

    [Fact]
    public void ValueTargets_WithLambdaOne_AreTheMonteCarloReturns()
    {
        double[] advantages = Gae.Compute(Rewards, Values, Gamma, lambda: 1.0);
        AssertAll(MonteCarloReturns.Compute(Rewards, Values[^1], Gamma), ValueTargets.Compute(advantages, Values), 1e-14);
    }

    [Fact]
    public void ValueTargets_WithLambdaZero_AreOneStepTargets()
    {
        double[] advantages = Gae.Compute(Rewards, Values, Gamma, lambda: 0.0);
        // r_h + gamma V(s_{h+1}) = 1.9, 3.35, 4.8
        AssertAll([1.9, 3.35, 4.8], ValueTargets.Compute(advantages, Values.AsSpan(0, 3)), 1e-14);
    }

    [Fact]
    public void Termination_DoesNotBootstrap_Truncation_Does()
    {
        // The same two steps, ending in a state the critic values at 10.
        var terminated = new Rl.Environments.Trajectory<int, int>([0, 1, 2], [0, 0], [1.0, 1.0], terminated: true, truncated: false);
        var truncated = terminated with { Terminated = false, Truncated = true };
        Func<int, double> critic = s => s == 2 ? 10.0 : 0.0;
        // Terminated: A_1 = 1 + 0 - 0; truncated: A_1 = 1 + 1 * 10 - 0.
        Assert.Equal(1.0, Gae.Compute(terminated.Rewards, terminated.Values(critic), 1.0, 1.0)[1]);
        Assert.Equal(11.0, Gae.Compute(truncated.Rewards, truncated.Values(critic), 1.0, 1.0)[1]);
    }

    private static void AssertAll(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"entry {i}: expected {expected[i]:R}, got {actual[i]:R}");
    }
}
