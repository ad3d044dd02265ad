namespace PpoGae.Tests;

/// <summary>Task 7, public: the unclipped value loss on a hand-computed minibatch.</summary>
public class ValueLossTests
{
    [Graded("7.1", 3, "ValueLoss.Compute, unclipped, analytic")]
    public void ValueLoss_Unclipped_Analytic()
    {
        // V = 1, 2, 3, 4; y = 2, 2, 1, 4.5 (B = 4): V - y = -1, 0, 2, -0.5, squares 1, 0, 4, 0.25.
        //   l_V = (1/2) (1/4) (1 + 0 + 4 + 0.25) = 0.65625
        //   d l_V / d V_i = (V_i - y_i) / B = -0.25, 0, 0.5, -0.125
        double[] values = [1, 2, 3, 4];
        var result = Submission.Current.ValueLoss(values, [.. values], [2, 2, 1, 4.5], null);
        Expect.Near(result.Loss, 0.65625, "ValueLoss.Compute loss (clip null)",
            new Mistake("the 1/2 factor is missing: l_V = (1/2) mean (V - y)^2", 1.3125),
            new Mistake("the 1/2 factor is applied twice", 0.328125),
            new Mistake("the loss is summed, not averaged over the minibatch (divide by B)", 2.625));
        Expect.Near(result.Gradient, [-0.25, 0, 0.5, -0.125], "ValueLoss.Compute gradient (clip null)",
            new Mistake("the gradient is 2 (V - y) / B: with the 1/2 factor it is (V - y) / B", [-0.5, 0, 1, -0.25]),
            new Mistake("the gradient is halved: d l_V / d V_i = (V_i - y_i) / B", [-0.125, 0, 0.25, -0.0625]),
            new Mistake("the gradient is not divided by B", [-1, 0, 2, -0.5]),
            new Mistake("the gradient has the wrong sign: d l_V / d V_i = (V_i - y_i) / B", [0.25, 0, -0.5, 0.125]));
    }
}
