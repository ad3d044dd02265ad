using Rl.Nn;
using Rl.Random;

namespace Rl.Tests.Nn;

public class OrthogonalTests
{
    [Theory]
    [InlineData(5, 3, 1.4142135623730951)]
    [InlineData(3, 5, 1.4142135623730951)]
    [InlineData(4, 4, 1.0)]
    [InlineData(64, 4, 1.4142135623730951)]
    [InlineData(2, 64, 0.01)]
    [InlineData(1, 7, 1.0)]
    [InlineData(7, 1, 2.0)]
    public void Weights_HaveOrthogonalRowsOrColumns_OfLengthGain(int rows, int columns, double gain)
    {
        var w = new double[rows * columns];
        Orthogonal.Initialize(w, rows, columns, gain, new Rng(1));
        // W W^T (rows <= cols) or W^T W (rows >= cols) is gain^2 I: the shorter side is orthonormal times gain.
        int size = Math.Min(rows, columns);
        for (int a = 0; a < size; a++)
            for (int b = 0; b < size; b++)
            {
                double product = 0;
                if (rows <= columns) for (int j = 0; j < columns; j++) product += w[a * columns + j] * w[b * columns + j];
                else for (int i = 0; i < rows; i++) product += w[i * columns + a] * w[i * columns + b];
                double expected = a == b ? gain * gain : 0.0;
                Assert.True(Math.Abs(product - expected) <= 1e-12 * gain * gain, $"entry ({a}, {b}) is {product}, expected {expected}");
            }
    }

    [Fact]
    public void SameSeed_GivesIdenticalNetworks_AndAnotherSeedDoesNot()
    {
        var a = new Mlp([4, 64, 64, 2], 0.01, new Rng(7));
        var b = new Mlp([4, 64, 64, 2], 0.01, new Rng(7));
        var c = new Mlp([4, 64, 64, 2], 0.01, new Rng(8));
        Assert.Equal(a.Parameters, b.Parameters);
        Assert.NotEqual(a.Parameters, c.Parameters);
    }

    [Fact]
    public void Mlp_Initialisation_ZeroesBiases_AndUsesSqrt2ForHiddenAndTheOutputGainForTheLast()
    {
        var net = new Mlp([4, 8, 6, 2], 0.01, new Rng(9));
        for (int l = 0; l < net.Layers.Count; l++) Assert.All(net.Biases(l).ToArray(), b => Assert.Equal(0.0, b));
        // Frobenius norm^2 = gain^2 * min(rows, cols) for an orthogonal matrix times gain.
        double[] expectedGains = [Math.Sqrt(2), Math.Sqrt(2), 0.01];
        for (int l = 0; l < net.Layers.Count; l++)
        {
            double frobenius2 = net.Weights(l).ToArray().Sum(w => w * w);
            int size = Math.Min(net.Layers[l].Inputs, net.Layers[l].Outputs);
            Assert.Equal(expectedGains[l] * expectedGains[l] * size, frobenius2, 1e-12);
        }
    }

    [Fact]
    public void BadInput_IsRejected_NamingTheParameter()
    {
        var rng = new Rng(1);
        TestData.AssertRejects("weights", () => Orthogonal.Initialize(new double[5], 2, 3, 1.0, rng));
        TestData.AssertRejects("gain", () => Orthogonal.Initialize(new double[6], 2, 3, double.NaN, rng));
        TestData.AssertRejects("rows", () => Orthogonal.Initialize(new double[6], 0, 3, 1.0, rng));
        TestData.AssertRejects("rng", () => Orthogonal.Initialize(new double[6], 2, 3, 1.0, null!));
    }
}
