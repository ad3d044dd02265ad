using Rl.Random;
using Reference = Rl.NaturalGradient.NaturalStep;

namespace PpoGae.Tests;

/// <summary>Task 12, hidden: eta on random (delta, x^T F x) against the reference; the quadratic KL model lands on delta.</summary>
public class NaturalStepSizeHiddenTests
{
    [Graded("12.2", 1, "NaturalStep.Size, random vs reference: (1/2) eta^2 x^T F x = delta", Visibility = GradedVisibility.AfterPublished)]
    public void NaturalStepSize_Random()
    {
        var rng = new Rng(12_202);
        for (int i = 0; i < 30; i++)
        {
            double delta = Math.Pow(10, rng.Uniform(-4, -0.5)), curvature = Math.Pow(10, rng.Uniform(-5, 5));
            double eta = Submission.Current.NaturalStepSize(delta, curvature);
            string what = $"NaturalStep.Size(delta {Expect.Show(delta)}, x^T F x {Expect.Show(curvature)})";
            Expect.Near(eta, Reference.Size(delta, curvature), what,
                new Mistake("the factor 2 is missing: (1/2) eta^2 x^T F x = delta gives eta = sqrt(2 delta / x^T F x)", Math.Sqrt(delta / curvature)),
                new Mistake("the square root is missing: eta = sqrt(2 delta / x^T F x)", 2 * delta / curvature),
                new Mistake("delta and x^T F x are swapped: eta = sqrt(2 delta / x^T F x)", Math.Sqrt(2 * curvature / delta)));
            Expect.That(Expect.Close(0.5 * eta * eta * curvature, delta),
                $"{what}: the quadratic model of the KL, (1/2) eta^2 x^T F x, is {Expect.Show(0.5 * eta * eta * curvature)}, not delta.");
        }
    }
}
