namespace Rl.NaturalGradient;

/// <summary>A symmetric positive definite operator x -&gt; A x, such as (F + c I) v.</summary>
public delegate void LinearOperator(ReadOnlySpan<double> x, Span<double> result);

/// <summary>
/// Conjugate gradient for A x = b with A symmetric positive definite, given only products A p
/// (Hestenes and Stiefel 1952; the solver in TRPO, rllab's ConjugateGradientOptimizer and Spinning Up):
/// <code>
///   x = 0, r = b, p = r
///   repeat k times, or until ||r|| &lt;= tol ||b||:
///     alpha = r^T r / p^T A p
///     x += alpha p,   r -= alpha A p
///     beta = r_new^T r_new / r^T r,   p = r + beta p
/// </code>
/// Each direction p is A-conjugate to the ones before, so in exact arithmetic the residual is 0
/// after at most n steps; in practice a few (10 in TRPO) give a good natural gradient x = A^-1 g.
/// </summary>
public static class ConjugateGradient
{
    /// <summary>
    /// Solves A x = <paramref name="b"/> with at most <paramref name="iterations"/> products, stopping
    /// early once ||r|| &lt;= <paramref name="tolerance"/> ||b||.
    /// </summary>
    public static ConjugateGradientResult Solve(LinearOperator a, ReadOnlySpan<double> b, int iterations, double tolerance = 1e-10)
    {
        ArgumentNullException.ThrowIfNull(a);
        Guard.NotEmpty(b, nameof(b));
        Guard.Finite(b, nameof(b));
        Guard.AtLeast(iterations, 1, nameof(iterations));
        if (!(tolerance >= 0 && double.IsFinite(tolerance)))
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "tolerance must be finite and non-negative.");
        // BEGIN SOLUTION: x = 0, r = p = b; each iteration: alpha = r^T r / p^T A p, x += alpha p, r -= alpha A p, beta = r_new^T r_new / r^T r, p = r + beta p; record ||r|| after each (and ||b|| first); stop after `iterations` products or once ||r|| <= tolerance ||b||.
        int n = b.Length;
        var x = new double[n];
        var r = b.ToArray();
        var p = b.ToArray();
        var ap = new double[n];
        double rr = Dot(r, r);
        double target = tolerance * Math.Sqrt(rr);
        var history = new List<double> { Math.Sqrt(rr) };
        for (int k = 0; k < iterations && Math.Sqrt(rr) > target; k++)
        {
            a(p, ap);
            double curvature = Dot(p, ap);
            if (!(curvature > 0))
                throw new ArgumentException($"p^T A p = {curvature} at iteration {k + 1}: the operator is not positive definite.", nameof(a));
            double alpha = rr / curvature;
            for (int i = 0; i < n; i++)
            {
                x[i] += alpha * p[i];
                r[i] -= alpha * ap[i];
            }
            double rrNew = Dot(r, r);
            double beta = rrNew / rr;
            for (int i = 0; i < n; i++) p[i] = r[i] + beta * p[i];
            rr = rrNew;
            history.Add(Math.Sqrt(rr));
        }
        return new ConjugateGradientResult(x, history);
        // END SOLUTION
    }

    /// <summary>u^T v.</summary>
    internal static double Dot(ReadOnlySpan<double> u, ReadOnlySpan<double> v)
    {
        double sum = 0.0;
        for (int i = 0; i < u.Length; i++) sum += u[i] * v[i];
        return sum;
    }
}

/// <summary>What conjugate gradient returns.</summary>
/// <param name="Solution">x, the approximate solution of A x = b.</param>
/// <param name="ResidualNorms">||r_k|| = ||b - A x_k|| (by the recursion) for k = 0 (||b||), 1, ..., one per product taken.</param>
public sealed record ConjugateGradientResult(double[] Solution, IReadOnlyList<double> ResidualNorms)
{
    /// <summary>Products A p taken.</summary>
    public int Iterations => ResidualNorms.Count - 1;

    /// <summary>||r_k|| / ||b|| at the end.</summary>
    public double RelativeResidual => ResidualNorms[0] == 0 ? 0 : ResidualNorms[^1] / ResidualNorms[0];
}
