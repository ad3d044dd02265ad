using Rl.Advantages;

namespace Rl.Tests.Advantages;

/// <summary>Every estimator rejects bad input with an ArgumentException that names the parameter and the rule.</summary>
public class BadInputTests
{
    public delegate double[] Estimator(double[] rewards, double[] values, double gamma, double lambda);

    /// <summary>An estimator under its name, which the test explorer shows.</summary>
    public sealed record Named(string Name, Estimator Estimate)
    {
        public override string ToString() => Name;
    }

    /// <summary>Every single-trajectory estimator, in the signature (rewards, values, gamma, lambda).</summary>
    public static TheoryData<Named> Estimators => new()
    {
        new Named("BellmanErrors", (r, v, g, _) => BellmanErrors.Compute(r, v, g)),
        new Named("NStep", (r, v, g, _) => NStep.Compute(r, v, g, 2)),
        new Named("Gae.Compute", (r, v, g, l) => Gae.Compute(r, v, g, l)),
        new Named("Gae.ByDefinition", (r, v, g, l) => Gae.ByDefinition(r, v, g, l)),
        new Named("MonteCarloReturns", (r, v, g, _) => MonteCarloReturns.Compute(r, v[^1], g)),
    };

    private static readonly double[] R = [1, 2, 3];
    private static readonly double[] V = [0, 1, 2, 3];

    [Theory, MemberData(nameof(Estimators))]
    public void ValuesOfTheWrongLength_AreRejected(Named estimator)
    {
        if (estimator.Name == "MonteCarloReturns") return; // takes the bootstrap value alone, not V(s_0..s_H)
        var e = Assert.ThrowsAny<ArgumentException>(() => estimator.Estimate(R, [0, 1, 2], 0.9, 0.9));
        Assert.Equal("values", e.ParamName);
        Assert.Contains("must have length 4", e.Message);
    }

    [Theory, MemberData(nameof(Estimators))]
    public void AnEmptyTrajectory_IsRejected(Named estimator)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => estimator.Estimate([], [0.0], 0.9, 0.9));
        Assert.Equal("rewards", e.ParamName);
        Assert.Contains("must not be empty", e.Message);
    }

    [Theory, MemberData(nameof(Estimators))]
    public void GammaOutsideTheUnitInterval_IsRejected(Named estimator)
    {
        foreach (double gamma in new[] { -0.1, 1.0000001, double.NaN, double.PositiveInfinity })
        {
            var e = Assert.ThrowsAny<ArgumentException>(() => estimator.Estimate(R, V, gamma, 0.9));
            Assert.Equal("gamma", e.ParamName);
            Assert.Contains("must be in [0, 1]", e.Message);
        }
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void LambdaOutsideTheUnitInterval_IsRejected(double lambda)
    {
        foreach (var estimate in new Estimator[] { (r, v, g, l) => Gae.Compute(r, v, g, l), (r, v, g, l) => Gae.ByDefinition(r, v, g, l), Batched })
        {
            var e = Assert.ThrowsAny<ArgumentException>(() => estimate(R, V, 0.9, lambda));
            Assert.Equal("lambda", e.ParamName);
        }
    }

    [Theory, MemberData(nameof(Estimators))]
    public void NaNOrInfinityInTheRewards_IsRejectedWithItsIndex(Named estimator)
    {
        foreach (double bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
        {
            var e = Assert.ThrowsAny<ArgumentException>(() => estimator.Estimate([1, bad, 3], V, 0.9, 0.9));
            Assert.Equal("rewards", e.ParamName);
            Assert.Contains("rewards[1]", e.Message);
        }
    }

    [Theory, MemberData(nameof(Estimators))]
    public void NaNOrInfinityInTheValues_IsRejected(Named estimator)
    {
        // The bootstrap value V(s_H) too, even with gamma = 0 where it is multiplied by zero.
        foreach (int index in new[] { 0, 3 })
        {
            double[] values = [0, 1, 2, 3];
            values[index] = double.NaN;
            if (estimator.Name == "MonteCarloReturns" && index != 3) continue; // only V(s_H) is an input there
            var e = Assert.ThrowsAny<ArgumentException>(() => estimator.Estimate(R, values, 0.0, 0.9));
            Assert.Contains(e.ParamName, new[] { "values", "bootstrapValue" });
        }
    }

    [Fact]
    public void NStep_WithKBelowOne_IsRejected()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => NStep.Compute(R, V, 0.9, 0));
        Assert.Equal("k", e.ParamName);
        Assert.Contains("at least 1", e.Message);
    }

    [Fact]
    public void AnOutputSpanOfTheWrongLength_IsRejected()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => Gae.Compute(R, V, 0.9, 0.9, new double[2]));
        Assert.Equal("advantages", e.ParamName);
    }

    [Fact]
    public void RewardsSoLargeTheAdvantageOverflows_AreReportedAsOverflow() =>
        Assert.Throws<OverflowException>(() => Gae.Compute([double.MaxValue, double.MaxValue], [0, 0, 0], 1.0, 1.0));

    [Fact]
    public void ValueTargets_RejectMismatchedLengths()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => ValueTargets.Compute([1, 2, 3], [1, 2]));
        Assert.Equal("values", e.ParamName);
    }

    [Fact]
    public void Batched_RejectsAShapeThatIsNotStepsTimesEnvs()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() =>
            BatchedGae.Compute([1, 2, 3], [0, 0, 0], new bool[3], new bool[3], new double[3], [0.0, 0.0], 0.9, 0.9));
        Assert.Equal("rewards", e.ParamName);
        Assert.Contains("not a multiple of N = 2", e.Message);

        e = Assert.ThrowsAny<ArgumentException>(() =>
            BatchedGae.Compute([1, 2], [0, 0], new bool[2], new bool[3], new double[2], [0.0], 0.9, 0.9));
        Assert.Equal("truncated", e.ParamName);

        e = Assert.ThrowsAny<ArgumentException>(() =>
            BatchedGae.Compute([1, 2], [0, 0], new bool[2], new bool[2], new double[2], [], 0.9, 0.9));
        Assert.Equal("lastValues", e.ParamName);
    }

    [Fact]
    public void Batched_NamesTheNonFiniteInputItRead()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() =>
            BatchedGae.Compute([1, 2], [0, double.NaN], new bool[2], new bool[2], new double[2], [0.0], 0.9, 0.9));
        Assert.Equal("values", e.ParamName);

        e = Assert.ThrowsAny<ArgumentException>(() =>
            BatchedGae.Compute([1, 2], [0, 0], new bool[2], [true, false], [double.PositiveInfinity, 0], [0.0], 0.9, 0.9));
        Assert.Equal("truncationValues", e.ParamName);
        Assert.Contains("truncationValues[0]", e.Message);

        e = Assert.ThrowsAny<ArgumentException>(() =>
            BatchedGae.Compute([1, 2], [0, 0], new bool[2], new bool[2], new double[2], [double.NaN], 0.0, 0.9));
        Assert.Equal("lastValues", e.ParamName);
    }

    private static double[] Batched(double[] r, double[] v, double gamma, double lambda) =>
        BatchedGae.Compute(r, v.AsSpan(0, r.Length), new bool[r.Length], new bool[r.Length], new double[r.Length], v.AsSpan(r.Length), gamma, lambda);
}
