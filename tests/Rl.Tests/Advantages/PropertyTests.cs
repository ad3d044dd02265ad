using CsCheck;
using Rl.Advantages;
using static Rl.Tests.Advantages.RandomTrajectories;

namespace Rl.Tests.Advantages;

/// <summary>Identities of the lecture checked on random trajectories.</summary>
public class PropertyTests
{
    [Fact]
    public void Gae_Recursion_EqualsTheDefinition() =>
        Trajectory.Sample(t =>
            AssertClose(Gae.ByDefinition(t.Rewards, t.Values, t.Gamma, t.Lambda),
                        Gae.Compute(t.Rewards, t.Values, t.Gamma, t.Lambda), t.Rewards, t.Values, "recursion vs definition"),
            iter: Iterations);

    [Fact]
    public void Gae_IsTheGammaLambdaDiscountedSumOfBellmanErrors() =>
        Trajectory.Sample(t =>
        {
            double[] errors = BellmanErrors.Compute(t.Rewards, t.Values, t.Gamma);
            double[] expected = DiscountedSuffixSums(errors, t.Gamma * t.Lambda, errors.Length);
            AssertClose(expected, Gae.Compute(t.Rewards, t.Values, t.Gamma, t.Lambda), t.Rewards, t.Values, "sum (gamma lambda)^l BE");
        }, iter: Iterations);

    [Fact]
    public void NStep_IsTheDiscountedSumOfKBellmanErrors() =>
        Trajectory.SelectMany(t => Gen.Int[1, 70].Select(k => (t, k))).Sample(x =>
        {
            var (t, k) = x;
            double[] errors = BellmanErrors.Compute(t.Rewards, t.Values, t.Gamma);
            AssertClose(DiscountedSuffixSums(errors, t.Gamma, k), NStep.Compute(t.Rewards, t.Values, t.Gamma, k),
                t.Rewards, t.Values, $"A^({k}) vs sum of {k} Bellman errors");
        }, iter: Iterations);

    [Fact]
    public void Gae_LambdaZero_IsAOne_AndLambdaOne_IsAInfinity() =>
        Trajectory.Sample(t =>
        {
            int horizon = t.Rewards.Length;
            Assert.Equal(NStep.Compute(t.Rewards, t.Values, t.Gamma, 1), Gae.Compute(t.Rewards, t.Values, t.Gamma, 0.0),
                (a, b) => Math.Abs(a - b) <= 1e-12 * (1 + Math.Abs(a)));
            AssertClose(NStep.Compute(t.Rewards, t.Values, t.Gamma, horizon), Gae.Compute(t.Rewards, t.Values, t.Gamma, 1.0),
                t.Rewards, t.Values, "lambda = 1 vs A^(inf)");
            AssertClose(NStep.Compute(t.Rewards, t.Values, t.Gamma, horizon), Gae.ByDefinition(t.Rewards, t.Values, t.Gamma, 1.0),
                t.Rewards, t.Values, "definition at lambda = 1 vs A^(inf)");
        }, iter: Iterations);

    [Fact]
    public void AInfinity_IsTheMonteCarloReturnMinusV() =>
        Trajectory.Sample(t =>
        {
            double[] returns = MonteCarloReturns.Compute(t.Rewards, t.Values[^1], t.Gamma);
            double[] expected = returns.Select((y, h) => y - t.Values[h]).ToArray();
            AssertClose(expected, NStep.Compute(t.Rewards, t.Values, t.Gamma, int.MaxValue), t.Rewards, t.Values, "A^(inf) vs return - V");
        }, iter: Iterations);

    [Fact]
    public void ValueTargets_AreAdvantagesPlusValues() =>
        Trajectory.Sample(t =>
        {
            double[] advantages = Gae.Compute(t.Rewards, t.Values, t.Gamma, t.Lambda);
            double[] targets = ValueTargets.Compute(advantages, t.Values);
            for (int h = 0; h < advantages.Length; h++) Assert.Equal(advantages[h] + t.Values[h], targets[h]);
        }, iter: Iterations);

    /// <summary>sum_{l=0}^{min(k, H-h)-1} discount^l x_{h+l}, the plain double loop.</summary>
    private static double[] DiscountedSuffixSums(double[] x, double discount, int k)
    {
        var sums = new double[x.Length];
        for (int h = 0; h < x.Length; h++)
        {
            double power = 1.0;
            for (int l = 0; l < k && h + l < x.Length; l++)
            {
                sums[h] += power * x[h + l];
                power *= discount;
            }
        }
        return sums;
    }
}
