namespace PpoGae.Tests;

/// <summary>Task 11, public: conjugate gradient on a 2 x 2 system, by hand.</summary>
public class ConjugateGradientTests
{
    [Graded("11.1", 2, "ConjugateGradient.Solve, 2 x 2 by hand: one and two iterations")]
    public void ConjugateGradient_TwoByTwo()
    {
        // A = [[4, 1], [1, 3]], b = (1, 2); the solution is x = (1/11, 7/11).
        //   x0 = 0, r0 = p0 = b, ||r0|| = sqrt 5
        //   A p0 = (6, 7), p0^T A p0 = 20, alpha0 = 5 / 20 = 1/4
        //   x1 = (1/4, 1/2), r1 = b - (1/4) A p0 = (-1/2, 1/4), ||r1|| = sqrt 5 / 4
        //   beta0 = (5/16) / 5 = 1/16, p1 = r1 + p0 / 16 = (-7/16, 6/16)
        //   A p1 = (-22/16, 11/16), p1^T A p1 = 220/256, alpha1 = (5/16) / (220/256) = 4/11
        //   x2 = x1 + (4/11) p1 = (1/11, 7/11), r2 = 0: exact after n = 2 steps
        double[] a = [4, 1, 1, 3];
        double[] b = [1, 2];
        var one = Submission.Current.ConjugateGradient(a, b, 1, 0);
        Expect.Near(one.Solution, [0.25, 0.5], "ConjugateGradient.Solve solution after 1 iteration",
            new Mistake("alpha = r^T r / p^T p: the step along p needs the curvature p^T A p", [1, 2]));
        Expect.Near(one.ResidualNorms, [Math.Sqrt(5), Math.Sqrt(5) / 4], "ConjugateGradient.Solve residual norms (||b||, then one per iteration)",
            new Mistake("the residual is updated with the wrong sign: r -= alpha A p (r = b - A x)", [Math.Sqrt(5), Math.Sqrt(325) / 4]));
        var two = Submission.Current.ConjugateGradient(a, b, 2, 0);
        Expect.Near(two.Solution, [1.0 / 11, 7.0 / 11], "ConjugateGradient.Solve solution after 2 iterations",
            new Mistake("the direction is not updated with beta: p = r + beta p, beta = r_new^T r_new / r^T r (p = r is steepest descent)", [1.0 / 12, 7.0 / 12]));
        Expect.That(two.ResidualNorms.Length == 3 && Math.Abs(two.ResidualNorms[2]) < 1e-12,
            $"ConjugateGradient.Solve: after 2 iterations on a 2 x 2 system the residual must be 0 (CG is exact in n steps); the norms are [{string.Join(", ", two.ResidualNorms.Select(Expect.Show))}].");
    }
}
