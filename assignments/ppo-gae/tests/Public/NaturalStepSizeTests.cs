namespace PpoGae.Tests;

/// <summary>Task 12, public: the natural step size eta = sqrt(2 delta / x^T F x), by hand.</summary>
public class NaturalStepSizeTests
{
    [Graded("12.1", 2, "NaturalStep.Size, analytic")]
    public void NaturalStepSize_Analytic()
    {
        // (1/2) eta^2 x^T F x = delta:  delta 0.02, x^T F x = 0.01 give eta = sqrt(0.04 / 0.01) = 2;
        //                               delta 0.01, x^T F x = 4    give eta = sqrt(0.02 / 4) = 0.0707...
        Expect.Near(Submission.Current.NaturalStepSize(0.02, 0.01), 2, "NaturalStep.Size(delta 0.02, x^T F x 0.01)",
            new Mistake("the factor 2 is missing: (1/2) eta^2 x^T F x = delta gives eta = sqrt(2 delta / x^T F x)", Math.Sqrt(2)),
            new Mistake("the square root is missing: eta = sqrt(2 delta / x^T F x)", 4),
            new Mistake("delta and x^T F x are swapped: eta = sqrt(2 delta / x^T F x)", Math.Sqrt(2 * 0.01 / 0.02)));
        Expect.Near(Submission.Current.NaturalStepSize(0.01, 4), Math.Sqrt(0.005), "NaturalStep.Size(delta 0.01, x^T F x 4)",
            new Mistake("the factor 2 is missing: (1/2) eta^2 x^T F x = delta gives eta = sqrt(2 delta / x^T F x)", 0.05),
            new Mistake("the square root is missing: eta = sqrt(2 delta / x^T F x)", 0.005),
            new Mistake("delta and x^T F x are swapped: eta = sqrt(2 delta / x^T F x)", Math.Sqrt(2 * 4 / 0.01)));
    }
}
