using Rl.Random;
using Rl.Tabular;

namespace Rl.Tests.Tabular;

public class TabularPolicyTests
{
    [Fact]
    public void Sample_DrawsActionsWithTheirProbabilities()
    {
        var pi = new TabularPolicy(new[,] { { 1.0, 0.0, 0.0 }, { 0.2, 0.3, 0.5 } });
        var rng = new Rng(1);
        const int n = 100_000;
        var counts = new int[3];
        for (int i = 0; i < n; i++) counts[pi.Sample(1, rng)]++;
        for (int a = 0; a < 3; a++)
        {
            double p = pi.Probability(1, a), standardError = Math.Sqrt(p * (1 - p) / n);
            Assert.InRange(counts[a] / (double)n, p - 4 * standardError, p + 4 * standardError);
        }
        Assert.All(Enumerable.Range(0, 100), _ => Assert.Equal(0, pi.Sample(0, rng)));
    }

    [Fact]
    public void Sample_UsesOneCategoricalDrawOfTheGivenGenerator()
    {
        var pi = new TabularPolicy(new[,] { { 0.25, 0.75 } });
        var a = new Rng(9);
        var b = new Rng(9);
        for (int i = 0; i < 50; i++) Assert.Equal(b.Categorical([0.25, 0.75]), pi.Sample(0, a));
    }

    [Fact]
    public void SameInEveryState_RepeatsTheRow()
    {
        var pi = TabularPolicy.SameInEveryState(3, 0.3, 0.7);
        Assert.Equal(3, pi.StateCount);
        Assert.All(Enumerable.Range(0, 3), s => Assert.Equal([0.3, 0.7], pi.ActionDistribution(s).ToArray()));
    }

    [Fact]
    public void BadTables_AreRejectedNamingTheParameter()
    {
        Assert.Equal("probabilities", Assert.ThrowsAny<ArgumentException>(() => new TabularPolicy(new[,] { { 0.5, 0.6 } })).ParamName);
        Assert.Equal("probabilities", Assert.ThrowsAny<ArgumentException>(() => new TabularPolicy(new[,] { { -0.5, 1.5 } })).ParamName);
        Assert.Equal("probabilities", Assert.ThrowsAny<ArgumentException>(() => new TabularPolicy(new double[0, 2])).ParamName);
        Assert.Equal("actionProbabilities", Assert.ThrowsAny<ArgumentException>(() => TabularPolicy.SameInEveryState(2, 0.5)).ParamName);
        Assert.Equal("stateCount", Assert.ThrowsAny<ArgumentException>(() => TabularPolicy.SameInEveryState(0, 1.0)).ParamName);
    }

    [Fact]
    public void IndicesOutOfRange_AreRejectedNamingThem()
    {
        var pi = TabularPolicy.SameInEveryState(2, 0.5, 0.5);
        Assert.Equal("state", Assert.ThrowsAny<ArgumentException>(() => pi.Probability(2, 0)).ParamName);
        Assert.Equal("action", Assert.ThrowsAny<ArgumentException>(() => pi.Probability(0, 2)).ParamName);
        Assert.Equal("observation", Assert.ThrowsAny<ArgumentException>(() => pi.Sample(-1, new Rng(1))).ParamName);
    }
}
