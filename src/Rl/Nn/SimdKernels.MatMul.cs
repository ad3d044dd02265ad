using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Rl.Nn;

/// <content>C = bias 1^T + A B, vectorised along the columns (the forward pass and dX of a layer).</content>
public static partial class SimdKernels
{
    /// <summary>Same as <see cref="ScalarKernels.MatMul"/>: <c>C = bias 1^T + A B</c>.</summary>
    /// <remarks>
    /// Vectorised along the columns j of B and C (contiguous), so A may have any strides: each
    /// A(i, p) is broadcast to all lanes. Blocks of 8 rows x 2W columns (16 vector accumulators;
    /// measured faster than 4 x 4W here), then 8 rows x W columns, then single columns; a block
    /// that overhangs the last row repeats that row, which is harmless because C is overwritten,
    /// not added to.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MatMul(int m, int n, int k, ReadOnlySpan<double> a, int aRowStride, int aColumnStride,
        ReadOnlySpan<double> b, ReadOnlySpan<double> bias, Span<double> c)
    {
        if (Vector512.IsHardwareAccelerated)
            MatMul<Vector512Lanes, Vector512<double>>(m, n, k, a, aRowStride, aColumnStride, b, bias, c);
        else
            MatMul<PortableLanes, Vector<double>>(m, n, k, a, aRowStride, aColumnStride, b, bias, c);
    }

    /// <summary><see cref="MatMul"/> at the width of <typeparamref name="TLanes"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
}
