using Rl.Nn;

namespace Rl.Tests.Nn;

public class TanhTests
{
    [Fact]
    public void Forward_IsTanh_Elementwise()
    {
        var x = TestData.Gaussian(37, 1).Select(v => 3 * v).ToArray();
        var y = new double[x.Length];
        Tanh.Forward(x, y);
        TestData.AssertEntrywiseClose(x.Select(Math.Tanh).ToArray(), y, 1e-15);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    [InlineData(37)]
    public void Backward_MatchesCentralDifferences(int length)
    {
        var x = TestData.Gaussian(length, 2).Select(v => 2 * v).ToArray();
        var c = TestData.Gaussian(length, 3); // L = sum c .* tanh x
        var y = new double[length];
        double Loss()
        {
            Tanh.Forward(x, y);
            return c.Zip(y, (ci, yi) => ci * yi).Sum();
        }

        Loss();
        var dx = new double[length];
        Tanh.Backward(y, c, dx);
        Assert.True(GradientCheck.MaxRelativeError(dx, GradientCheck.CentralDifferences(x, Loss)) < 1e-6);
    }

    [Fact]
    public void Backward_InPlace_EqualsOutOfPlace()
    {
        var y = TestData.Gaussian(13, 4).Select(Math.Tanh).ToArray();
        var dy = TestData.Gaussian(13, 5);
        var dx = new double[13];
        Tanh.Backward(y, dy, dx);
        Tanh.Backward(y, dy, dy);
        Assert.Equal(dx, dy);
    }

    [Fact]
    public void ForwardAndBackward_RejectMismatchedLengths_NamingTheParameter()
    {
        TestData.AssertRejects("output", () => Tanh.Forward(new double[3], new double[4]));
        TestData.AssertRejects("outputGradient", () => Tanh.Backward(new double[3], new double[4], new double[3]));
        TestData.AssertRejects("inputGradient", () => Tanh.Backward(new double[3], new double[3], new double[2]));
    }
}
