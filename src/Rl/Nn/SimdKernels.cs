using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Rl.Nn;

/// <summary>
/// The fast kernels: the same methods as <see cref="ScalarKernels"/>, computing the same values
/// to rounding (fused multiply-adds, another summation order, another tanh), in vectors of
/// W doubles. The tests hold every one of them to the scalar reference within 1e-12 relative.
/// </summary>
/// <remarks>
/// <para>
/// Two ideas carry the speed of the matrix products. (1) Register blocking: a block of 16
/// vectors of outputs (8 x 2 or 4 x 4) stays in registers while the summed index p runs, so each
/// value loaded from memory feeds several multiply-adds instead of 1. (2) Unchecked reads: once
/// <see cref="KernelChecks"/> has checked the shapes, the loops read through <c>ref double</c>,
/// with no bounds check in the inner loop. Leftover rows, columns and lanes that do not fill a
/// block take simpler loops, which is why the tests use sizes that are not multiples of 4 or W.
/// </para>
/// <para>
/// The kernels that carry the flops (<see cref="MatMul"/>, <see cref="MatMulTransposedAccumulate"/>,
/// <see cref="Tanh"/>) are written once over <see cref="ILanes{TVector}"/> and run with 512-bit
/// vectors where the processor runs those at full speed (W = 8), with <see cref="Vector{T}"/>
/// otherwise (W = 4 with AVX2, 2 with NEON); the light elementwise kernels use <see cref="Vector{T}"/>.
/// Every kernel here, and every helper a kernel calls that is not always inlined (<see
/// cref="MethodImplOptions.AggressiveInlining"/>), is marked <see
/// cref="MethodImplOptions.AggressiveOptimization"/>: the runtime's first, quick compilation would
/// not inline the vector operations and run several times slower until it recompiled them, which
/// blurs short runs and benchmarks, and in a notebook kernel, where training threads starve the one
/// background thread that recompiles, lasts for seconds. The three generic kernels are also never
/// inlined: a layer's Forward, recompiled at the optimizing tier, inlined <c>Tanh&lt;TLanes,
/// TVector&gt;</c>, ran out of inlining budget for its helpers <c>TanhLanes</c> and <c>ExpLanes</c>
/// and called them instead, compiled at the quick tier with every vector operation a call: 12% of a
/// first 32,768-step PPO run in a fresh process. Compiled on their own, they inline their helpers.
/// <c>KernelTiersTests</c> (Cli.Tests) reads the JIT's summary of a training run to check that no
/// method here, and no lane operation, ever runs as quick-tier code.
/// </para>
/// </remarks>
public static partial class SimdKernels
{
    /// <summary>W of the matrix and tanh kernels on this machine: 8, 4 or 2 doubles.</summary>
    public static int LaneCount
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        get => Vector512.IsHardwareAccelerated ? Vector512<double>.Count : Vector<double>.Count;
    }

    /// <summary>Same as <see cref="ScalarKernels.AccumulateRowSums"/>: <c>sums[i] += sum_j X[i, j]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AccumulateRowSums(int m, int n, ReadOnlySpan<double> x, Span<double> sums)
    {
        KernelChecks.RowSums(m, n, x, sums);
        int w = Vector<double>.Count;
        ref double x0 = ref MemoryMarshal.GetReference(x);
        for (int i = 0; i < m; i++)
        {
            ref double row = ref Unsafe.Add(ref x0, i * n); // X[i, 0]
            Vector<double> s0 = Vector<double>.Zero, s1 = s0; // two chains of additions, to hide their latency
            int j = 0;
            for (; j + 2 * w <= n; j += 2 * w)
            {
                s0 += Vector.LoadUnsafe(ref row, (nuint)j);
                s1 += Vector.LoadUnsafe(ref row, (nuint)(j + w));
            }
            for (; j + w <= n; j += w) s0 += Vector.LoadUnsafe(ref row, (nuint)j);
            double sum = Vector.Sum(s0 + s1);
            for (; j < n; j++) sum += Unsafe.Add(ref row, j);
            sums[i] += sum;
        }
    }
    /// <summary>Same as <see cref="ScalarKernels.TanhBackward"/>: <c>dx = dy (1 - y^2)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void TanhBackward(ReadOnlySpan<double> y, ReadOnlySpan<double> dy, Span<double> dx)
    {
        KernelChecks.SameLength(y.Length, dy.Length, nameof(dy));
        KernelChecks.SameLength(y.Length, dx.Length, nameof(dx));
        int w = Vector<double>.Count;
        ref double y0 = ref MemoryMarshal.GetReference(y);
        ref double dy0 = ref MemoryMarshal.GetReference(dy);
        ref double dx0 = ref MemoryMarshal.GetReference(dx);
        int i = 0;
        for (; i + w <= y.Length; i += w)
        {
            var yi = Vector.LoadUnsafe(ref y0, (nuint)i);
            (Vector.LoadUnsafe(ref dy0, (nuint)i) * (Vector<double>.One - yi * yi)).StoreUnsafe(ref dx0, (nuint)i);
        }
        for (; i < y.Length; i++) dx[i] = dy[i] * (1.0 - y[i] * y[i]);
    }

    /// <summary>Same as <see cref="ScalarKernels.SumOfSquares"/>, with four vector partial sums.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double SumOfSquares(ReadOnlySpan<double> x)
    {
        int w = Vector<double>.Count;
        ref double x0 = ref MemoryMarshal.GetReference(x);
        Vector<double> s0 = Vector<double>.Zero, s1 = s0, s2 = s0, s3 = s0;
        int i = 0;
        for (; i + 4 * w <= x.Length; i += 4 * w)
        {
            var v0 = Vector.LoadUnsafe(ref x0, (nuint)i);
            var v1 = Vector.LoadUnsafe(ref x0, (nuint)(i + w));
            var v2 = Vector.LoadUnsafe(ref x0, (nuint)(i + 2 * w));
            var v3 = Vector.LoadUnsafe(ref x0, (nuint)(i + 3 * w));
            s0 = Vector.FusedMultiplyAdd(v0, v0, s0); s1 = Vector.FusedMultiplyAdd(v1, v1, s1);
            s2 = Vector.FusedMultiplyAdd(v2, v2, s2); s3 = Vector.FusedMultiplyAdd(v3, v3, s3);
        }
        double sum = Vector.Sum(s0 + s1 + (s2 + s3));
        for (; i < x.Length; i++) sum += x[i] * x[i];
        return sum;
    }

    /// <summary>Same as <see cref="ScalarKernels.Scale"/>: <c>x *= factor</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Scale(Span<double> x, double factor)
    {
        int w = Vector<double>.Count;
        ref double x0 = ref MemoryMarshal.GetReference(x);
        int i = 0;
        for (; i + w <= x.Length; i += w) (Vector.LoadUnsafe(ref x0, (nuint)i) * factor).StoreUnsafe(ref x0, (nuint)i);
        for (; i < x.Length; i++) x[i] *= factor;
    }

    /// <summary>
    /// Same as <see cref="ScalarKernels.AdamStep"/>, arranged as PyTorch arranges it, which is
    /// algebraically the same step: the bias corrections become two scalars computed once,
    /// <code>
    ///   p -= (lr / (1 - beta1^t)) m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
    /// </code>
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AdamStep(Span<double> parameters, ReadOnlySpan<double> gradients, Span<double> m,
        Span<double> v, long t, double learningRate, double beta1, double beta2, double epsilon)
    {
        KernelChecks.Adam(parameters, gradients, m, v, t);
        double stepSize = learningRate / (1.0 - Math.Pow(beta1, t));
        double inverseSqrtCorrection2 = 1.0 / Math.Sqrt(1.0 - Math.Pow(beta2, t));
        int w = Vector<double>.Count;
        ref double p0 = ref MemoryMarshal.GetReference(parameters);
        ref double g0 = ref MemoryMarshal.GetReference(gradients);
        ref double m0 = ref MemoryMarshal.GetReference(m);
        ref double v0 = ref MemoryMarshal.GetReference(v);
        int i = 0;
        for (; i + w <= parameters.Length; i += w)
        {
            var g = Vector.LoadUnsafe(ref g0, (nuint)i);
            var mi = Vector.LoadUnsafe(ref m0, (nuint)i) * beta1 + g * (1.0 - beta1);
            var vi = Vector.LoadUnsafe(ref v0, (nuint)i) * beta2 + g * g * (1.0 - beta2);
            var denominator = Vector.SquareRoot(vi) * inverseSqrtCorrection2 + new Vector<double>(epsilon);
            (Vector.LoadUnsafe(ref p0, (nuint)i) - mi * stepSize / denominator).StoreUnsafe(ref p0, (nuint)i);
            mi.StoreUnsafe(ref m0, (nuint)i);
            vi.StoreUnsafe(ref v0, (nuint)i);
        }
        for (; i < parameters.Length; i++)
        {
            double g = gradients[i];
            m[i] = beta1 * m[i] + (1.0 - beta1) * g;
            v[i] = beta2 * v[i] + (1.0 - beta2) * g * g;
            parameters[i] -= stepSize * m[i] / (Math.Sqrt(v[i]) * inverseSqrtCorrection2 + epsilon);
        }
    }
}
