using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Rl.Regression;

/// <summary>
/// Step 3 of lecture item 3: estimate V^pi by regressing targets y on states,
/// Vhat = argmin_V sum_{(s, y) in D} (V(s) - y)^2. The Bayes-optimal regressor is E[y | s], which
/// is V^pi(s) when y is a Monte Carlo return, so a flexible enough regressor fitted on enough data
/// approaches V^pi.
/// </summary>
public static class ValueRegression
{
    private const double MachineEpsilon = 2.220446049250313e-16; // 2^-52, the gap between 1 and the next double

    /// <summary>
    /// Linear least squares on features phi, with an optional ridge penalty:
    /// <code>
    ///   w = argmin_w sum_i (phi(s_i)^T w - y_i)^2 + ridge ||w||^2,    Vhat(s) = phi(s)^T w.
    /// </code>
    /// With the design matrix X (row i is phi(s_i)^T) and its singular value decomposition
    /// X = sum_j sigma_j u_j v_j^T, the solution is
    /// <code>
    ///   w = sum_j sigma_j / (sigma_j^2 + ridge) (u_j^T y) v_j.
    /// </code>
    /// With ridge = 0 the sum skips singular values below max(n, d) eps sigma_max, which gives the
    /// minimum-norm least-squares solution X^+ y: a direction of w that no data point constrains
    /// (for one-hot features, an unvisited state) gets weight 0 instead of an arbitrary value.
    /// </summary>
    /// <remarks>
    /// The decomposition goes through a thin QR first, X = Q R, then the SVD of the small d x d
    /// matrix R, so the cost is O(n d^2) and the memory O(n d) however many pairs there are.
    /// Solving by QR and SVD, never by the normal equations X^T X w = X^T y, keeps the error
    /// proportional to the condition number of X rather than its square. Ridge trades a bias
    /// towards w = 0 for lower variance when data are few.
    /// </remarks>
    /// <param name="dataset">D = {(s_i, y_i)}, not empty.</param>
    /// <param name="features">phi, which must give finite values on every state of the dataset.</param>
    /// <param name="ridge">The penalty on ||w||^2 (typically denoted lambda in ridge regression; not
    /// GAE's lambda), finite and non-negative.</param>
    public static LinearValueFunction<TState> LeastSquares<TState>(
        ValueDataset<TState> dataset, IFeatureMap<TState> features, double ridge = 0.0)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(features);
        if (dataset.Count == 0) throw new ArgumentException("dataset must not be empty: there is nothing to fit.", nameof(dataset));
        if (!(ridge >= 0) || !double.IsFinite(ridge))
            throw new ArgumentOutOfRangeException(nameof(ridge), ridge, "ridge must be finite and non-negative.");

        int n = dataset.Count, d = features.Dimension;
        var x = Matrix<double>.Build.Dense(n, d); // X: n x d, row i = phi(s_i)^T
        var y = Vector<double>.Build.Dense(n);
        var phi = new double[d];
        for (int i = 0; i < n; i++)
        {
            features.Write(dataset.States[i], phi);
            for (int j = 0; j < d; j++)
            {
                if (!double.IsFinite(phi[j]))
                    throw new ArgumentException($"feature {j} of state {i} in the dataset is {phi[j]}; features must be finite.", nameof(features));
                x[i, j] = phi[j];
            }
            y[i] = dataset.Targets[i];
        }

        // Reduce to a small matrix M with the same singular values and right singular vectors as X:
        // for n >= d, X = Q R (Q: n x d with orthonormal columns) so M = R (d x d) and u_j^T y = (U_R^T Q^T y)_j;
        // for n < d, X is already small: M = X.
        var (m, projected) = n >= d ? ReduceByQr(x, y) : (x, y);
        var svd = m.Svd(computeVectors: true); // M = U S V^T
        var uTy = svd.U.TransposeThisAndMultiply(projected);
        double cutoff = Math.Max(n, d) * MachineEpsilon * svd.S.Maximum();

        var w = Vector<double>.Build.Dense(d);
        for (int j = 0; j < svd.S.Count; j++)
        {
            double sigma = svd.S[j];
            double shrink = ridge > 0 ? sigma / (sigma * sigma + ridge) : sigma > cutoff ? 1.0 / sigma : 0.0;
            if (shrink != 0) w += shrink * uTy[j] * svd.VT.Row(j); // + sigma_j / (sigma_j^2 + ridge) (u_j^T y) v_j
        }
        return new LinearValueFunction<TState>(features, w.ToArray());
    }

    private static (Matrix<double> R, Vector<double> QTy) ReduceByQr(Matrix<double> x, Vector<double> y)
    {
        var qr = x.QR(QRMethod.Thin);
        return (qr.R, qr.Q.TransposeThisAndMultiply(y));
    }
}
