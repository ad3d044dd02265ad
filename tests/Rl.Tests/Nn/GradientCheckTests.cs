using Rl.Nn;

namespace Rl.Tests.Nn;

public class GradientCheckTests
{
    [Fact]
    public void CentralDifferences_OfAKnownFunction_MatchItsDerivative()
    {
        // L = sum_i (i + 1) sin(theta_i), so dL/dtheta_i = (i + 1) cos(theta_i).
        var theta = TestData.Gaussian(7, 1);
        double Loss() => theta.Select((t, i) => (i + 1) * Math.Sin(t)).Sum();
        var numerical = GradientCheck.CentralDifferences(theta, Loss);
        var exact = theta.Select((t, i) => (i + 1) * Math.Cos(t)).ToArray();
        Assert.True(GradientCheck.MaxRelativeError(exact, numerical) < 1e-10);
    }

    [Fact]
    public void CentralDifferences_RestoreEveryParameterExactly()
    {
        var theta = TestData.Gaussian(5, 2);
        var original = (double[])theta.Clone();
        GradientCheck.CentralDifferences(theta, () => theta.Sum(t => t * t * t));
        Assert.Equal(original, theta);
    }

    [Fact]
    public void MaxRelativeError_FlagsAGradientThatIsWrongInOneEntry()
    {
        double[] numerical = [1.0, -2.0, 0.5];
        double[] analytic = [1.0, -2.0, 0.505];
        Assert.Equal(0.005 / 0.505, GradientCheck.MaxRelativeError(analytic, numerical), 1e-12);
    }

    [Fact]
    public void MaxRelativeError_MeasuresEntriesBelowTheFloorInUnitsOfTheFloor()
    {
        Assert.Equal(0.0, GradientCheck.MaxRelativeError([0.0], [0.0]));
        Assert.Equal(0.5, GradientCheck.MaxRelativeError([0.0], [5e-9], floor: 1e-8), 1e-12);
    }

    [Fact]
    public void MaxRelativeError_IsNaN_WhenAGradientIsNaN()
    {
        Assert.True(double.IsNaN(GradientCheck.MaxRelativeError([double.NaN, 1.0], [1.0, 1.0])));
    }

    [Fact]
    public void BadInput_IsRejected_NamingTheParameter()
    {
        TestData.AssertRejects("numerical", () => GradientCheck.MaxRelativeError([1.0], [1.0, 2.0]));
        TestData.AssertRejects("step", () => GradientCheck.CentralDifferences(new double[1], () => 0.0, step: 0.0));
        TestData.AssertRejects("loss", () => GradientCheck.CentralDifferences(new double[1], null!));
    }
}
