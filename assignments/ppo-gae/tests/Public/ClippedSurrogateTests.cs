namespace PpoGae.Tests;

/// <summary>Task 6, public: the clipped surrogate where every ratio is 1 (the first minibatch of an update).</summary>
public class ClippedSurrogateTests
{
    [Graded("6.1", 3, "ClippedSurrogate.Compute, all ratios 1: loss = -mean A, gradient = -A/B")]
    public void ClippedSurrogate_AllRatiosOne()
    {
        // logp = logp_old, so every rho = exp(0) = 1 and nothing is clipped (eps = 0.2).
        // A = 1, -2, 3, 0.5 (B = 4): loss = -(1 - 2 + 3 + 0.5) / 4 = -0.625;
        // d loss / d logp_i = -A_i rho_i / B = -0.25, 0.5, -0.75, -0.125; clip fraction 0; KL (rho - 1 - log rho) 0.
        double[] logp = [-0.5, -1.2, -0.1, -2.0];
        var result = Submission.Current.ClippedSurrogate(logp, [.. logp], [1, -2, 3, 0.5], 0.2);
        Expect.Near(result.Loss, -0.625, "ClippedSurrogate.Compute loss",
            new Mistake("the policy loss has the wrong sign: l_pi = -(1/B) sum min(rho A, clip(rho) A), a loss to minimise", 0.625),
            new Mistake("the loss is summed, not averaged over the minibatch (divide by B)", -2.5));
        Expect.Near(result.Gradient, [-0.25, 0.5, -0.75, -0.125], "ClippedSurrogate.Compute gradient",
            new Mistake("the gradient has the wrong sign: d l_pi / d logp_i = -A_i rho_i / B", [0.25, -0.5, 0.75, 0.125]),
            new Mistake("the gradient is not divided by B", [-1, 2, -3, -0.5]));
        Expect.Near(result.ClipFraction, 0.0, "ClippedSurrogate.Compute clip fraction (no ratio leaves [0.8, 1.2])");
        Expect.Near(result.ApproxKl, 0.0, "ClippedSurrogate.Compute approximate KL (every rho = 1)");
    }
}
