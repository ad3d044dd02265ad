namespace Rl.Nn;

/// <summary>
/// Shape checks shared by <see cref="ScalarKernels"/> and <see cref="SimdKernels"/>. The SIMD
/// kernels read through unchecked references, so these checks are what keeps them inside their
/// spans: every kernel calls its check before touching memory.
/// </summary>
internal static class KernelChecks
{
    public static void MatMul(int m, int n, int k, ReadOnlySpan<double> a, int aRowStride, int aColumnStride,
        ReadOnlySpan<double> b, ReadOnlySpan<double> bias, Span<double> c)
    {
        Dimensions(m, n, k);
        Guard.AtLeast(aRowStride, 0, nameof(aRowStride));
        Guard.AtLeast(aColumnStride, 0, nameof(aColumnStride));
        // The last entry of A read is A(m - 1, k - 1).
        long aNeeded = m == 0 || k == 0 ? 0 : (long)(m - 1) * aRowStride + (long)(k - 1) * aColumnStride + 1;
        AtLeastLength(a.Length, aNeeded, nameof(a), "A(m - 1, k - 1) must be inside it");
        AtLeastLength(b.Length, (long)k * n, nameof(b), "B is [k x n]");
        if (!bias.IsEmpty) AtLeastLength(bias.Length, m, nameof(bias), "one bias per row of C, or none");
        AtLeastLength(c.Length, (long)m * n, nameof(c), "C is [m x n]");
    }

    public static void MatMulTransposed(int m, int n, int k, ReadOnlySpan<double> a, ReadOnlySpan<double> b,
        Span<double> c)
    {
        Dimensions(m, n, k);
        AtLeastLength(a.Length, (long)m * k, nameof(a), "A is [m x k]");
        AtLeastLength(b.Length, (long)n * k, nameof(b), "B is [n x k]");
        AtLeastLength(c.Length, (long)m * n, nameof(c), "C is [m x n]");
    }

    public static void RowSums(int m, int n, ReadOnlySpan<double> x, Span<double> sums)
    {
        Dimensions(m, n, 0);
        AtLeastLength(x.Length, (long)m * n, nameof(x), "X is [m x n]");
        AtLeastLength(sums.Length, m, nameof(sums), "one sum per row");
    }

    public static void Adam(Span<double> parameters, ReadOnlySpan<double> gradients, Span<double> m,
        Span<double> v, long t)
    {
        SameLength(parameters.Length, gradients.Length, nameof(gradients));
        SameLength(parameters.Length, m.Length, nameof(m));
        SameLength(parameters.Length, v.Length, nameof(v));
        if (t < 1) throw new ArgumentOutOfRangeException(nameof(t), t, "t must be at least 1 (the first step is t = 1).");
    }

    public static void SameLength(int expected, int actual, string name) =>
        Guard.Length(actual, expected, name, "elementwise: one entry per input entry");

    private static void Dimensions(int m, int n, int k)
    {
        Guard.AtLeast(m, 0, nameof(m));
        Guard.AtLeast(n, 0, nameof(n));
        Guard.AtLeast(k, 0, nameof(k));
    }

    private static void AtLeastLength(int actual, long needed, string name, string rule)
    {
        if (actual < needed)
            throw new ArgumentException($"{name} has length {actual} but needs at least {needed} ({rule}).", name);
    }
}
