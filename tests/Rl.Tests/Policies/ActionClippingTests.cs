using Rl.Policies;
using Rl.Random;

namespace Rl.Tests.Policies;

/// <summary>The environment gets the action clipped to its bounds; the buffer keeps the unclipped sample.</summary>
public class ActionClippingTests
{
    [Fact]
    public void Clip_MovesOnlyTheEntriesOutsideTheBounds_ToTheNearestBound()
    {
        double[] action = [-3.5, 0.25, 2.0, 7.0];
        var clipped = new double[4];
        ActionClipping.Clip(action, [-2.0, -2.0, -2.0, double.NegativeInfinity], [2.0, 2.0, 2.0, double.PositiveInfinity], clipped);
        Assert.Equal([-2.0, 0.25, 2.0, 7.0], clipped);
    }

    [Fact]
    public void Clip_OfGaussianSamples_IsTheClampedSample_AndLeavesTheSampleAndItsLogProbabilityAsDrawn()
    {
        var rng = new Rng(41);
        double[] mean = [1.5], logStd = [0.5], low = [-2.0], high = [2.0];
        var action = new double[1];
        var clipped = new double[1];
        int outside = 0;
        for (int k = 0; k < 1000; k++)
        {
            DiagonalGaussian.Sample(mean, logStd, rng, action);
            double sample = action[0], logProbability = DiagonalGaussian.LogProbability(mean, logStd, action);
            ActionClipping.Clip(action, low, high, clipped);
            Assert.Equal(sample, action[0]);
            Assert.Equal(logProbability, DiagonalGaussian.LogProbability(mean, logStd, action));
            Assert.Equal(Math.Clamp(sample, -2.0, 2.0), clipped[0]);
            if (sample > 2.0) outside++;
        }
        Assert.InRange(outside, 100, 900); // the case that matters occurred: samples beyond the bound
    }

    [Fact]
    public void Clip_IntoTheActionItself_IsRejected()
    {
        double[] action = [3.0, 0.0];
        var e = Assert.ThrowsAny<ArgumentException>(() => ActionClipping.Clip(action, [-1.0, -1.0], [1.0, 1.0], action));
        Assert.Equal("destination", e.ParamName);
        Assert.Equal([3.0, 0.0], action);
        e = Assert.ThrowsAny<ArgumentException>(() => ActionClipping.Clip(action.AsSpan(0, 1), [-1.0], [1.0], action.AsSpan(0, 1)));
        Assert.Equal("destination", e.ParamName);
    }

    [Fact]
    public void Clip_RejectsBoundsOutOfOrder_AndNaN()
    {
        foreach (var (low, high) in new[] { (1.0, -1.0), (double.NaN, 1.0), (-1.0, double.NaN) })
        {
            var e = Assert.ThrowsAny<ArgumentException>(() => ActionClipping.Clip([0.0], [low], [high], new double[1]));
            Assert.Equal("high", e.ParamName);
            Assert.Contains("low <= high", e.Message);
        }
        Assert.Equal("action", Assert.ThrowsAny<ArgumentException>(() => ActionClipping.Clip([double.NaN], [0.0], [1.0], new double[1])).ParamName);
        Assert.Equal("low", Assert.ThrowsAny<ArgumentException>(() => ActionClipping.Clip([0.0, 0.0], [0.0], [1.0, 1.0], new double[2])).ParamName);
        Assert.Equal("destination", Assert.ThrowsAny<ArgumentException>(() => ActionClipping.Clip([0.0], [0.0], [1.0], new double[2])).ParamName);
    }
}
