namespace PpoGae.Tests;

/// <summary>Task 2, public: the n-step estimators A^(k) on a hand-computed trajectory.</summary>
public class NStepTests
{
    [Graded("2.1", 3, "NStep.Compute, analytic")]
    public void NStep_Analytic()
    {
        // rewards 1, 2, 3; V(s_0..s_3) = 10, 20, 30, 40; gamma 0.5. Where h + k passes H = 3, the
        // estimator uses the rewards left plus the discounted bootstrap V(s_3) = 40.
        //   k = 1: A_0 = 1 + 0.5*20 - 10 = 1;  A_1 = 2 + 0.5*30 - 20 = -3;  A_2 = 3 + 0.5*40 - 30 = -7
        //   k = 2: A_0 = 1 + 0.5*2 + 0.25*30 - 10 = -0.5;  A_1 = 2 + 0.5*3 + 0.25*40 - 20 = -6.5;  A_2 = -7
        //   k = 3: A_0 = 1 + 0.5*2 + 0.25*3 + 0.125*40 - 10 = -2.25;  A_1 = -6.5;  A_2 = -7
        //   k = 5 (>= H): the same as k = 3, the Monte Carlo return minus V(s_h)
        double[] rewards = [1, 2, 3], values = [10, 20, 30, 40];
        double[][] expected = [[1, -3, -7], [-0.5, -6.5, -7], [-2.25, -6.5, -7]];
        foreach (int k in new[] { 1, 2, 3, 5 })
        {
            var advantages = Submission.Current.NStep(rewards, values, 0.5, k);
            int kk = Math.Min(k, 3);
            var mistakes = new List<Mistake>();
            if (kk > 1) mistakes.Add(new Mistake($"k is off by one (this is A^({kk - 1}))", expected[kk - 2]));
            if (kk < 3) mistakes.Add(new Mistake($"k is off by one (this is A^({kk + 1}))", expected[kk]));
            Expect.Near(advantages, expected[kk - 1], $"NStep.Compute(k = {k})", [.. mistakes]);
        }
    }
}
