using Rl.Nn;
using Rl.Random;

namespace Rl.Tests.Nn;

public class MlpTests
{
    /// <summary>y for each row by the formula, layer by layer, from Weights(l) and Biases(l): an independent implementation.</summary>
    private static double[] NaiveForward(Mlp net, double[] input, int batch)
    {
        var sizes = net.LayerSizes.ToArray();
        var output = new List<double>();
        for (int s = 0; s < batch; s++)
        {
            var h = input.Skip(s * sizes[0]).Take(sizes[0]).ToArray();
            for (int l = 0; l < net.Layers.Count; l++)
            {
                var w = net.Weights(l).ToArray();
                var b = net.Biases(l).ToArray();
                var next = new double[sizes[l + 1]];
                for (int o = 0; o < next.Length; o++)
                {
                    double z = b[o];
                    for (int i = 0; i < h.Length; i++) z += w[o * h.Length + i] * h[i];
                    next[o] = l < net.Layers.Count - 1 ? Math.Tanh(z) : z;
                }
                h = next;
            }
            output.AddRange(h);
        }
        return output.ToArray();
    }

    /// <summary>dL/dParameters by backpropagation written out per row with plain loops: an independent implementation.</summary>
    private static double[] NaiveGradients(Mlp net, double[] input, int batch, double[] outputGradient)
    {
        var sizes = net.LayerSizes.ToArray();
        int layers = net.Layers.Count;
        var offsets = new int[layers];
        for (int l = 1; l < layers; l++) offsets[l] = offsets[l - 1] + net.Layers[l - 1].ParameterCount;
        var gradients = new double[net.ParameterCount];
        for (int s = 0; s < batch; s++)
        {
            var h = new double[layers + 1][]; // h[l]: the input of layer l; h[layers]: the output
            h[0] = input.Skip(s * sizes[0]).Take(sizes[0]).ToArray();
            for (int l = 0; l < layers; l++)
            {
                var w = net.Weights(l).ToArray();
                var b = net.Biases(l).ToArray();
                h[l + 1] = new double[sizes[l + 1]];
                for (int o = 0; o < sizes[l + 1]; o++)
                {
                    double z = b[o];
                    for (int i = 0; i < sizes[l]; i++) z += w[o * sizes[l] + i] * h[l][i];
                    h[l + 1][o] = l < layers - 1 ? Math.Tanh(z) : z;
                }
            }
            var g = outputGradient.Skip(s * sizes[^1]).Take(sizes[^1]).ToArray(); // dL/dy
            for (int l = layers - 1; l >= 0; l--)
            {
                if (l < layers - 1) g = g.Select((gi, o) => gi * (1 - h[l + 1][o] * h[l + 1][o])).ToArray(); // through tanh
                var w = net.Weights(l).ToArray();
                var below = new double[sizes[l]];
                for (int o = 0; o < sizes[l + 1]; o++)
                {
                    for (int i = 0; i < sizes[l]; i++)
                    {
                        gradients[offsets[l] + o * sizes[l] + i] += g[o] * h[l][i]; // dW[o, i] += g[o] x[i]
                        below[i] += w[o * sizes[l] + i] * g[o];                     // dx = W^T g
                    }
                    gradients[offsets[l] + net.Layers[l].WeightCount + o] += g[o];  // db[o] += g[o]
                }
                g = below;
            }
        }
        return gradients;
    }

    private static Mlp Network(int[] sizes, ulong seed) => new(sizes, outputGain: 1.0, new Rng(seed));

    public static TheoryData<int[], int> ShapesAndBatches() => new()
    {
        { [2, 1], 1 }, { [3, 5, 2], 1 }, { [3, 5, 2], 5 }, { [4, 8, 1], 9 }, { [6, 3, 4, 5], 3 }, { [4, 16, 16, 2], 3 },
    };

    [Theory]
    [MemberData(nameof(ShapesAndBatches))]
    public void Forward_EqualsTheFormula_LayerByLayer(int[] sizes, int batch)
    {
        var net = Network(sizes, 1);
        var x = TestData.Gaussian(batch * sizes[0], 2);
        TestData.AssertNormwiseClose(NaiveForward(net, x, batch), net.Forward(x, batch), 1e-12);
    }

    [Theory]
    [MemberData(nameof(ShapesAndBatches))]
    public void Backward_MatchesCentralDifferences_ForSquaredErrorLoss(int[] sizes, int batch)
    {
        // L = 0.5 ||y - t||^2, so dL/dy = y - t.
        var net = Network(sizes, 3);
        var x = TestData.Gaussian(batch * sizes[0], 4);
        var t = TestData.Gaussian(batch * sizes[^1], 5);
        double Loss()
        {
            var y = net.Forward(x, batch);
            double sum = 0;
            for (int i = 0; i < y.Length; i++) sum += 0.5 * (y[i] - t[i]) * (y[i] - t[i]);
            return sum;
        }

        var y = net.Forward(x, batch).ToArray();
        var dy = y.Zip(t, (yi, ti) => yi - ti).ToArray();
        var dx = new double[x.Length];
        net.ZeroGradients();
        net.Backward(dy, dx);

        Assert.True(GradientCheck.MaxRelativeError(net.Gradients, GradientCheck.CentralDifferences(net.Parameters, Loss)) < 1e-6);
        Assert.True(GradientCheck.MaxRelativeError(dx, GradientCheck.CentralDifferences(x, Loss)) < 1e-6);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    public void Backward_MatchesCentralDifferences_ForLinearLoss_WithAPolicyHeadGain(int batch)
    {
        // L = sum c .* y on a network initialised as a policy (output gain 0.01).
        var net = new Mlp([4, 16, 16, 3], outputGain: 0.01, new Rng(6));
        var x = TestData.Gaussian(batch * 4, 7);
        var c = TestData.Gaussian(batch * 3, 8);
        double Loss() => c.Zip(net.Forward(x, batch).ToArray(), (ci, yi) => ci * yi).Sum();

        net.Forward(x, batch);
        net.ZeroGradients();
        net.Backward(c);
        Assert.True(GradientCheck.MaxRelativeError(net.Gradients, GradientCheck.CentralDifferences(net.Parameters, Loss)) < 1e-6);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(13)]
    [InlineData(128)]
    public void Backward_OfThePpoShape_EqualsBackpropagationWrittenOutRowByRow(int batch)
    {
        // The full-size network is checked against plain loops (cheap) rather than finite
        // differences (thousands of forward passes); the smaller shapes above meet both.
        var net = new Mlp([4, 64, 64, 2], outputGain: 1.0, new Rng(31));
        var x = TestData.Gaussian(batch * 4, 32);
        var dy = TestData.Gaussian(batch * 2, 33);
        net.Forward(x, batch);
        net.Backward(dy);
        TestData.AssertNormwiseClose(NaiveGradients(net, x, batch, dy), net.Gradients, 1e-12);
    }

    [Fact]
    public void Backward_OverABatch_EqualsTheSumOfBackwardOverItsRows()
    {
        var net = Network([5, 7, 3], 9);
        int batch = 11;
        var x = TestData.Gaussian(batch * 5, 10);
        var dy = TestData.Gaussian(batch * 3, 11);
        net.Forward(x, batch);
        net.Backward(dy);
        var batched = (double[])net.Gradients.Clone();

        net.ZeroGradients();
        for (int s = 0; s < batch; s++)
        {
            net.Forward(x.AsSpan(s * 5, 5), 1);
            net.Backward(dy.AsSpan(s * 3, 3));
        }
        TestData.AssertNormwiseClose(batched, net.Gradients, 1e-12);
    }

    [Fact]
    public void ForwardRow_EqualsTheMatchingRowOfABatchForward()
    {
        var net = Network([4, 64, 64, 2], 12);
        int batch = 13;
        var x = TestData.Gaussian(batch * 4, 13);
        var batched = net.Forward(x, batch).ToArray();
        var row = new double[2];
        for (int s = 0; s < batch; s++)
        {
            net.ForwardRow(x.AsSpan(s * 4, 4), row);
            TestData.AssertNormwiseClose(batched.AsSpan(s * 2, 2), row, 1e-12);
        }
    }

    [Fact]
    public void ForwardRow_LeavesTheCachedBatchAlone()
    {
        var net = Network([3, 5, 2], 14);
        var x = TestData.Gaussian(4 * 3, 15);
        var dy = TestData.Gaussian(4 * 2, 16);
        var reference = net.Clone();
        reference.Forward(x, 4);
        reference.Backward(dy);

        net.Forward(x, 4);
        net.ForwardRow(TestData.Gaussian(3, 17), new double[2]);
        net.Backward(dy);
        Assert.Equal(reference.Gradients, net.Gradients);
    }

    [Fact]
    public void SmallBatchAfterALargeOne_GivesTheSameResultsAsAFreshNetwork()
    {
        // The buffers are reused with a new row stride: stale numbers in the padding must not leak.
        var net = Network([3, 6, 2], 18);
        var fresh = net.Clone();
        net.Forward(TestData.Gaussian(40 * 3, 19), 40);
        net.Backward(TestData.Gaussian(40 * 2, 20));
        net.ZeroGradients();

        var x = TestData.Gaussian(5 * 3, 21);
        var dy = TestData.Gaussian(5 * 2, 22);
        var dx = new double[5 * 3];
        var freshDx = new double[5 * 3];
        Assert.Equal(fresh.Forward(x, 5).ToArray(), net.Forward(x, 5).ToArray());
        fresh.Backward(dy, freshDx);
        net.Backward(dy, dx);
        Assert.Equal(fresh.Gradients, net.Gradients);
        Assert.Equal(freshDx, dx);
    }

    [Fact]
    public void Backward_Accumulates_AndZeroGradientsClears()
    {
        var net = Network([3, 4, 2], 23);
        var x = TestData.Gaussian(6, 24);
        var dy = TestData.Gaussian(4, 25);
        net.Forward(x, 2);
        net.Backward(dy);
        var once = (double[])net.Gradients.Clone();
        net.Backward(dy);
        TestData.AssertEntrywiseClose(once.Select(g => 2 * g).ToArray(), net.Gradients, 1e-15);
        net.ZeroGradients();
        Assert.All(net.Gradients, g => Assert.Equal(0.0, g));
    }

    [Fact]
    public void ParameterLayout_IsWeightsThenBiases_LayerByLayer()
    {
        var net = new Mlp([4, 3, 2]);
        Assert.Equal(4 * 3 + 3 + 3 * 2 + 2, net.ParameterCount);
        Assert.Equal(net.ParameterCount, net.Gradients.Length);
        // Writing through the views must land at the documented offsets of the flat array.
        net.Weights(0).Fill(1);
        net.Biases(0).Fill(2);
        net.Weights(1).Fill(3);
        net.Biases(1).Fill(4);
        double[] expected = [.. Enumerable.Repeat(1.0, 12), .. Enumerable.Repeat(2.0, 3), .. Enumerable.Repeat(3.0, 6), 4, 4];
        Assert.Equal(expected, net.Parameters);
    }

    [Fact]
    public void Clone_IsIndependent_AndComputesTheSame()
    {
        var net = Network([3, 5, 2], 26);
        net.Gradients[0] = 42;
        var copy = net.Clone();
        Assert.Equal(net.Parameters, copy.Parameters);
        Assert.Equal(net.Gradients, copy.Gradients);
        var x = TestData.Gaussian(6, 27);
        Assert.Equal(net.Forward(x, 2).ToArray(), copy.Forward(x, 2).ToArray());
        copy.Parameters[0] += 1;
        copy.Gradients[0] = 0;
        Assert.NotEqual(net.Parameters[0], copy.Parameters[0]);
        Assert.Equal(42, net.Gradients[0]);
    }

    [Fact]
    public void ForwardBackwardAndForwardRow_AllocateNothing_OnceWarm()
    {
        var net = Network([4, 64, 64, 2], 28);
        var x = TestData.Gaussian(128 * 4, 29);
        var dy = TestData.Gaussian(128 * 2, 30);
        var row = new double[2];
        void Step()
        {
            net.Forward(x, 128);
            net.Backward(dy);
            net.Forward(x.AsSpan(0, 100 * 4), 100); // a smaller batch reuses the buffers
            net.Backward(dy.AsSpan(0, 100 * 2));
            net.ForwardRow(x.AsSpan(0, 4), row);
        }

        Step();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 5; i++) Step();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Backward_BeforeAnyForward_Throws()
    {
        var net = new Mlp([2, 3, 1]);
        Assert.Throws<InvalidOperationException>(() => net.Backward(new double[1]));
    }

    [Fact]
    public void BadInput_IsRejected_NamingTheParameter()
    {
        var net = new Mlp([3, 4, 2]);
        TestData.AssertRejects("layerSizes", () => new Mlp([3]));
        TestData.AssertRejects("layerSizes", () => new Mlp([3, 0, 2]));
        TestData.AssertRejects("batch", () => net.Forward(new double[3], 0));
        TestData.AssertRejects("input", () => net.Forward(new double[5], 2));
        net.Forward(new double[6], 2);
        TestData.AssertRejects("outputGradient", () => net.Backward(new double[3]));
        TestData.AssertRejects("inputGradient", () => net.Backward(new double[4], new double[5]));
        TestData.AssertRejects("input", () => net.ForwardRow(new double[2], new double[2]));
        TestData.AssertRejects("output", () => net.ForwardRow(new double[3], new double[3]));
    }
}
