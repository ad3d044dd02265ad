using Rl.Grading.Worker;

namespace PpoGae.Tests;

/// <summary>Task 4, public: batched GAE without episode ends equals the single-trajectory recursion.</summary>
public class BatchedGaeTests
{
    [Graded("4.1", 3, "BatchedGae.Compute, no episode end == single-trajectory GAE, analytic")]
    public void BatchedGae_NoEpisodeEnd_IsSingleTrajectoryGae()
    {
        // One environment (N = 1), S = 3: the trajectory of test 3.1 with V(s_S) = lastValues[0] = 40;
        // gamma 0.5, lambda 0.5: A = -0.1875, -4.75, -7.
        var one = new BatchedGaeInput([1, 2, 3], [10, 20, 30], [false, false, false], [false, false, false],
            [0, 0, 0], [40], 0.5, 0.5);
        Expect.Near(Submission.Current.BatchedGae(one), [-0.1875, -4.75, -7], "BatchedGae.Compute(N = 1)",
            new Mistake("lastValues (V(s_S) after the last step) is ignored", [-1.4375, -9.75, -27]),
            // gamma lambda = 0.5 instead of 0.25 (gamma = lambda here, so either factor alone gives it): A = -2.25, -6.5, -7.
            new Mistake("the recursion multiplies by gamma or by lambda instead of gamma lambda", [-2.25, -6.5, -7]));

        // Two environments (N = 2), S = 3, [S x N] row-major (entry t * N + e). Environment 0 is the
        // trajectory above; environment 1 has rewards 0, 1, 0, V = 1, 2, 3 and V(s_S) = 4:
        //   BE = 0 + 0.5*2 - 1 = 0;  1 + 0.5*3 - 2 = 0.5;  0 + 0.5*4 - 3 = -1
        //   A_2 = -1;  A_1 = 0.5 + 0.25 * (-1) = 0.25;  A_0 = 0 + 0.25 * 0.25 = 0.0625
        // Read column-major (t + e * S) instead, environment 0 would see rewards 1, 0, 2 and values
        // 10, 1, 20 (then 40), environment 1 rewards 1, 3, 0 and values 2, 30, 3 (then 4):
        //   env 0: BE = -8.5, 9, 2 -> A = -6.125, 9.5, 2;  env 1: BE = 14, -25.5, -1 -> A = 7.5625, -25.75, -1
        var two = new BatchedGaeInput([1, 0, 2, 1, 3, 0], [10, 1, 20, 2, 30, 3], new bool[6], new bool[6],
            new double[6], [40, 4], 0.5, 0.5);
        Expect.Near(Submission.Current.BatchedGae(two), [-0.1875, 0.0625, -4.75, 0.25, -7, -1], "BatchedGae.Compute(N = 2)",
            new Mistake("[S x N] is indexed column-major (t + e * S); it is row-major, entry t * N + e",
                [-6.125, 9.5, 2, 7.5625, -25.75, -1]));
    }
}
