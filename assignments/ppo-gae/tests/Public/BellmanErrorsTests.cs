namespace PpoGae.Tests;

/// <summary>Task 1, public: Bellman errors BE_h = r_h + gamma V(s_{h+1}) - V(s_h) on hand-computed cases.</summary>
public class BellmanErrorsTests
{
    [Graded("1.1", 2, "BellmanErrors.Compute, analytic")]
    public void BellmanErrors_Analytic()
    {
        // rewards 1, 0, 2; V(s_0..s_3) = 0.5, 1, -1, 4 (V(s_3) = 4 is the bootstrap value); gamma 0.9:
        //   BE_0 = 1 + 0.9 * 1    - 0.5  =  1.4
        //   BE_1 = 0 + 0.9 * (-1) - 1    = -1.9
        //   BE_2 = 2 + 0.9 * 4    - (-1) =  6.6
        var errors = Submission.Current.BellmanErrors([1, 0, 2], [0.5, 1, -1, 4], 0.9);
        Expect.Near(errors, [1.4, -1.9, 6.6], "BellmanErrors.Compute(gamma 0.9)",
            new Mistake("the bootstrap value V(s_H) = values[H] is ignored (BE_{H-1} must use it)", [1.4, -1.9, 3.0]),
            new Mistake("the sign is flipped: BE_h = r_h + gamma V(s_{h+1}) - V(s_h)", [-1.4, 1.9, -6.6]),
            new Mistake("gamma is not applied to V(s_{h+1})", [1.5, -2.0, 7.0]),
            new Mistake("V(s_h) and V(s_{h+1}) are swapped", [0.45, 1.9, -2.9]));

        // gamma 0: BE_h = r_h - V(s_h) = 1 - 0.5, 0 - 1, 2 + 1.
        errors = Submission.Current.BellmanErrors([1, 0, 2], [0.5, 1, -1, 4], 0.0);
        Expect.Near(errors, [0.5, -1.0, 3.0], "BellmanErrors.Compute(gamma 0)",
            new Mistake("gamma is not applied to V(s_{h+1})", [1.5, -2.0, 7.0]));
    }
}
