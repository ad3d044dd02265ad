using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Rl.Nn;

/// <content>C += A B^T, as dot products of rows (dW of a layer, and acting on one row).</content>
public static partial class SimdKernels
{
    /// <summary>Same as <see cref="ScalarKernels.MatMulTransposedAccumulate"/>: <c>C += A B^T</c>.</summary>
    /// <remarks>
    /// Each C[i, j] is a dot product of two contiguous rows, vectorised along p: a 4 x 4 block of
    /// outputs keeps 16 vector partial sums, added across lanes once at the end; leftover columns
    /// go 8 rows at a time. Rows past the last
    /// are clamped to it for the arithmetic but never stored (C is added to, so storing a repeat
    /// would count it twice). The last k mod W terms of every dot product are added in a plain
    /// loop afterwards, so that the block loops call nothing: a call would make the JIT keep the
    /// 16 partial sums in memory instead of registers.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    internal static void MatMulTransposedAccumulate<TLanes, TVector>(int m, int n, int k, ReadOnlySpan<double> a,
        ReadOnlySpan<double> b, Span<double> c)
        where TLanes : struct, ILanes<TVector> where TVector : struct
    {
        KernelChecks.MatMulTransposed(m, n, k, a, b, c);
        ref double a0 = ref MemoryMarshal.GetReference(a);
        ref double b0 = ref MemoryMarshal.GetReference(b);
        ref double c0 = ref MemoryMarshal.GetReference(c);
        int kv = k - k % TLanes.Count; // p < kv: in vectors; kv <= p < k: one by one
        int n4 = n - n % 4; // columns j < n4 in 4 x 4 blocks, the rest (all of them for one row) in 8 x 1 blocks
        for (int i = 0; i < m; i += 4)
            for (int j = 0; j < n4; j += 4)
                DotBlock4By4<TLanes, TVector>(i, j, m, n, k, kv, ref a0, ref b0, ref c0);
        for (int j = n4; j < n; j++)
            for (int i = 0; i < m; i += 8)
                DotBlock8By1<TLanes, TVector>(i, j, m, n, k, kv, ref a0, ref b0, ref c0);
        for (int i = 0; i < m && kv < k; i++)
            for (int j = 0; j < n; j++)
            {
                double sum = 0.0;
                for (int p = kv; p < k; p++) sum = Math.FusedMultiplyAdd(Unsafe.Add(ref a0, i * k + p), Unsafe.Add(ref b0, j * k + p), sum);
                Unsafe.Add(ref c0, i * n + j) += sum; // C[i, j] += sum_{p >= kv} A[i, p] B[j, p]
            }
    }

    /// <summary>C[i0 : i0 + 4, j0 : j0 + 4] += A[i0 : i0 + 4, 0 : kv] B[j0 : j0 + 4, 0 : kv]^T.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    /// <summary>
    /// C[i0 : i0 + 8, j] += A[i0 : i0 + 8, 0 : kv] B[j, 0 : kv]^T: the columns left over from 4 x 4
    /// blocks, and the whole of a matrix-vector product (acting on one row). Eight rows give eight
    /// independent multiply-add chains, enough to keep both FMA units busy.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void DotBlock8By1<TLanes, TVector>(int i0, int j, int m, int n, int k, int kv, ref double a,
        ref double b, ref double c)
        where TLanes : struct, ILanes<TVector> where TVector : struct
    {
        ref double a0 = ref Unsafe.Add(ref a, i0 * k); // A[i0, 0]
        ref double a1 = ref Unsafe.Add(ref a, Math.Min(i0 + 1, m - 1) * k);
        ref double a2 = ref Unsafe.Add(ref a, Math.Min(i0 + 2, m - 1) * k);
        ref double a3 = ref Unsafe.Add(ref a, Math.Min(i0 + 3, m - 1) * k);
        ref double a4 = ref Unsafe.Add(ref a, Math.Min(i0 + 4, m - 1) * k);
        ref double a5 = ref Unsafe.Add(ref a, Math.Min(i0 + 5, m - 1) * k);
        ref double a6 = ref Unsafe.Add(ref a, Math.Min(i0 + 6, m - 1) * k);
        ref double a7 = ref Unsafe.Add(ref a, Math.Min(i0 + 7, m - 1) * k);
        ref double bj = ref Unsafe.Add(ref b, j * k); // B[j, 0]
        TVector s0 = TLanes.Create(0.0), s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0, s6 = s0, s7 = s0;
        for (int p = 0; p < kv; p += TLanes.Count)
        {
            var y = TLanes.Load(ref bj, p); // B[j, p : p + W]
            s0 = TLanes.MultiplyAdd(TLanes.Load(ref a0, p), y, s0);
            s1 = TLanes.MultiplyAdd(TLanes.Load(ref a1, p), y, s1);
            s2 = TLanes.MultiplyAdd(TLanes.Load(ref a2, p), y, s2);
            s3 = TLanes.MultiplyAdd(TLanes.Load(ref a3, p), y, s3);
            s4 = TLanes.MultiplyAdd(TLanes.Load(ref a4, p), y, s4);
            s5 = TLanes.MultiplyAdd(TLanes.Load(ref a5, p), y, s5);
            s6 = TLanes.MultiplyAdd(TLanes.Load(ref a6, p), y, s6);
            s7 = TLanes.MultiplyAdd(TLanes.Load(ref a7, p), y, s7);
        }
        ref double cij = ref Unsafe.Add(ref c, i0 * n + j); // C[i0, j]; C[i0 + r, j] is r n further
        cij += TLanes.Sum(s0);
        if (i0 + 1 < m) Unsafe.Add(ref cij, n) += TLanes.Sum(s1);
        if (i0 + 2 < m) Unsafe.Add(ref cij, 2 * n) += TLanes.Sum(s2);
        if (i0 + 3 < m) Unsafe.Add(ref cij, 3 * n) += TLanes.Sum(s3);
        if (i0 + 4 < m) Unsafe.Add(ref cij, 4 * n) += TLanes.Sum(s4);
        if (i0 + 5 < m) Unsafe.Add(ref cij, 5 * n) += TLanes.Sum(s5);
        if (i0 + 6 < m) Unsafe.Add(ref cij, 6 * n) += TLanes.Sum(s6);
        if (i0 + 7 < m) Unsafe.Add(ref cij, 7 * n) += TLanes.Sum(s7);
    }
}
