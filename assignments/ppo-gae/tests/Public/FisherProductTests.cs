namespace PpoGae.Tests;

/// <summary>Task 10, public: the categorical Fisher M = diag(p) - p p^T applied to a vector, by hand.</summary>
public class FisherProductTests
{
    [Graded("10.1", 2, "DistributionFisher.CategoricalProduct, analytic")]
    public void CategoricalProduct_Analytic()
    {
        // Row 1: logits 0, ln 3 give p = 1/4, 3/4; u = 1, 0: p^T u = 1/4,
        //   M u = p . (u - p^T u) = (1/4 x 3/4, 3/4 x -1/4) = (3/16, -3/16).
        // Row 2: logits 0, 0, 0 give p = 1/3 each; u = 1, 2, 6: p^T u = 3,
        //   M u = (1/3) (u - 3) = (-2/3, -1/3, 1).
        // Two calls, one per row width (a call's rows all have `actions` logits).
        var two = Submission.Current.CategoricalFisherProduct([0, Math.Log(3)], [1, 0], 2);
        Expect.Near(two, [3.0 / 16, -3.0 / 16], "CategoricalProduct(logits 0, ln 3; u = 1, 0)",
            new Mistake("the sign is flipped: M = diag(p) - p p^T, so M u = p . u - p (p^T u)", [-3.0 / 16, 3.0 / 16]),
            new Mistake("M is not centred: diag(p) alone; subtract p (p^T u)", [1.0 / 4, 0]),
            new Mistake("only the outer product: M u = diag(p) u - p (p^T u), not -p (p^T u)", [-1.0 / 16, -3.0 / 16]));
        var three = Submission.Current.CategoricalFisherProduct([0, 0, 0], [1, 2, 6], 3);
        Expect.Near(three, [-2.0 / 3, -1.0 / 3, 1], "CategoricalProduct(logits 0, 0, 0; u = 1, 2, 6)",
            new Mistake("the sign is flipped: M = diag(p) - p p^T, so M u = p . u - p (p^T u)", [2.0 / 3, 1.0 / 3, -1]),
            new Mistake("M is not centred: diag(p) alone; subtract p (p^T u)", [1.0 / 3, 2.0 / 3, 2]),
            new Mistake("only the outer product: M u = diag(p) u - p (p^T u), not -p (p^T u)", [-1, -1, -1]));
    }
}
