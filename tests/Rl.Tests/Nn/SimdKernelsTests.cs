using System.Numerics;
using System.Runtime.Intrinsics;
using Rl.Nn;
using Rl.Random;

namespace Rl.Tests.Nn;

/// <summary>
/// The fast kernels against the scalar reference, at every width they can run at (the portable
/// Vector{T} one, the 512-bit one, and whichever the public entry point picks on this machine),
/// on shapes that do and do not fill whole blocks and vectors.
/// </summary>
public class SimdKernelsTests
{
    public enum Width { Portable, Vector512, Dispatched }

    private const double Tolerance = 1e-12;

    /// <summary>(m, n, k): edge cases, the MLP's own shapes, and seeded random ones up to 40.</summary>
    public static TheoryData<Width, int, int, int> Shapes()
    {
        var data = new TheoryData<Width, int, int, int>();
        var shapes = new List<(int, int, int)>
        {
            (1, 1, 1), (0, 3, 2), (3, 0, 2), (3, 2, 0), (4, 32, 4), (5, 33, 7), (3, 17, 9), (13, 12, 5), (9, 24, 3),
            (64, 128, 64), (64, 128, 4), (2, 128, 64), (64, 64, 128), (2, 64, 128), (64, 4, 128), (64, 1, 4),
        };
        var rng = new Rng(20240601);
        for (int i = 0; i < 12; i++) shapes.Add((1 + rng.NextInt(40), 1 + rng.NextInt(40), 1 + rng.NextInt(40)));
        foreach (var width in Enum.GetValues<Width>())
            foreach (var (m, n, k) in shapes)
                data.Add(width, m, n, k);
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void MatMul_EqualsScalarReference_ForPlainTransposedAndStridedA(Width width, int m, int n, int k)
    {
        var rng = new Rng((ulong)(1000 * m + 100 * n + k));
        var b = TestData.Gaussian(k * n, rng);
        var bias = TestData.Gaussian(m, rng);
        // (row stride, column stride, length): A as stored, A^T as stored, rows with 3 spare entries.
        foreach (var (rowStride, columnStride, length) in new[] { (k, 1, m * k), (1, m, m * k), (k + 3, 1, m * (k + 3)) })
        {
            var a = TestData.Gaussian(length, rng);
            foreach (var withBias in new[] { true, false })
            {
                ReadOnlySpan<double> biasSpan = withBias ? bias : ReadOnlySpan<double>.Empty;
                var expected = new double[m * n];
                ScalarKernels.MatMul(m, n, k, a, rowStride, columnStride, b, biasSpan, expected);
                var actual = new double[m * n];
                Array.Fill(actual, double.NaN); // C is overwritten: every entry must be written
                MatMul(width, m, n, k, a, rowStride, columnStride, b, biasSpan, actual);
                TestData.AssertNormwiseClose(expected, actual, Tolerance);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void MatMulTransposedAccumulate_EqualsScalarReference_AndAddsToC(Width width, int m, int n, int k)
    {
        var rng = new Rng((ulong)(7000 * m + 100 * n + k));
        var a = TestData.Gaussian(m * k, rng);
        var b = TestData.Gaussian(n * k, rng);
        var start = TestData.Gaussian(m * n, rng);
        var expected = (double[])start.Clone();
        ScalarKernels.MatMulTransposedAccumulate(m, n, k, a, b, expected);
        var actual = (double[])start.Clone();
        MatMulTransposedAccumulate(width, m, n, k, a, b, actual);
        TestData.AssertNormwiseClose(expected, actual, Tolerance);
    }

    public static TheoryData<Width> Widths() => new(Enum.GetValues<Width>());

    [Theory]
    [MemberData(nameof(Widths))]
    public void Tanh_EqualsMathTanh_ToAFewUlp_FromTinyToHugeArguments(Width width)
    {
        var rng = new Rng(5);
        var x = new List<double>();
        for (int decade = -12; decade <= 2; decade++)
            for (int i = 0; i < 40; i++)
                x.Add(rng.NextGaussian() * Math.Pow(10, decade)); // |x| from 1e-12 to a few hundred
        // Both sides of the switch between the two formulas, where tanh rounds to 1, and the extremes.
        x.AddRange([0.625, Math.BitDecrement(0.625), -0.625, Math.BitIncrement(-0.625), 19.06, 19.07, -40, 1e300, double.Epsilon, 1e-310]);
        x.Add(3.0); // 411 entries: not a multiple of 2, 4 or 8, so the scalar tail runs too
        var expected = x.Select(Math.Tanh).ToArray();
        var actual = new double[x.Count];
        Tanh(width, x.ToArray(), actual);
        TestData.AssertEntrywiseClose(expected, actual, 1e-15);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Tanh_KeepsSignedZeroInfinityAndNaN(Width width)
    {
        double[] x = [0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 1.0, -1.0, 2.0];
        var y = new double[x.Length];
        Tanh(width, x, y);
        Assert.Equal(0.0, y[0]);
        Assert.True(double.IsNegative(y[1]) && y[1] == 0.0, "tanh(-0) is -0");
        Assert.Equal(1.0, y[2]);
        Assert.Equal(-1.0, y[3]);
        Assert.True(double.IsNaN(y[4]));
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Tanh_InPlace_EqualsOutOfPlace(Width width)
    {
        var x = TestData.Gaussian(37, 8);
        var y = new double[x.Length];
        Tanh(width, x, y);
        Tanh(width, x, x);
        Assert.Equal(y, x);
    }

    public static TheoryData<int> Lengths() => new(0, 1, 3, 4, 7, 8, 9, 31, 37, 100);

    [Theory]
    [MemberData(nameof(Lengths))]
    public void TanhBackward_EqualsScalarReference(int length)
    {
        var y = TestData.Gaussian(length, 11).Select(Math.Tanh).ToArray();
        var dy = TestData.Gaussian(length, 12);
        var expected = new double[length];
        ScalarKernels.TanhBackward(y, dy, expected);
        var actual = new double[length];
        SimdKernels.TanhBackward(y, dy, actual);
        TestData.AssertEntrywiseClose(expected, actual, Tolerance);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 7)]
    [InlineData(64, 128)]
    [InlineData(5, 37)]
    public void AccumulateRowSums_EqualsScalarReference_AndAddsToSums(int m, int n)
    {
        var x = TestData.Gaussian(m * n, 13);
        var start = TestData.Gaussian(m, 14);
        var expected = (double[])start.Clone();
        ScalarKernels.AccumulateRowSums(m, n, x, expected);
        var actual = (double[])start.Clone();
        SimdKernels.AccumulateRowSums(m, n, x, actual);
        TestData.AssertNormwiseClose(expected, actual, Tolerance);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void SumOfSquaresAndScale_EqualScalarReference(int length)
    {
        var x = TestData.Gaussian(length, 15);
        double expected = ScalarKernels.SumOfSquares(x);
        Assert.Equal(expected, SimdKernels.SumOfSquares(x), Tolerance * Math.Max(expected, 1e-300));
        var scaledExpected = (double[])x.Clone();
        ScalarKernels.Scale(scaledExpected, 0.3);
        SimdKernels.Scale(x, 0.3);
        TestData.AssertEntrywiseClose(scaledExpected, x, Tolerance);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void AdamStep_PyTorchArrangement_EqualsPaperFormula(int length)
    {
        var rng = new Rng(16);
        var start = TestData.Gaussian(length, rng);
        var expected = (double[])start.Clone();
        var actual = (double[])start.Clone();
        double[] mExpected = new double[length], vExpected = new double[length];
        double[] mActual = new double[length], vActual = new double[length];
        for (long t = 1; t <= 3; t++)
        {
            var g = TestData.Gaussian(length, rng);
            ScalarKernels.AdamStep(expected, g, mExpected, vExpected, t, 0.1, 0.9, 0.999, 1e-5);
            SimdKernels.AdamStep(actual, g, mActual, vActual, t, 0.1, 0.9, 0.999, 1e-5);
        }
        TestData.AssertEntrywiseClose(mExpected, mActual, Tolerance);
        TestData.AssertEntrywiseClose(vExpected, vActual, Tolerance);
        // Compare the moves, not the positions, so that a small step is not hidden by a large p.
        var moveExpected = expected.Zip(start, (p, p0) => p - p0).ToArray();
        var moveActual = actual.Zip(start, (p, p0) => p - p0).ToArray();
        TestData.AssertEntrywiseClose(moveExpected, moveActual, 1e-10);
    }

    [Fact]
    public void Kernels_RejectSpansTooShortForTheShape_NamingTheSpan()
    {
        var small = new double[5];
        var big = new double[100];
        TestData.AssertRejects("a", () => SimdKernels.MatMul(3, 3, 3, small, 3, 1, big, default, big));
        TestData.AssertRejects("b", () => SimdKernels.MatMul(3, 3, 3, big, 3, 1, small, default, big));
        TestData.AssertRejects("c", () => SimdKernels.MatMul(3, 3, 3, big, 3, 1, big, default, small));
        TestData.AssertRejects("bias", () => SimdKernels.MatMul(3, 3, 3, big, 3, 1, big, new double[2], big));
        TestData.AssertRejects("m", () => SimdKernels.MatMul(-1, 3, 3, big, 3, 1, big, default, big));
        TestData.AssertRejects("aColumnStride", () => SimdKernels.MatMul(3, 3, 3, big, 3, -1, big, default, big));
        TestData.AssertRejects("a", () => SimdKernels.MatMulTransposedAccumulate(3, 3, 3, small, big, big));
        TestData.AssertRejects("b", () => SimdKernels.MatMulTransposedAccumulate(3, 3, 3, big, small, big));
        TestData.AssertRejects("c", () => SimdKernels.MatMulTransposedAccumulate(3, 3, 3, big, big, small));
        TestData.AssertRejects("y", () => SimdKernels.Tanh(big, small));
        TestData.AssertRejects("sums", () => SimdKernels.AccumulateRowSums(10, 10, big, small));
        TestData.AssertRejects("gradients", () => SimdKernels.AdamStep(big, small, big, big, 1, 0.1, 0.9, 0.999, 1e-5));
        TestData.AssertRejects("t", () => SimdKernels.AdamStep(big, big, big, big, 0, 0.1, 0.9, 0.999, 1e-5));
    }

    [Fact]
    public void LaneCount_IsTheWidthOfTheDispatchedKernels()
    {
        int expected = Vector512.IsHardwareAccelerated ? 8 : Vector<double>.Count;
        Assert.Equal(expected, SimdKernels.LaneCount);
    }

    private static void MatMul(Width width, int m, int n, int k, ReadOnlySpan<double> a, int rowStride, int columnStride,
        ReadOnlySpan<double> b, ReadOnlySpan<double> bias, Span<double> c)
    {
        switch (width)
        {
            case Width.Portable: SimdKernels.MatMul<PortableLanes, Vector<double>>(m, n, k, a, rowStride, columnStride, b, bias, c); break;
            case Width.Vector512: SimdKernels.MatMul<Vector512Lanes, Vector512<double>>(m, n, k, a, rowStride, columnStride, b, bias, c); break;
            default: SimdKernels.MatMul(m, n, k, a, rowStride, columnStride, b, bias, c); break;
        }
    }

    private static void MatMulTransposedAccumulate(Width width, int m, int n, int k, ReadOnlySpan<double> a,
        ReadOnlySpan<double> b, Span<double> c)
    {
        switch (width)
        {
            case Width.Portable: SimdKernels.MatMulTransposedAccumulate<PortableLanes, Vector<double>>(m, n, k, a, b, c); break;
            case Width.Vector512: SimdKernels.MatMulTransposedAccumulate<Vector512Lanes, Vector512<double>>(m, n, k, a, b, c); break;
            default: SimdKernels.MatMulTransposedAccumulate(m, n, k, a, b, c); break;
        }
    }

    private static void Tanh(Width width, ReadOnlySpan<double> x, Span<double> y)
    {
        switch (width)
        {
            case Width.Portable: SimdKernels.Tanh<PortableLanes, Vector<double>>(x, y); break;
            case Width.Vector512: SimdKernels.Tanh<Vector512Lanes, Vector512<double>>(x, y); break;
            default: SimdKernels.Tanh(x, y); break;
        }
    }
}
