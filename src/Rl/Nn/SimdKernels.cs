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
/// </para>
/// </remarks>
public static class SimdKernels
{
    /// <summary>W of the matrix and tanh kernels on this machine: 8, 4 or 2 doubles.</summary>
    public static int LaneCount => Vector512.IsHardwareAccelerated ? Vector512<double>.Count : Vector<double>.Count;

    /// <summary>Same as <see cref="ScalarKernels.MatMul"/>: <c>C = bias 1^T + A B</c>.</summary>
    /// <remarks>
    /// Vectorised along the columns j of B and C (contiguous), so A may have any strides: each
    /// A(i, p) is broadcast to all lanes. Blocks of 8 rows x 2W columns (16 vector accumulators;
    /// measured faster than 4 x 4W here), then 8 rows x W columns, then single columns; a block
    /// that overhangs the last row repeats that row, which is harmless because C is overwritten,
    /// not added to.
    /// </remarks>
    public static void MatMul(int m, int n, int k, ReadOnlySpan<double> a, int aRowStride, int aColumnStride,
        ReadOnlySpan<double> b, ReadOnlySpan<double> bias, Span<double> c)
    {
        if (Vector512.IsHardwareAccelerated)
            MatMul<Vector512Lanes, Vector512<double>>(m, n, k, a, aRowStride, aColumnStride, b, bias, c);
        else
            MatMul<PortableLanes, Vector<double>>(m, n, k, a, aRowStride, aColumnStride, b, bias, c);
    }

    /// <summary><see cref="MatMul"/> at the width of <typeparamref name="TLanes"/>.</summary>
    internal static void MatMul<TLanes, TVector>(int m, int n, int k, ReadOnlySpan<double> a, int aRowStride,
        int aColumnStride, ReadOnlySpan<double> b, ReadOnlySpan<double> bias, Span<double> c)
        where TLanes : struct, ILanes<TVector> where TVector : struct
    {
        KernelChecks.MatMul(m, n, k, a, aRowStride, aColumnStride, b, bias, c);
        if (m == 0) return;
        ref double a0 = ref MemoryMarshal.GetReference(a);
        ref double b0 = ref MemoryMarshal.GetReference(b);
        ref double c0 = ref MemoryMarshal.GetReference(c);
        int w = TLanes.Count;
        int j = 0;
        for (; j + 2 * w <= n; j += 2 * w)
            for (int i = 0; i < m; i += 8)
                MatMulBlock8RowsBy2Vectors<TLanes, TVector>(i, j, m, n, k, ref a0, aRowStride, aColumnStride, ref b0, bias, ref c0);
        for (; j + w <= n; j += w)
            for (int i = 0; i < m; i += 8)
                MatMulBlock8RowsBy1Vector<TLanes, TVector>(i, j, m, n, k, ref a0, aRowStride, aColumnStride, ref b0, bias, ref c0);
        for (; j < n; j++)
            for (int i = 0; i < m; i++)
            {
                double sum = bias.IsEmpty ? 0.0 : bias[i];
                for (int p = 0; p < k; p++)
                    sum = Math.FusedMultiplyAdd(Unsafe.Add(ref a0, i * aRowStride + p * aColumnStride), Unsafe.Add(ref b0, p * n + j), sum);
                Unsafe.Add(ref c0, i * n + j) = sum; // C[i, j]
            }
    }

    /// <summary>C[i0 : i0 + 8, j : j + 2W] = bias + A B, rows past the last clamped to it.</summary>
    private static void MatMulBlock8RowsBy2Vectors<TLanes, TVector>(int i0, int j, int m, int n, int k, ref double a,
        int aRowStride, int aColumnStride, ref double b, ReadOnlySpan<double> bias, ref double c)
        where TLanes : struct, ILanes<TVector> where TVector : struct
    {
        int w = TLanes.Count;
        Span<int> rows = [i0, Math.Min(i0 + 1, m - 1), Math.Min(i0 + 2, m - 1), Math.Min(i0 + 3, m - 1),
            Math.Min(i0 + 4, m - 1), Math.Min(i0 + 5, m - 1), Math.Min(i0 + 6, m - 1), Math.Min(i0 + 7, m - 1)];
        ref double a0 = ref Unsafe.Add(ref a, rows[0] * aRowStride); // A(i0, 0)
        ref double a1 = ref Unsafe.Add(ref a, rows[1] * aRowStride);
        ref double a2 = ref Unsafe.Add(ref a, rows[2] * aRowStride);
        ref double a3 = ref Unsafe.Add(ref a, rows[3] * aRowStride);
        ref double a4 = ref Unsafe.Add(ref a, rows[4] * aRowStride);
        ref double a5 = ref Unsafe.Add(ref a, rows[5] * aRowStride);
        ref double a6 = ref Unsafe.Add(ref a, rows[6] * aRowStride);
        ref double a7 = ref Unsafe.Add(ref a, rows[7] * aRowStride);
        TVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71;
        c00 = c01 = TLanes.Create(bias.IsEmpty ? 0.0 : bias[rows[0]]);
        c10 = c11 = TLanes.Create(bias.IsEmpty ? 0.0 : bias[rows[1]]);
        c20 = c21 = TLanes.Create(bias.IsEmpty ? 0.0 : bias[rows[2]]);
        c30 = c31 = TLanes.Create(bias.IsEmpty ? 0.0 : bias[rows[3]]);
        c40 = c41 = TLanes.Create(bias.IsEmpty ? 0.0 : bias[rows[4]]);
        c50 = c51 = TLanes.Create(bias.IsEmpty ? 0.0 : bias[rows[5]]);
        c60 = c61 = TLanes.Create(bias.IsEmpty ? 0.0 : bias[rows[6]]);
        c70 = c71 = TLanes.Create(bias.IsEmpty ? 0.0 : bias[rows[7]]);
        ref double bp = ref Unsafe.Add(ref b, j); // B[0, j]
        for (int p = 0, ap = 0; p < k; p++, ap += aColumnStride, bp = ref Unsafe.Add(ref bp, n))
        {
            // B[p, j : j + 2W] in two vectors; each A(i, p) broadcast meets both.
            var b0 = TLanes.Load(ref bp, 0);
            var b1 = TLanes.Load(ref bp, w);
            var x = TLanes.Create(Unsafe.Add(ref a0, ap));
            c00 = TLanes.MultiplyAdd(x, b0, c00); c01 = TLanes.MultiplyAdd(x, b1, c01);
            x = TLanes.Create(Unsafe.Add(ref a1, ap));
            c10 = TLanes.MultiplyAdd(x, b0, c10); c11 = TLanes.MultiplyAdd(x, b1, c11);
            x = TLanes.Create(Unsafe.Add(ref a2, ap));
            c20 = TLanes.MultiplyAdd(x, b0, c20); c21 = TLanes.MultiplyAdd(x, b1, c21);
            x = TLanes.Create(Unsafe.Add(ref a3, ap));
            c30 = TLanes.MultiplyAdd(x, b0, c30); c31 = TLanes.MultiplyAdd(x, b1, c31);
            x = TLanes.Create(Unsafe.Add(ref a4, ap));
            c40 = TLanes.MultiplyAdd(x, b0, c40); c41 = TLanes.MultiplyAdd(x, b1, c41);
            x = TLanes.Create(Unsafe.Add(ref a5, ap));
            c50 = TLanes.MultiplyAdd(x, b0, c50); c51 = TLanes.MultiplyAdd(x, b1, c51);
            x = TLanes.Create(Unsafe.Add(ref a6, ap));
            c60 = TLanes.MultiplyAdd(x, b0, c60); c61 = TLanes.MultiplyAdd(x, b1, c61);
            x = TLanes.Create(Unsafe.Add(ref a7, ap));
            c70 = TLanes.MultiplyAdd(x, b0, c70); c71 = TLanes.MultiplyAdd(x, b1, c71);
        }
        Store2<TLanes, TVector>(ref Unsafe.Add(ref c, rows[0] * n + j), w, c00, c01); // C[i, j : j + 2W]
        Store2<TLanes, TVector>(ref Unsafe.Add(ref c, rows[1] * n + j), w, c10, c11);
        Store2<TLanes, TVector>(ref Unsafe.Add(ref c, rows[2] * n + j), w, c20, c21);
        Store2<TLanes, TVector>(ref Unsafe.Add(ref c, rows[3] * n + j), w, c30, c31);
        Store2<TLanes, TVector>(ref Unsafe.Add(ref c, rows[4] * n + j), w, c40, c41);
        Store2<TLanes, TVector>(ref Unsafe.Add(ref c, rows[5] * n + j), w, c50, c51);
        Store2<TLanes, TVector>(ref Unsafe.Add(ref c, rows[6] * n + j), w, c60, c61);
        Store2<TLanes, TVector>(ref Unsafe.Add(ref c, rows[7] * n + j), w, c70, c71);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store2<TLanes, TVector>(ref double row, int w, TVector v0, TVector v1)
        where TLanes : struct, ILanes<TVector> where TVector : struct
    {
        TLanes.Store(v0, ref row, 0);
        TLanes.Store(v1, ref row, w);
    }

    /// <summary>
    /// C[i0 : i0 + 8, j : j + W] = bias + A B, rows past the last clamped to it: the columns left
    /// over from 2W-wide blocks, all of them when the batch is narrower (acting in a few environments).
    /// Eight rows give eight independent multiply-add chains, enough to keep both FMA units busy.
    /// </summary>
    private static void MatMulBlock8RowsBy1Vector<TLanes, TVector>(int i0, int j, int m, int n, int k, ref double a,
        int aRowStride, int aColumnStride, ref double b, ReadOnlySpan<double> bias, ref double c)
        where TLanes : struct, ILanes<TVector> where TVector : struct
    {
        Span<int> rows = [i0, Math.Min(i0 + 1, m - 1), Math.Min(i0 + 2, m - 1), Math.Min(i0 + 3, m - 1),
            Math.Min(i0 + 4, m - 1), Math.Min(i0 + 5, m - 1), Math.Min(i0 + 6, m - 1), Math.Min(i0 + 7, m - 1)];
        ref double a0 = ref Unsafe.Add(ref a, rows[0] * aRowStride); // A(i0, 0)
        ref double a1 = ref Unsafe.Add(ref a, rows[1] * aRowStride);
        ref double a2 = ref Unsafe.Add(ref a, rows[2] * aRowStride);
        ref double a3 = ref Unsafe.Add(ref a, rows[3] * aRowStride);
        ref double a4 = ref Unsafe.Add(ref a, rows[4] * aRowStride);
        ref double a5 = ref Unsafe.Add(ref a, rows[5] * aRowStride);
        ref double a6 = ref Unsafe.Add(ref a, rows[6] * aRowStride);
        ref double a7 = ref Unsafe.Add(ref a, rows[7] * aRowStride);
        TVector c0 = TLanes.Create(bias.IsEmpty ? 0.0 : bias[rows[0]]), c1 = TLanes.Create(bias.IsEmpty ? 0.0 : bias[rows[1]]);
        TVector c2 = TLanes.Create(bias.IsEmpty ? 0.0 : bias[rows[2]]), c3 = TLanes.Create(bias.IsEmpty ? 0.0 : bias[rows[3]]);
        TVector c4 = TLanes.Create(bias.IsEmpty ? 0.0 : bias[rows[4]]), c5 = TLanes.Create(bias.IsEmpty ? 0.0 : bias[rows[5]]);
        TVector c6 = TLanes.Create(bias.IsEmpty ? 0.0 : bias[rows[6]]), c7 = TLanes.Create(bias.IsEmpty ? 0.0 : bias[rows[7]]);
        ref double bp = ref Unsafe.Add(ref b, j); // B[0, j]
        for (int p = 0, ap = 0; p < k; p++, ap += aColumnStride, bp = ref Unsafe.Add(ref bp, n))
        {
            var y = TLanes.Load(ref bp, 0); // B[p, j : j + W]
            c0 = TLanes.MultiplyAdd(TLanes.Create(Unsafe.Add(ref a0, ap)), y, c0);
            c1 = TLanes.MultiplyAdd(TLanes.Create(Unsafe.Add(ref a1, ap)), y, c1);
            c2 = TLanes.MultiplyAdd(TLanes.Create(Unsafe.Add(ref a2, ap)), y, c2);
            c3 = TLanes.MultiplyAdd(TLanes.Create(Unsafe.Add(ref a3, ap)), y, c3);
            c4 = TLanes.MultiplyAdd(TLanes.Create(Unsafe.Add(ref a4, ap)), y, c4);
            c5 = TLanes.MultiplyAdd(TLanes.Create(Unsafe.Add(ref a5, ap)), y, c5);
            c6 = TLanes.MultiplyAdd(TLanes.Create(Unsafe.Add(ref a6, ap)), y, c6);
            c7 = TLanes.MultiplyAdd(TLanes.Create(Unsafe.Add(ref a7, ap)), y, c7);
        }
        TLanes.Store(c0, ref c, rows[0] * n + j); // C[i, j : j + W]
        TLanes.Store(c1, ref c, rows[1] * n + j);
        TLanes.Store(c2, ref c, rows[2] * n + j);
        TLanes.Store(c3, ref c, rows[3] * n + j);
        TLanes.Store(c4, ref c, rows[4] * n + j);
        TLanes.Store(c5, ref c, rows[5] * n + j);
        TLanes.Store(c6, ref c, rows[6] * n + j);
        TLanes.Store(c7, ref c, rows[7] * n + j);
    }

    /// <summary>Same as <see cref="ScalarKernels.MatMulTransposedAccumulate"/>: <c>C += A B^T</c>.</summary>
    /// <remarks>
    /// Each C[i, j] is a dot product of two contiguous rows, vectorised along p: a 4 x 4 block of
    /// outputs keeps 16 vector partial sums, added across lanes once at the end. Rows past the last
    /// are clamped to it for the arithmetic but never stored (C is added to, so storing a repeat
    /// would count it twice). The last k mod W terms of every dot product are added in a plain
    /// loop afterwards, so that the block loops call nothing: a call would make the JIT keep the
    /// 16 partial sums in memory instead of registers.
    /// </remarks>
    public static void MatMulTransposedAccumulate(int m, int n, int k, ReadOnlySpan<double> a,
        ReadOnlySpan<double> b, Span<double> c)
    {
        // The wide vectors only when they leave no lanes over: a row of 4 inputs (CartPole's first
        // layer when acting) is one 256-bit vector but would be 4 scalar steps after 0 512-bit ones.
        if (Vector512.IsHardwareAccelerated && k % Vector512<double>.Count == 0)
            MatMulTransposedAccumulate<Vector512Lanes, Vector512<double>>(m, n, k, a, b, c);
        else
            MatMulTransposedAccumulate<PortableLanes, Vector<double>>(m, n, k, a, b, c);
    }

    /// <summary><see cref="MatMulTransposedAccumulate"/> at the width of <typeparamref name="TLanes"/>.</summary>
    internal static void MatMulTransposedAccumulate<TLanes, TVector>(int m, int n, int k, ReadOnlySpan<double> a,
        ReadOnlySpan<double> b, Span<double> c)
        where TLanes : struct, ILanes<TVector> where TVector : struct
    {
        KernelChecks.MatMulTransposed(m, n, k, a, b, c);
        ref double a0 = ref MemoryMarshal.GetReference(a);
        ref double b0 = ref MemoryMarshal.GetReference(b);
        ref double c0 = ref MemoryMarshal.GetReference(c);
        int kv = k - k % TLanes.Count; // p < kv: in vectors; kv <= p < k: one by one
        for (int i = 0; i < m; i += 4)
        {
            int j = 0;
            for (; j + 4 <= n; j += 4) DotBlock4By4<TLanes, TVector>(i, j, m, n, k, kv, ref a0, ref b0, ref c0);
            for (; j < n; j++) DotBlock4By1<TLanes, TVector>(i, j, m, n, k, kv, ref a0, ref b0, ref c0);
        }
        for (int i = 0; i < m && kv < k; i++)
            for (int j = 0; j < n; j++)
            {
                double sum = 0.0;
                for (int p = kv; p < k; p++) sum = Math.FusedMultiplyAdd(Unsafe.Add(ref a0, i * k + p), Unsafe.Add(ref b0, j * k + p), sum);
                Unsafe.Add(ref c0, i * n + j) += sum; // C[i, j] += sum_{p >= kv} A[i, p] B[j, p]
            }
    }

    /// <summary>C[i0 : i0 + 4, j0 : j0 + 4] += A[i0 : i0 + 4, 0 : kv] B[j0 : j0 + 4, 0 : kv]^T.</summary>
    private static void DotBlock4By4<TLanes, TVector>(int i0, int j0, int m, int n, int k, int kv, ref double a,
        ref double b, ref double c)
        where TLanes : struct, ILanes<TVector> where TVector : struct
    {
        int i1 = Math.Min(i0 + 1, m - 1), i2 = Math.Min(i0 + 2, m - 1), i3 = Math.Min(i0 + 3, m - 1);
        ref double a0 = ref Unsafe.Add(ref a, i0 * k); // A[i0, 0]
        ref double a1 = ref Unsafe.Add(ref a, i1 * k);
        ref double a2 = ref Unsafe.Add(ref a, i2 * k);
        ref double a3 = ref Unsafe.Add(ref a, i3 * k);
        ref double b0 = ref Unsafe.Add(ref b, j0 * k); // B[j0, 0]
        ref double b1 = ref Unsafe.Add(ref b0, k);
        ref double b2 = ref Unsafe.Add(ref b1, k);
        ref double b3 = ref Unsafe.Add(ref b2, k);
        TVector s00, s01, s02, s03, s10, s11, s12, s13, s20, s21, s22, s23, s30, s31, s32, s33;
        s00 = s01 = s02 = s03 = s10 = s11 = s12 = s13 = s20 = s21 = s22 = s23 = s30 = s31 = s32 = s33 = TLanes.Create(0.0);
        for (int p = 0; p < kv; p += TLanes.Count)
        {
            // A[i, p : p + W] and B[j, p : p + W] for the four i and four j of the block.
            var x0 = TLanes.Load(ref a0, p);
            var x1 = TLanes.Load(ref a1, p);
            var x2 = TLanes.Load(ref a2, p);
            var x3 = TLanes.Load(ref a3, p);
            var y = TLanes.Load(ref b0, p);
            s00 = TLanes.MultiplyAdd(x0, y, s00); s10 = TLanes.MultiplyAdd(x1, y, s10);
            s20 = TLanes.MultiplyAdd(x2, y, s20); s30 = TLanes.MultiplyAdd(x3, y, s30);
            y = TLanes.Load(ref b1, p);
            s01 = TLanes.MultiplyAdd(x0, y, s01); s11 = TLanes.MultiplyAdd(x1, y, s11);
            s21 = TLanes.MultiplyAdd(x2, y, s21); s31 = TLanes.MultiplyAdd(x3, y, s31);
            y = TLanes.Load(ref b2, p);
            s02 = TLanes.MultiplyAdd(x0, y, s02); s12 = TLanes.MultiplyAdd(x1, y, s12);
            s22 = TLanes.MultiplyAdd(x2, y, s22); s32 = TLanes.MultiplyAdd(x3, y, s32);
            y = TLanes.Load(ref b3, p);
            s03 = TLanes.MultiplyAdd(x0, y, s03); s13 = TLanes.MultiplyAdd(x1, y, s13);
            s23 = TLanes.MultiplyAdd(x2, y, s23); s33 = TLanes.MultiplyAdd(x3, y, s33);
        }
        ref double c0 = ref Unsafe.Add(ref c, i0 * n + j0); // C[i0, j0]
        TLanes.AddSumsOfFour(ref c0, s00, s01, s02, s03);
        if (i0 + 1 < m) TLanes.AddSumsOfFour(ref Unsafe.Add(ref c0, n), s10, s11, s12, s13);
        if (i0 + 2 < m) TLanes.AddSumsOfFour(ref Unsafe.Add(ref c0, 2 * n), s20, s21, s22, s23);
        if (i0 + 3 < m) TLanes.AddSumsOfFour(ref Unsafe.Add(ref c0, 3 * n), s30, s31, s32, s33);
    }

    /// <summary>C[i0 : i0 + 4, j] += A[i0 : i0 + 4, 0 : kv] B[j, 0 : kv]^T: the columns left over from 4 x 4 blocks.</summary>
    private static void DotBlock4By1<TLanes, TVector>(int i0, int j, int m, int n, int k, int kv, ref double a,
        ref double b, ref double c)
        where TLanes : struct, ILanes<TVector> where TVector : struct
    {
        int i1 = Math.Min(i0 + 1, m - 1), i2 = Math.Min(i0 + 2, m - 1), i3 = Math.Min(i0 + 3, m - 1);
        ref double a0 = ref Unsafe.Add(ref a, i0 * k);
        ref double a1 = ref Unsafe.Add(ref a, i1 * k);
        ref double a2 = ref Unsafe.Add(ref a, i2 * k);
        ref double a3 = ref Unsafe.Add(ref a, i3 * k);
        ref double bj = ref Unsafe.Add(ref b, j * k); // B[j, 0]
        TVector s0 = TLanes.Create(0.0), s1 = s0, s2 = s0, s3 = s0;
        for (int p = 0; p < kv; p += TLanes.Count)
        {
            var y = TLanes.Load(ref bj, p);
            s0 = TLanes.MultiplyAdd(TLanes.Load(ref a0, p), y, s0);
            s1 = TLanes.MultiplyAdd(TLanes.Load(ref a1, p), y, s1);
            s2 = TLanes.MultiplyAdd(TLanes.Load(ref a2, p), y, s2);
            s3 = TLanes.MultiplyAdd(TLanes.Load(ref a3, p), y, s3);
        }
        ref double cij = ref Unsafe.Add(ref c, i0 * n + j); // C[i0, j]
        cij += TLanes.Sum(s0);
        if (i0 + 1 < m) Unsafe.Add(ref cij, n) += TLanes.Sum(s1);
        if (i0 + 2 < m) Unsafe.Add(ref cij, 2 * n) += TLanes.Sum(s2);
        if (i0 + 3 < m) Unsafe.Add(ref cij, 3 * n) += TLanes.Sum(s3);
    }

    /// <summary>Same as <see cref="ScalarKernels.AccumulateRowSums"/>: <c>sums[i] += sum_j X[i, j]</c>.</summary>
    public static void AccumulateRowSums(int m, int n, ReadOnlySpan<double> x, Span<double> sums)
    {
        KernelChecks.RowSums(m, n, x, sums);
        int w = Vector<double>.Count;
        ref double x0 = ref MemoryMarshal.GetReference(x);
        for (int i = 0; i < m; i++)
        {
            ref double row = ref Unsafe.Add(ref x0, i * n); // X[i, 0]
            var partial = Vector<double>.Zero;
            int j = 0;
            for (; j + w <= n; j += w) partial += Vector.LoadUnsafe(ref row, (nuint)j);
            double sum = Vector.Sum(partial);
            for (; j < n; j++) sum += Unsafe.Add(ref row, j);
            sums[i] += sum;
        }
    }

    /// <summary>Same as <see cref="ScalarKernels.Tanh"/>: <c>y = tanh x</c>, W lanes at a time.</summary>
    public static void Tanh(ReadOnlySpan<double> x, Span<double> y)
    {
        if (Vector512.IsHardwareAccelerated) Tanh<Vector512Lanes, Vector512<double>>(x, y);
        else Tanh<PortableLanes, Vector<double>>(x, y);
    }

    /// <summary><see cref="Tanh"/> at the width of <typeparamref name="TLanes"/>; the last x.Length mod W by <see cref="Math.Tanh"/>.</summary>
    internal static void Tanh<TLanes, TVector>(ReadOnlySpan<double> x, Span<double> y)
        where TLanes : struct, ILanes<TVector> where TVector : struct
    {
        KernelChecks.SameLength(x.Length, y.Length, nameof(y));
        ref double x0 = ref MemoryMarshal.GetReference(x);
        ref double y0 = ref MemoryMarshal.GetReference(y);
        int i = 0;
        for (; i + TLanes.Count <= x.Length; i += TLanes.Count)
            TLanes.Store(TanhLanes<TLanes, TVector>(TLanes.Load(ref x0, i)), ref y0, i);
        for (; i < x.Length; i++) y[i] = Math.Tanh(x[i]);
    }

    // Cephes' tanh.c (Moshier): tanh z = z + z s P(s) / Q(s), s = z^2, for |z| < 0.625; Q is monic.
    private const double P0 = -9.64399179425052238628E-1, P1 = -9.92877231001918586564E1, P2 = -1.61468768441708447952E3;
    private const double Q0 = 1.12811678491632931402E2, Q1 = 2.23548839060100448583E3, Q2 = 4.84406305325125486048E3;

    /// <summary>
    /// tanh of every lane, to a few ulp. With z = |x| and the sign of x put back at the end, two
    /// formulas, each "a base plus a small correction", one selected per lane:
    /// <code>
    ///   z &lt; 0.625:   tanh z = z + z s P(s) / Q(s),  s = z^2     (Cephes' rational fit)
    ///   z &gt;= 0.625:  tanh z = 1 - 2e / (1 + e),     e = exp(-2z)
    /// </code>
    /// Why two: the exponential formula alone loses digits near 0, where 1 - e cancels (at
    /// x = 1e-6 it keeps only about 10 of 16 digits); the rational fit is accurate only near 0.
    /// Selecting numerator and denominator before dividing costs one division for both.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector TanhLanes<TLanes, TVector>(TVector x)
        where TLanes : struct, ILanes<TVector> where TVector : struct
    {
        var one = TLanes.Create(1.0);
        var z = TLanes.Abs(x);
        var s = TLanes.Multiply(z, z);
        var p = TLanes.MultiplyAdd(TLanes.MultiplyAdd(TLanes.Create(P0), s, TLanes.Create(P1)), s, TLanes.Create(P2));
        var q = TLanes.MultiplyAdd(TLanes.MultiplyAdd(TLanes.Add(s, TLanes.Create(Q0)), s, TLanes.Create(Q1)), s, TLanes.Create(Q2));
        // tanh z rounds to 1 from z = 19.1 on, so clamping -2z at -40 changes nothing and keeps exp normal.
        // (For a NaN lane the clamp may give -40 or NaN: that lane takes the near formula anyway.)
        var e = ExpLanes<TLanes, TVector>(TLanes.MaxNative(TLanes.Multiply(z, TLanes.Create(-2.0)), TLanes.Create(-40.0)));
        var far = TLanes.AtLeast(z, TLanes.Create(0.625)); // NaN is not far: the near formula keeps it NaN
        var baseValue = TLanes.Select(far, one, z);
        var numerator = TLanes.Select(far, TLanes.Multiply(e, TLanes.Create(-2.0)), TLanes.Multiply(TLanes.Multiply(z, s), p));
        var denominator = TLanes.Select(far, TLanes.Add(one, e), q);
        return TLanes.CopySign(TLanes.Add(baseValue, TLanes.Divide(numerator, denominator)), x);
    }

    private const double InverseLn2 = 1.44269504088896338700e+00;
    private const double Ln2High = 6.93147180369123816490e-01; // ln 2 = Ln2High + Ln2Low, Ln2High with 32 bits
    private const double Ln2Low = 1.90821492927058770002e-10;
    private const double RoundingShifter = 6755399441055744.0;  // 1.5 * 2^52

    /// <summary>
    /// exp y for -40 &lt;= y &lt;= 0 (no overflow, underflow or NaN handling: the caller clamps), to
    /// about 1 ulp, written out so that it inlines:
    /// <code>
    ///   k = round(y / ln 2),  r = y - k ln 2  (|r| &lt;= ln 2 / 2),  exp y = 2^k exp r
    /// </code>
    /// with exp r by its Taylor series to r^13 (the next term is below 5e-18) and 2^k built in the
    /// exponent bits. Adding 1.5 * 2^52 rounds y / ln 2 to an integer k and leaves k in the low bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector ExpLanes<TLanes, TVector>(TVector y)
        where TLanes : struct, ILanes<TVector> where TVector : struct
    {
        var shifted = TLanes.MultiplyAdd(y, TLanes.Create(InverseLn2), TLanes.Create(RoundingShifter));
        var k = TLanes.Subtract(shifted, TLanes.Create(RoundingShifter));
        var r = TLanes.MultiplyAdd(k, TLanes.Create(-Ln2Low), TLanes.MultiplyAdd(k, TLanes.Create(-Ln2High), y));
        // exp r = sum_{i=0}^{13} r^i / i! by Estrin's scheme: pairs, then pairs of pairs, so the
        // longest chain is 4 multiply-adds deep instead of Horner's 13.
        var r2 = TLanes.Multiply(r, r);
        var r4 = TLanes.Multiply(r2, r2);
        var r8 = TLanes.Multiply(r4, r4);
        var c01 = TLanes.MultiplyAdd(r, TLanes.Create(1.0), TLanes.Create(1.0));
        var c23 = TLanes.MultiplyAdd(r, TLanes.Create(1.0 / 6), TLanes.Create(1.0 / 2));
        var c45 = TLanes.MultiplyAdd(r, TLanes.Create(1.0 / 120), TLanes.Create(1.0 / 24));
        var c67 = TLanes.MultiplyAdd(r, TLanes.Create(1.0 / 5040), TLanes.Create(1.0 / 720));
        var c89 = TLanes.MultiplyAdd(r, TLanes.Create(1.0 / 362880), TLanes.Create(1.0 / 40320));
        var c1011 = TLanes.MultiplyAdd(r, TLanes.Create(1.0 / 39916800), TLanes.Create(1.0 / 3628800));
        var c1213 = TLanes.MultiplyAdd(r, TLanes.Create(1.0 / 6227020800), TLanes.Create(1.0 / 479001600));
        var c03 = TLanes.MultiplyAdd(r2, c23, c01);
        var c47 = TLanes.MultiplyAdd(r2, c67, c45);
        var c811 = TLanes.MultiplyAdd(r2, c1011, c89);
        var c07 = TLanes.MultiplyAdd(r4, c47, c03);
        var c813 = TLanes.MultiplyAdd(r4, c1213, c811);
        var sum = TLanes.MultiplyAdd(r8, c813, c07);
        return TLanes.Multiply(sum, TLanes.PowerOfTwo(shifted));
    }

    /// <summary>Same as <see cref="ScalarKernels.TanhBackward"/>: <c>dx = dy (1 - y^2)</c>.</summary>
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
