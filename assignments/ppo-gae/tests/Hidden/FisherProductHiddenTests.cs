using Rl.Random;
using Reference = Rl.NaturalGradient.DistributionFisher;

namespace PpoGae.Tests;

/// <summary>Task 10, hidden: M u on random logits against the reference, and M's properties.</summary>
public class FisherProductHiddenTests
{
    [Graded("10.2", 3, "DistributionFisher.CategoricalProduct, random vs reference; M 1 = 0, symmetric, PSD", Visibility = GradedVisibility.AfterPublished)]
    public void CategoricalProduct_RandomAndProperties()
    {
        var rng = new Rng(10_202);
        foreach (int actions in new[] { 2, 3, 6 })
        {
            const int rows = 40;
            // Logits of every scale, up to +-40 (a softmax that overflows shows here).
            var logits = Enumerable.Range(0, rows * actions).Select(i => rng.NextGaussian() * (i % 3 == 0 ? 20 : 1.5)).ToArray();
            var u = Draw.Gaussian(rng, rows * actions, 0, 2);
            var v = Draw.Gaussian(rng, rows * actions, 0, 2);
            var (expected, flipped, uncentred, outer) = (Run(logits, u, actions), new double[u.Length], new double[u.Length], new double[u.Length]);
            for (int row = 0; row < rows; row++)
            {
                var p = Probabilities(logits.AsSpan(row * actions, actions));
                double pu = 0;
                for (int a = 0; a < actions; a++) pu += p[a] * u[row * actions + a];
                for (int a = 0; a < actions; a++)
                {
                    int i = row * actions + a;
                    flipped[i] = -expected[i];
                    uncentred[i] = p[a] * u[i];
                    outer[i] = -p[a] * pu;
                }
            }
            string what = $"CategoricalProduct ({actions} actions, random)";
            Expect.Near(Submission.Current.CategoricalFisherProduct(logits, u, actions), expected, what,
                new Mistake("the sign is flipped: M = diag(p) - p p^T, so M u = p . u - p (p^T u)", flipped),
                new Mistake("M is not centred: diag(p) alone; subtract p (p^T u)", uncentred),
                new Mistake("only the outer product: M u = diag(p) u - p (p^T u), not -p (p^T u)", outer));

            // M 1 = 0 in every row: adding a constant to all logits leaves the policy unchanged.
            var ones = Submission.Current.CategoricalFisherProduct(logits, [.. Enumerable.Repeat(1.0, u.Length)], actions);
            Expect.Near(ones, new double[u.Length], $"{what} of u = 1 (must be 0: M = diag(p) - p p^T is centred)",
                new Mistake("M is not centred: diag(p) alone; subtract p (p^T u)", [.. Enumerable.Range(0, rows).SelectMany(r => Probabilities(logits.AsSpan(r * actions, actions)))]));

            // Per row, u^T M v = v^T M u (symmetric) and u^T M u >= 0 (positive semi-definite).
            var mv = Submission.Current.CategoricalFisherProduct(logits, v, actions);
            var mu = Submission.Current.CategoricalFisherProduct(logits, u, actions);
            for (int row = 0; row < rows; row++)
            {
                double umv = 0, vmu = 0, umu = 0;
                for (int a = 0; a < actions; a++)
                {
                    int i = row * actions + a;
                    umv += u[i] * mv[i];
                    vmu += v[i] * mu[i];
                    umu += u[i] * mu[i];
                }
                Expect.That(Expect.Close(umv, vmu), $"{what}: row {row}: u^T M v = {Expect.Show(umv)} but v^T M u = {Expect.Show(vmu)}; M must be symmetric.");
                Expect.That(umu >= -1e-12, $"{what}: row {row}: u^T M u = {Expect.Show(umu)} < 0; M must be positive semi-definite (is the sign flipped?).");
            }
        }
    }

    private static double[] Run(double[] logits, double[] u, int actions)
    {
        var result = new double[logits.Length];
        for (int row = 0; row < logits.Length; row += actions)
            Reference.CategoricalProduct(logits.AsSpan(row, actions), u.AsSpan(row, actions), result.AsSpan(row, actions));
        return result;
    }

    private static double[] Probabilities(ReadOnlySpan<double> logits)
    {
        var p = new double[logits.Length];
        Rl.Policies.Categorical.Probabilities(logits, p);
        return p;
    }
}
