using Rl.Nn;

namespace Rl.Tests.Nn;

public class LinearTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(3, 5, 1)]
    [InlineData(4, 6, 7)]
    [InlineData(7, 3, 9)]
    [InlineData(64, 2, 16)]
    public void Forward_IsXWTransposePlusB_ForEverySample(int inputs, int outputs, int columns)
    {
        var layer = new Linear(inputs, outputs);
        var parameters = TestData.Gaussian(layer.ParameterCount, 1);
        var x = TestData.Gaussian(inputs * columns, 2); // X^T [in x columns]
        var y = new double[outputs * columns];
        layer.Forward(parameters, x, y, columns);
        // y_s = x_s W^T + b written out per sample s, from W [out x in] row-major and b after it.
        var expected = new double[outputs * columns];
        for (int s = 0; s < columns; s++)
            for (int o = 0; o < outputs; o++)
            {
                double sum = parameters[layer.WeightCount + o];
                for (int i = 0; i < inputs; i++) sum += x[i * columns + s] * parameters[o * inputs + i];
                expected[o * columns + s] = sum;
            }
        TestData.AssertNormwiseClose(expected, y, 1e-12);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(3, 5, 1)]
    [InlineData(4, 6, 7)]
    [InlineData(7, 3, 9)]
    [InlineData(64, 2, 16)]
    public void Backward_MatchesCentralDifferences_ForWeightsBiasesAndInputs(int inputs, int outputs, int columns)
    {
        var layer = new Linear(inputs, outputs);
        var parameters = TestData.Gaussian(layer.ParameterCount, 3);
        var x = TestData.Gaussian(inputs * columns, 4);
        var c = TestData.Gaussian(outputs * columns, 5); // L = sum c .* Y^T, so dL/dY^T = c
        var y = new double[outputs * columns];
        double Loss()
        {
            layer.Forward(parameters, x, y, columns);
            return c.Zip(y, (ci, yi) => ci * yi).Sum();
        }

        var gradients = new double[layer.ParameterCount];
        var inputGradient = new double[inputs * columns];
        layer.Backward(parameters, x, c, gradients, inputGradient, columns);

        Assert.True(GradientCheck.MaxRelativeError(gradients, GradientCheck.CentralDifferences(parameters, Loss)) < 1e-6);
        Assert.True(GradientCheck.MaxRelativeError(inputGradient, GradientCheck.CentralDifferences(x, Loss)) < 1e-6);
    }

    [Fact]
    public void Backward_AddsToParameterGradients_AndOverwritesTheInputGradient()
    {
        var layer = new Linear(3, 4);
        var parameters = TestData.Gaussian(layer.ParameterCount, 6);
        var x = TestData.Gaussian(3 * 5, 7);
        var dy = TestData.Gaussian(4 * 5, 8);
        var once = new double[layer.ParameterCount];
        var dxOnce = new double[3 * 5];
        layer.Backward(parameters, x, dy, once, dxOnce, 5);
        var twice = new double[layer.ParameterCount];
        var dxTwice = new double[3 * 5];
        layer.Backward(parameters, x, dy, twice, dxTwice, 5);
        layer.Backward(parameters, x, dy, twice, dxTwice, 5);
        TestData.AssertEntrywiseClose(once.Select(g => 2 * g).ToArray(), twice, 1e-15);
        Assert.Equal(dxOnce, dxTwice);
    }

    [Fact]
    public void Backward_WithoutInputGradient_GivesTheSameParameterGradients()
    {
        var layer = new Linear(3, 4);
        var parameters = TestData.Gaussian(layer.ParameterCount, 9);
        var x = TestData.Gaussian(3 * 5, 10);
        var dy = TestData.Gaussian(4 * 5, 11);
        var with = new double[layer.ParameterCount];
        layer.Backward(parameters, x, dy, with, new double[3 * 5], 5);
        var without = new double[layer.ParameterCount];
        layer.Backward(parameters, x, dy, without, Span<double>.Empty, 5);
        Assert.Equal(with, without);
    }

    [Fact]
    public void ForwardAndBackward_RejectWrongShapes_NamingTheParameter()
    {
        var layer = new Linear(3, 2);
        var p = new double[layer.ParameterCount];
        double[] x = new double[3 * 4], y = new double[2 * 4], g = new double[layer.ParameterCount];
        TestData.AssertRejects("inputs", () => new Linear(0, 2));
        TestData.AssertRejects("outputs", () => new Linear(3, 0));
        TestData.AssertRejects("columns", () => layer.Forward(p, x, y, 0));
        TestData.AssertRejects("parameters", () => layer.Forward(new double[7], x, y, 4));
        TestData.AssertRejects("input", () => layer.Forward(p, new double[11], y, 4));
        TestData.AssertRejects("output", () => layer.Forward(p, x, new double[9], 4));
        TestData.AssertRejects("outputGradient", () => layer.Backward(p, x, new double[9], g, x, 4));
        TestData.AssertRejects("gradients", () => layer.Backward(p, x, y, new double[7], x, 4));
        TestData.AssertRejects("inputGradient", () => layer.Backward(p, x, y, g, new double[11], 4));
    }
}
