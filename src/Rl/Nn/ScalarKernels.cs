namespace Rl.Nn;

/// <summary>
/// The reference kernels: plain loops, one line per formula, no tricks. <see cref="SimdKernels"/>
/// has the same methods, written for speed, and the tests hold it to these within 1e-12 relative.
/// Read these to learn what a kernel computes; read the other to learn how it is made fast.
/// </summary>
/// <remarks>
/// Matrices are row-major spans: entry (i, j) of an [m x n] matrix sits at <c>i * n + j</c>.
/// </remarks>
public static class ScalarKernels
{
    /// <summary>
    /// The plain matrix product with a bias per row: <c>C = bias 1^T + A B</c>, that is
    /// <c>C[i, j] = bias[i] + sum_p A(i, p) B[p, j]</c>. C is overwritten.
    /// </summary>
    /// <param name="m">Rows of A and C.</param>
    /// <param name="n">Columns of B and C.</param>
    /// <param name="k">Columns of A, rows of B: the summed index p.</param>
    /// <param name="a">A, read as A(i, p) = <c>a[i * aRowStride + p * aColumnStride]</c>, so that a
    /// transposed matrix is passed as it is stored, with the strides swapped.</param>
    /// <param name="aRowStride">Distance in <paramref name="a"/> between A(i, p) and A(i + 1, p).</param>
    /// <param name="aColumnStride">Distance in <paramref name="a"/> between A(i, p) and A(i, p + 1).</param>
    /// <param name="b">B, [k x n] row-major.</param>
    /// <param name="bias">One entry per row of C, or empty for no bias.</param>
    /// <param name="c">C, [m x n] row-major.</param>
    public static void MatMul(int m, int n, int k, ReadOnlySpan<double> a, int aRowStride, int aColumnStride,
        ReadOnlySpan<double> b, ReadOnlySpan<double> bias, Span<double> c)
    {
        KernelChecks.MatMul(m, n, k, a, aRowStride, aColumnStride, b, bias, c);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double sum = bias.IsEmpty ? 0.0 : bias[i];
                for (int p = 0; p < k; p++)
                    sum += a[i * aRowStride + p * aColumnStride] * b[p * n + j]; // A(i, p) B[p, j]
                c[i * n + j] = sum;                                            // C[i, j]
            }
    }

    /// <summary>
    /// Accumulates a product with the second factor transposed: <c>C += A B^T</c>, that is
    /// <c>C[i, j] += sum_p A[i, p] B[j, p]</c>, a dot product of row i of A with row j of B.
    /// </summary>
    /// <param name="m">Rows of A and C.</param>
    /// <param name="n">Rows of B, columns of C.</param>
    /// <param name="k">Length of every row of A and B: the summed index p.</param>
    /// <param name="a">A, [m x k] row-major.</param>
    /// <param name="b">B, [n x k] row-major.</param>
    /// <param name="c">C, [m x n] row-major, added to.</param>
    public static void MatMulTransposedAccumulate(int m, int n, int k, ReadOnlySpan<double> a,
        ReadOnlySpan<double> b, Span<double> c)
    {
        KernelChecks.MatMulTransposed(m, n, k, a, b, c);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double sum = 0.0;
                for (int p = 0; p < k; p++)
                    sum += a[i * k + p] * b[j * k + p]; // A[i, p] B[j, p]
                c[i * n + j] += sum;                  // C[i, j]
            }
    }

    /// <summary>Accumulates the sum of each row: <c>sums[i] += sum_j X[i, j]</c> for X [m x n].</summary>
    public static void AccumulateRowSums(int m, int n, ReadOnlySpan<double> x, Span<double> sums)
    {
        KernelChecks.RowSums(m, n, x, sums);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
                sums[i] += x[i * n + j]; // X[i, j]
    }

    /// <summary><c>y = tanh x</c>, elementwise; <paramref name="y"/> may be <paramref name="x"/>.</summary>
    public static void Tanh(ReadOnlySpan<double> x, Span<double> y)
    {
        KernelChecks.SameLength(x.Length, y.Length, nameof(y));
        for (int i = 0; i < x.Length; i++) y[i] = Math.Tanh(x[i]);
    }

    /// <summary>
    /// The backward pass of tanh, elementwise: <c>dx = dy (1 - y^2)</c>, from the forward
    /// output y (tanh' x = 1 - tanh^2 x). <paramref name="dx"/> may be <paramref name="dy"/>.
    /// </summary>
    public static void TanhBackward(ReadOnlySpan<double> y, ReadOnlySpan<double> dy, Span<double> dx)
    {
        KernelChecks.SameLength(y.Length, dy.Length, nameof(dy));
        KernelChecks.SameLength(y.Length, dx.Length, nameof(dx));
        for (int i = 0; i < y.Length; i++) dx[i] = dy[i] * (1.0 - y[i] * y[i]);
    }

    /// <summary><c>sum_i x_i^2</c>, the squared Euclidean norm.</summary>
    public static double SumOfSquares(ReadOnlySpan<double> x)
    {
        double sum = 0.0;
        for (int i = 0; i < x.Length; i++) sum += x[i] * x[i];
        return sum;
    }

    /// <summary><c>x *= factor</c>, elementwise.</summary>
    public static void Scale(Span<double> x, double factor)
    {
        for (int i = 0; i < x.Length; i++) x[i] *= factor;
    }

    /// <summary>
    /// One Adam step (Kingma and Ba, 2015) at step count t (1 for the first step), as the paper
    /// writes it:
    /// <code>
    ///   m = beta1 m + (1 - beta1) g          v = beta2 v + (1 - beta2) g^2
    ///   mhat = m / (1 - beta1^t)            vhat = v / (1 - beta2^t)
    ///   p -= lr mhat / (sqrt(vhat) + eps)
    /// </code>
    /// </summary>
    public static void AdamStep(Span<double> parameters, ReadOnlySpan<double> gradients, Span<double> m,
        Span<double> v, long t, double learningRate, double beta1, double beta2, double epsilon)
    {
        KernelChecks.Adam(parameters, gradients, m, v, t);
        for (int i = 0; i < parameters.Length; i++)
        {
            double g = gradients[i];
            m[i] = beta1 * m[i] + (1.0 - beta1) * g;
            v[i] = beta2 * v[i] + (1.0 - beta2) * g * g;
            double mHat = m[i] / (1.0 - Math.Pow(beta1, t));
            double vHat = v[i] / (1.0 - Math.Pow(beta2, t));
            parameters[i] -= learningRate * mHat / (Math.Sqrt(vHat) + epsilon);
        }
    }
}
