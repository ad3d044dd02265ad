using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using Rl.Random;

namespace Rl.Nn;

/// <summary>
/// Orthogonal initialisation (Saxe, McClelland and Ganguli, 2014), as PyTorch's
/// <c>nn.init.orthogonal_</c> does it, the initialisation PPO implementations use:
/// <code>
///   G ~ N(0, 1)^(rows x cols)                      (transposed first if rows &lt; cols)
///   G = Q R                                        (thin QR: Q has orthonormal columns)
///   W = gain * Q diag(sign(diag R))                (transposed back if rows &lt; cols)
/// </code>
/// so that <c>W W^T = gain^2 I</c> when rows &lt;= cols and <c>W^T W = gain^2 I</c> when rows &gt;= cols:
/// every singular value of W is <c>gain</c>, and a layer neither shrinks nor blows up the signals
/// passing through it at the start of training.
/// </summary>
/// <remarks>
/// The sign correction makes Q the unique QR factor with a positive diagonal in R, so W is drawn
/// uniformly (Haar) from the orthogonal matrices, whatever sign convention the QR routine uses.
/// </remarks>
public static class Orthogonal
{
    /// <summary>
    /// Fills <paramref name="weights"/>, a [<paramref name="rows"/> x <paramref name="columns"/>]
    /// row-major matrix, with a random orthogonal matrix times <paramref name="gain"/>. The Gaussian
    /// entries are drawn from <paramref name="rng"/> in row-major order of W.
    /// </summary>
    public static void Initialize(Span<double> weights, int rows, int columns, double gain, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        Guard.AtLeast(rows, 1, nameof(rows));
        Guard.AtLeast(columns, 1, nameof(columns));
        Guard.Length(weights.Length, rows * columns, nameof(weights), "W is [rows x columns]");
        Guard.Finite(gain, nameof(gain));

        // Work with the tall orientation [tall x narrow], tall >= narrow, so the thin QR exists.
        bool wide = rows < columns;
        int tall = wide ? columns : rows, narrow = wide ? rows : columns;
        var g = Matrix<double>.Build.Dense(tall, narrow);
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++)
            {
                double x = rng.NextGaussian();
                if (wide) g[j, i] = x; else g[i, j] = x; // G^T[j, i] or G[i, j]
            }

        var qr = g.QR(QRMethod.Thin);
        Matrix<double> q = qr.Q, r = qr.R; // Q [tall x narrow], R [narrow x narrow]
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++)
            {
                // Column c of Q is scaled by sign(R[c, c]); W is Q, or Q^T when wide.
                int t = wide ? j : i, c = wide ? i : j;
                double sign = r[c, c] < 0 ? -1.0 : 1.0;
                weights[i * columns + j] = gain * sign * q[t, c]; // W[i, j]
            }
    }
}
