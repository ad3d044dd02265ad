namespace PpoGae.Tests;

/// <summary>Task 5, public: value targets y_h = A_h + V(s_h) on hand-computed cases.</summary>
public class ValueTargetsTests
{
    [Graded("5.1", 1, "ValueTargets.Compute, analytic")]
    public void ValueTargets_Analytic()
    {
        // A = 1, -2, 0.5; V(s_0..s_3) = 10, 20, 30, 40 (the estimators' H + 1 values, the last one
        // unused): y = 11, 18, 30.5.
        double[] advantages = [1, -2, 0.5];
        Expect.Near(Submission.Current.ValueTargets(advantages, [10, 20, 30, 40]), [11, 18, 30.5], "ValueTargets.Compute(H + 1 values)",
            new Mistake("off by one: y_h uses V(s_{h+1}) instead of V(s_h)", [21, 28, 40.5]));

        // With V(s_0..s_2) only (H values), the same targets.
        Expect.Near(Submission.Current.ValueTargets(advantages, [10, 20, 30]), [11, 18, 30.5], "ValueTargets.Compute(H values)",
            new Mistake("the target is A_h - V(s_h); it is y_h = A_h + V(s_h)", [-9, -22, -29.5]),
            new Mistake("the target is V(s_h) - A_h; it is y_h = A_h + V(s_h)", [9, 22, 29.5]));
    }
}
