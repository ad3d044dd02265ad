using MathNet.Numerics.LinearAlgebra;
using Rl.Grading.Worker;
using Rl.Random;
using Reference = Rl.NaturalGradient.ConjugateGradient;

namespace PpoGae.Tests;

/// <summary>Task 11, hidden: conjugate gradient on random SPD systems, against the reference and an exact solve.</summary>
public class ConjugateGradientHiddenTests
{
    [Graded("11.2", 3, "ConjugateGradient.Solve, random SPD systems: vs reference, exact after n steps", Visibility = GradedVisibility.AfterPublished)]
    public void ConjugateGradient_RandomSystems()
    {
        var rng = new Rng(11_202);
        foreach (int n in new[] { 3, 6, 10 })
        {
            var a = NpgDraw.Fisher(rng, n, n, 0.5);
            var b = Draw.Gaussian(rng, n, 0, 1);
            foreach (int iterations in new[] { 2, n })
            {
                var expected = Run(a, b, iterations, 0);
                var actual = Submission.Current.ConjugateGradient(a, b, iterations, 0);
                Expect.Near(actual.Solution, expected.Solution, $"ConjugateGradient.Solve solution (n = {n}, {iterations} iterations)", Mistakes(a, b, iterations, 0, m => m.Solution));
            }
            // n steps solve the system: x = A^-1 b (up to rounding), whatever the implementation's order of sums.
            var exact = Matrix<double>.Build.DenseOfRowMajor(n, n, a).Solve(Vector<double>.Build.DenseOfArray(b)).ToArray();
            var solved = Submission.Current.ConjugateGradient(a, b, n, 0).Solution;
            for (int i = 0; i < n; i++)
                Expect.That(Math.Abs(solved[i] - exact[i]) <= 1e-7 * Math.Max(1, Math.Abs(exact[i])),
                    $"ConjugateGradient.Solve after n = {n} iterations: x[{i}] is {Expect.Show(solved[i])}, but A^-1 b has {Expect.Show(exact[i])}: CG must be exact in n steps.");
        }
    }

    [Graded("11.3", 2, "ConjugateGradient.Solve, residual history and early stop at the tolerance vs reference", Visibility = GradedVisibility.AfterPublished)]
    public void ConjugateGradient_ResidualsAndTolerance()
    {
        var rng = new Rng(11_303);
        const int n = 30;
        var a = NpgDraw.Fisher(rng, n, 8, 0.1);     // a damped, nearly low-rank Fisher: CG converges in about 9 steps
        var b = Draw.Gaussian(rng, n, 0, 1);
        foreach (var (iterations, tolerance) in new[] { (6, 0.0), (50, 1e-6), (50, 1e-2) })
        {
            var expected = Run(a, b, iterations, tolerance);
            var actual = Submission.Current.ConjugateGradient(a, b, iterations, tolerance);
            string what = $"ConjugateGradient.Solve residual norms ({iterations} iterations at most, tolerance {tolerance})";
            Expect.That(actual.ResidualNorms.Length == expected.ResidualNorms.Length,
                $"{what}: {actual.ResidualNorms.Length} norms, expected {expected.ResidualNorms.Length} (||b||, then one per iteration; " +
                "stop once ||r|| <= tolerance ||b||, or after the given iterations).");
            Expect.Near(actual.ResidualNorms, expected.ResidualNorms, what, Mistakes(a, b, iterations, tolerance, m => m.ResidualNorms));
            Expect.Near(actual.Solution, expected.Solution, $"ConjugateGradient.Solve solution ({iterations} iterations at most, tolerance {tolerance})",
                Mistakes(a, b, iterations, tolerance, m => m.Solution));
        }
    }

    private static ConjugateGradientOutput Run(double[] a, double[] b, int iterations, double tolerance)
    {
        var result = Reference.Solve((v, r) => NpgDraw.Times(a, v.ToArray()).CopyTo(r), b, iterations, tolerance);
        return new ConjugateGradientOutput(result.Solution, [.. result.ResidualNorms]);
    }

    private static Mistake[] Mistakes(double[] a, double[] b, int iterations, double tolerance, Func<ConjugateGradientOutput, double[]> part) =>
    [
        new("the residual is updated with the wrong sign: r -= alpha A p (r = b - A x)", part(Wrong(a, b, iterations, tolerance, CgMistake.ResidualSign))),
        new("the direction is not updated with beta: p = r + beta p, beta = r_new^T r_new / r^T r (p = r is steepest descent)", part(Wrong(a, b, iterations, tolerance, CgMistake.NoBeta))),
        new("beta is inverted: beta = r_new^T r_new / r^T r, the new residual's squared norm over the old", part(Wrong(a, b, iterations, tolerance, CgMistake.BetaInverted))),
        new("p = r - beta p: the new direction adds beta p", part(Wrong(a, b, iterations, tolerance, CgMistake.DirectionSign))),
        new("alpha = r^T r / p^T p: the step along p needs the curvature p^T A p", part(Wrong(a, b, iterations, tolerance, CgMistake.AlphaWithoutCurvature))),
    ];

    private enum CgMistake { ResidualSign, NoBeta, BetaInverted, DirectionSign, AlphaWithoutCurvature }

    /// <summary>Conjugate gradient with one classic mistake (never the right algorithm).</summary>
    private static ConjugateGradientOutput Wrong(double[] a, double[] b, int iterations, double tolerance, CgMistake mistake)
    {
        int n = b.Length;
        var x = new double[n];
        var r = (double[])b.Clone();
        var p = (double[])b.Clone();
        double rr = NpgDraw.Dot(r, r), target = tolerance * Math.Sqrt(rr);
        var norms = new List<double> { Math.Sqrt(rr) };
        for (int k = 0; k < iterations && Math.Sqrt(rr) > target; k++)
        {
            var ap = NpgDraw.Times(a, p);
            double alpha = rr / (mistake == CgMistake.AlphaWithoutCurvature ? NpgDraw.Dot(p, p) : NpgDraw.Dot(p, ap));
            for (int i = 0; i < n; i++)
            {
                x[i] += alpha * p[i];
                r[i] += (mistake == CgMistake.ResidualSign ? 1 : -1) * alpha * ap[i];
            }
            double rrNew = NpgDraw.Dot(r, r);
            double beta = mistake switch { CgMistake.NoBeta => 0, CgMistake.BetaInverted => rr / rrNew, _ => rrNew / rr };
            for (int i = 0; i < n; i++) p[i] = r[i] + (mistake == CgMistake.DirectionSign ? -beta : beta) * p[i];
            rr = rrNew;
            norms.Add(Math.Sqrt(rr));
        }
        return new ConjugateGradientOutput(x, [.. norms]);
    }
}
