using Rl.Environments;
using Rl.Regression;

namespace Rl.Tests.Regression;

public class FeatureMapTests
{
    [Fact]
    public void OneHot_WritesTheUnitVectorOfTheState()
    {
        var phi = new double[] { 7, 7, 7, 7 };
        new OneHotFeatures(4).Write(2, phi);
        Assert.Equal([0.0, 0.0, 1.0, 0.0], phi);
    }

    [Fact]
    public void FunctionFeatures_CopyTheFunctionsValues()
    {
        var phi = new double[2];
        new FunctionFeatures<double>(2, x => [1.0, x]).Write(3.5, phi);
        Assert.Equal([1.0, 3.5], phi);
    }

    [Fact]
    public void LinearValueFunction_IsTheDotProductOfFeaturesAndWeights()
    {
        var vhat = new LinearValueFunction<double>(new FunctionFeatures<double>(2, x => [1.0, x]), [0.5, -2.0]);
        Assert.Equal(0.5 - 2.0 * 3.0, vhat.Predict(3.0));
    }

    [Fact]
    public void LinearValueFunction_ConvertsToAFunc_ForTrajectoryValues()
    {
        var vhat = new LinearValueFunction<int>(new OneHotFeatures(3), [10.0, 20.0, 30.0]);
        var tau = new Trajectory<int, int>([0, 1, 2], [0, 0], [0.0, 0.0], terminated: false, truncated: true);
        Assert.Equal([10.0, 20.0, 30.0], tau.Values(vhat));
    }

    [Fact]
    public void DimensionMismatches_AreRejectedNamingTheParameter()
    {
        Assert.Equal("features", Assert.ThrowsAny<ArgumentException>(() => new OneHotFeatures(3).Write(0, new double[2])).ParamName);
        Assert.Equal("state", Assert.ThrowsAny<ArgumentException>(() => new OneHotFeatures(3).Write(3, new double[3])).ParamName);
        Assert.Equal("features", Assert.ThrowsAny<ArgumentException>(
            () => new FunctionFeatures<int>(2, _ => [1.0]).Write(0, new double[2])).ParamName);
        Assert.Equal("weights", Assert.ThrowsAny<ArgumentException>(
            () => new LinearValueFunction<int>(new OneHotFeatures(3), [1.0, 2.0])).ParamName);
        Assert.Equal("weights", Assert.ThrowsAny<ArgumentException>(
            () => new LinearValueFunction<int>(new OneHotFeatures(2), [1.0, double.NaN])).ParamName);
        Assert.Equal("stateCount", Assert.ThrowsAny<ArgumentException>(() => new OneHotFeatures(0)).ParamName);
        Assert.Equal("dimension", Assert.ThrowsAny<ArgumentException>(() => new FunctionFeatures<int>(0, _ => [])).ParamName);
    }
}
