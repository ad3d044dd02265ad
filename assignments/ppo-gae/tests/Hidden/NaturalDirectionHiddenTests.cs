using Rl.Random;
using Reference = Rl.NaturalGradient.NaturalPolicyUpdate;

namespace PpoGae.Tests;

/// <summary>Task 13, hidden: d = eta x on random Fisher-like matrices against the reference; g = 0; the step on the trust region's edge.</summary>
public class NaturalDirectionHiddenTests
{
    [Graded("13.2", 3, "NaturalPolicyUpdate.Direction, random low-rank F with damping vs reference; g = 0", Visibility = GradedVisibility.AfterPublished)]
    public void NaturalDirection_Random()
    {
        var rng = new Rng(13_202);
        foreach (var (n, rank, damping, iterations) in new[] { (8, 3, 0.1, 10), (20, 6, 0.05, 10), (12, 12, 0.5, 4) })
        {
            var fisher = NpgDraw.Fisher(rng, n, rank, 0);
            var g = Draw.Gaussian(rng, n, 0, 1);
            const double delta = 0.01;
            string what = $"NaturalPolicyUpdate.Direction (n = {n}, F of rank {rank}, damping {damping}, {iterations} CG iterations; eta, then d)";
            var expected = Reference.Direction(Operator(fisher), g, delta, damping, iterations, 1e-10);
            var actual = Submission.Current.NaturalDirection(fisher, g, delta, damping, iterations, 1e-10);
            var mistakes = new List<Mistake>();
            try
            {
                mistakes.Add(Packed("damping omitted: solve (F + cI) x = g and take x^T (F + cI) x, with (F + cI) v = F v + c v",
                    Reference.Direction(Operator(fisher), g, delta, 0, iterations, 1e-10)));
            }
            catch (ArgumentException)
            {
                // Undamped, this F is singular and CG breaks down: no number to recognise the mistake by.
            }
            var damped = fisher.Select((f, i) => i / n == i % n ? f + damping : f).ToArray();
            double plain = Math.Sqrt(2 * delta / NpgDraw.Dot(g, NpgDraw.Times(damped, g)));
            mistakes.Add(new("the gradient is used in place of the natural gradient: the step is along x = (F + cI)^-1 g (conjugate gradient), not g",
                [plain, .. g.Select(x => plain * x)]));
            var x = expected.Step.Select(d => d / expected.StepSize).ToArray();
            double undamped = Math.Sqrt(2 * delta / NpgDraw.Dot(x, NpgDraw.Times(fisher, x)));
            mistakes.Add(new("eta uses the undamped x^T F x: take the curvature with the same damped product (F + cI) as the solve",
                [undamped, .. x.Select(v => undamped * v)]));
            Expect.Near([actual.StepSize, .. actual.Step], [expected.StepSize, .. expected.Step], what, [.. mistakes]);
            // The step lies on the damped quadratic trust region's edge: (1/2) d^T (F + cI) d = delta.
            double quadratic = 0.5 * NpgDraw.Dot(actual.Step, NpgDraw.Times(damped, actual.Step));
            Expect.That(Expect.Close(quadratic, delta), $"{what}: (1/2) d^T (F + cI) d = {Expect.Show(quadratic)}, not delta = {delta}.");
        }
        // g = 0: no direction; the step is 0 (and eta 0), not NaN from 0 / 0.
        var zero = Submission.Current.NaturalDirection(NpgDraw.Fisher(rng, 5, 2, 0), new double[5], 0.01, 0.1, 10, 1e-10);
        Expect.Near([zero.StepSize, .. zero.Step], new double[6], "NaturalPolicyUpdate.Direction with g = 0 (eta, then d): no direction to move in, d = 0 and eta = 0");
    }

    private static Rl.NaturalGradient.LinearOperator Operator(double[] matrix) => (v, r) => NpgDraw.Times(matrix, v.ToArray()).CopyTo(r);

    private static Mistake Packed(string description, Rl.NaturalGradient.NaturalDirection direction) =>
        new(description, [direction.StepSize, .. direction.Step]);
}
