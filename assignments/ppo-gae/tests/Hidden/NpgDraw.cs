using Rl.Random;

namespace PpoGae.Tests;

/// <summary>Seeded random matrices for the hidden NPG tests (row-major, n x n).</summary>
internal static class NpgDraw
{
    /// <summary>
    /// A Fisher-like matrix J^T M J + shift I (n x n, symmetric, positive semi-definite; of rank at most
    /// <paramref name="rank"/> when <paramref name="shift"/> is 0): J is rank x n Gaussian, M = diag(p) - p p^T + 0.1 I for a random p.
    /// </summary>
    public static double[] Fisher(Rng rng, int n, int rank, double shift)
    {
        var j = Draw.Gaussian(rng, rank * n, 0, 1);
        var logits = Draw.Gaussian(rng, rank, 0, 1);
        double max = logits.Max();
        var p = logits.Select(l => Math.Exp(l - max)).ToArray();
        double sum = p.Sum();
        for (int a = 0; a < rank; a++) p[a] /= sum;
        var m = new double[rank * rank];
        for (int a = 0; a < rank; a++)
            for (int b = 0; b < rank; b++)
                m[a * rank + b] = (a == b ? p[a] + 0.1 : 0.0) - p[a] * p[b];
        var f = new double[n * n];
        for (int r = 0; r < n; r++)
            for (int c = 0; c < n; c++)
            {
                double total = r == c ? shift : 0.0;
                for (int a = 0; a < rank; a++)
                    for (int b = 0; b < rank; b++)
                        total += j[a * n + r] * m[a * rank + b] * j[b * n + c];
                f[r * n + c] = total;
            }
        return f;
    }

    /// <summary>A v for the n x n row-major <paramref name="a"/>.</summary>
    public static double[] Times(double[] a, double[] v)
    {
        int n = v.Length;
        var result = new double[n];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++) result[i] += a[i * n + k] * v[k];
        return result;
    }

    /// <summary>u^T v.</summary>
    public static double Dot(double[] u, double[] v) => u.Select((x, i) => x * v[i]).Sum();
}
