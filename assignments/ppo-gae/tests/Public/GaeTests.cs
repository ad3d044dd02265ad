namespace PpoGae.Tests;

/// <summary>Task 3, public: GAE by the backward recursion on a hand-computed trajectory.</summary>
public class GaeTests
{
    [Graded("3.1", 4, "Gae.Compute: lambda = 0 gives BE, lambda = 1 gives MC return - V, analytic")]
    public void Gae_Analytic()
    {
        // rewards 1, 2, 3; V(s_0..s_3) = 10, 20, 30, 40; gamma 0.5; BE = 1, -3, -7.
        double[] rewards = [1, 2, 3], values = [10, 20, 30, 40];
        // V(s_3) treated as 0 instead: BE = 1, -3, -27.
        const string IgnoresBootstrap = "the bootstrap value V(s_H) = values[H] is ignored";

        // gamma alone where gamma lambda belongs (the recursion then has gamma lambda = gamma, whatever
        // lambda is): A = A^gae with lambda = 1, the lambda = 1 case below, -2.25, -6.5, -7.
        const string GammaOnly = "the recursion multiplies by gamma instead of gamma lambda";

        // lambda = 0: A^gae = BE.
        Expect.Near(Submission.Current.Gae(rewards, values, 0.5, 0.0), [1, -3, -7], "Gae.Compute(lambda 0)",
            new Mistake(IgnoresBootstrap, [1, -3, -27]),
            new Mistake(GammaOnly, [-2.25, -6.5, -7]));

        // lambda = 1: A^gae_h = (discounted return from h, bootstrapped with V(s_3)) - V(s_h) = A^(inf):
        //   A_2 = -7;  A_1 = -3 + 0.5 * (-7) = -6.5;  A_0 = 1 + 0.5 * (-6.5) = -2.25
        Expect.Near(Submission.Current.Gae(rewards, values, 0.5, 1.0), [-2.25, -6.5, -7], "Gae.Compute(lambda 1)",
            new Mistake(IgnoresBootstrap, [-7.25, -16.5, -27]),
            new Mistake("the recursion multiplies by lambda instead of gamma lambda", [-9, -10, -7]));

        // lambda = 0.5, gamma lambda = 0.25:
        //   A_2 = -7;  A_1 = -3 + 0.25 * (-7) = -4.75;  A_0 = 1 + 0.25 * (-4.75) = -0.1875
        Expect.Near(Submission.Current.Gae(rewards, values, 0.5, 0.5), [-0.1875, -4.75, -7], "Gae.Compute(lambda 0.5)",
            new Mistake(IgnoresBootstrap, [-1.4375, -9.75, -27]),
            new Mistake("the recursion multiplies by lambda instead of gamma lambda", [-2.25, -6.5, -7]),
            new Mistake(GammaOnly, [-2.25, -6.5, -7])); // gamma = lambda = 0.5 here: the two mistakes agree
    }
}
