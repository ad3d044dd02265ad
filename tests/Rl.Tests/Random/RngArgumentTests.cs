using Rl.Random;

namespace Rl.Tests.Random;

public class RngArgumentTests
{
    [Theory]
    [InlineData(new[] { 0.2, 0.2 })]        // sums to 0.4: the missing mass must not go to the last entry
    [InlineData(new[] { 0.7, 0.7 })]        // sums to 1.4
    [InlineData(new[] { 1.5, -0.5 })]       // sums to 1 but has a negative entry
    [InlineData(new[] { double.NaN, 1.0 })]
    [InlineData(new double[0])]
    public void Categorical_RejectsWhatIsNotADistribution(double[] probabilities) =>
        Assert.Equal("probabilities", Assert.ThrowsAny<ArgumentException>(() => new Rng(1).Categorical(probabilities)).ParamName);

    [Fact]
    public void Categorical_NeverDrawsAZeroEntry_EvenWhenRoundingLeavesTheTotalShortOfOne()
    {
        double[] probabilities = [0.1, 0.2, 0.3 - 1e-12, 0.4, 0.0];
        var rng = new Rng(5);
        for (int i = 0; i < 100_000; i++) Assert.NotEqual(4, rng.Categorical(probabilities));
    }

    [Fact]
    public void Next_WithANegativeBound_NamesMaxValue() =>
        Assert.Equal("maxValue", Assert.ThrowsAny<ArgumentException>(() => new Rng(1).Next(-1)).ParamName);
}
