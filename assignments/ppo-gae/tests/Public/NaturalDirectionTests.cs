namespace PpoGae.Tests;

/// <summary>Task 13, public: the full natural step d = eta x on a diagonal Fisher, by hand.</summary>
public class NaturalDirectionTests
{
    [Graded("13.1", 2, "NaturalPolicyUpdate.Direction, diagonal F, analytic")]
    public void NaturalDirection_Analytic()
    {
        // F = diag(1, 3), damping c = 1: F + cI = diag(2, 4); g = (2, 4), delta = 0.03, 2 CG iterations.
        //   x = (F + cI)^-1 g = (1, 1)            (CG is exact in 2 steps here)
        //   x^T (F + cI) x = 2 + 4 = 6,  eta = sqrt(2 x 0.03 / 6) = 0.1,  d = eta x = (0.1, 0.1)
        // Mistakes, for comparison:
        //   no damping:        x = F^-1 g = (2, 4/3), x^T F x = 28/3, eta = sqrt(0.06 / (28/3))
        //   g in place of x:   g^T (F + cI) g = 72, eta = sqrt(0.06 / 72), d = eta g
        //   x^T F x undamped:  x = (1, 1), x^T F x = 4, eta = sqrt(0.06 / 4)
        double[] fisher = [1, 0, 0, 3];
        var result = Submission.Current.NaturalDirection(fisher, [2, 4], 0.03, 1, 2, 0);
        double noDamping = Math.Sqrt(0.06 / (28.0 / 3)), plain = Math.Sqrt(0.06 / 72), undampedCurvature = Math.Sqrt(0.06 / 4);
        var mistakes = new[]
        {
            new Mistake("damping omitted: solve (F + cI) x = g and take x^T (F + cI) x, with (F + cI) v = F v + c v", [noDamping, 2 * noDamping, 4.0 / 3 * noDamping]),
            new Mistake("the gradient is used in place of the natural gradient: the step is along x = (F + cI)^-1 g (conjugate gradient), not g", [plain, 2 * plain, 4 * plain]),
            new Mistake("eta uses the undamped x^T F x: take the curvature with the same damped product (F + cI) as the solve", [undampedCurvature, undampedCurvature, undampedCurvature]),
        };
        Expect.Near([result.StepSize, .. result.Step], [0.1, 0.1, 0.1], "NaturalPolicyUpdate.Direction (eta, then d = eta x)", mistakes);
    }
}
