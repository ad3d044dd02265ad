using Rl.Nn;

namespace Rl.Tests.Nn;

public class GradientClippingTests
{
    private static double Norm(params double[][] arrays) => Math.Sqrt(arrays.Sum(a => a.Sum(g => g * g)));

    [Fact]
    public void AboveMax_ScalesToNormMax_KeepsTheDirection_AndReturnsThePreClipNorm()
    {
        double[] g = [6.0, -8.0]; // norm 10
        double before = GradientClipping.ClipGlobalNorm(0.5, g);
        Assert.Equal(10.0, before, 1e-15);
        Assert.Equal(0.5, Norm(g), 0.5 * 1e-6);
        Assert.Equal(-4.0 / 3.0, g[1] / g[0], 1e-15);
    }

    [Fact]
    public void BelowMax_LeavesTheGradientsUnchanged_AndReturnsTheirNorm()
    {
        double[] g = [0.3, -0.4]; // norm 0.5
        double before = GradientClipping.ClipGlobalNorm(1.0, g);
        Assert.Equal(0.5, before, 1e-15);
        Assert.Equal([0.3, -0.4], g);
    }

    [Fact]
    public void SeveralArrays_AreClippedByTheirJointNorm_NotEachByItsOwn()
    {
        double[] actor = [3.0, 4.0]; // norm 5
        double[] critic = [12.0];    // norm 12; joint norm 13
        double before = GradientClipping.ClipGlobalNorm(1.0, actor, critic);
        Assert.Equal(13.0, before, 1e-14);
        Assert.Equal(1.0, Norm(actor, critic), 1e-6);
        Assert.Equal(5.0 / 12.0, Norm(actor) / Norm(critic), 1e-14); // one factor for all
    }

    [Fact]
    public void ZeroGradient_WithMaxZero_StaysZero()
    {
        double[] g = [0.0, 0.0];
        Assert.Equal(0.0, GradientClipping.ClipGlobalNorm(0.0, g));
        Assert.Equal([0.0, 0.0], g);
    }

    [Fact]
    public void BadInput_IsRejected_NamingTheParameter()
    {
        TestData.AssertRejects("maxNorm", () => GradientClipping.ClipGlobalNorm(-1.0, new double[2]));
        TestData.AssertRejects("maxNorm", () => GradientClipping.ClipGlobalNorm(double.NaN, new double[2]));
        TestData.AssertRejects("gradients", () => GradientClipping.ClipGlobalNorm(1.0, new double[2], null!));
    }
}
