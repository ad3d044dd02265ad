using Rl.Grading.Worker;
using Rl.Random;

namespace PpoGae.Tests;

/// <summary>Task 4, hidden: batched GAE with episodes that terminate or are truncated inside the rollout.</summary>
public class BatchedGaeHiddenTests
{
    [Graded("4.2", 3, "BatchedGae.Compute, episode terminated mid-batch: no bootstrap, recursion cut", Visibility = GradedVisibility.AfterPublished)]
    public void BatchedGae_Termination_NoBootstrap_RecursionCut()
    {
        // S = 6, N = 3: environment 0 terminates at t = 2, environment 1 at t = 0, environment 2 at the
        // last step (so its lastValues entry must not be used). truncationValues hold junk: never read.
        var rng = new Rng(4202);
        const int S = 6, N = 3;
        var terminated = new bool[S * N];
        terminated[2 * N + 0] = terminated[0 * N + 1] = terminated[5 * N + 2] = true;
        var input = Input(rng, S, N, terminated, new bool[S * N], 0.99, 0.95);
        Check(input, "BatchedGae.Compute(terminations)");
    }

    [Graded("4.3", 3, "BatchedGae.Compute, truncation bootstrapped from truncationValues", Visibility = GradedVisibility.AfterPublished)]
    public void BatchedGae_Truncation_Bootstrapped()
    {
        // S = 5, N = 2: environment 0 is truncated at t = 2, environment 1 at the last step (bootstrap
        // from truncationValues, not lastValues) and both terminated and truncated at t = 1 (counts
        // as terminated).
        var rng = new Rng(4303);
        const int S = 5, N = 2;
        var terminated = new bool[S * N];
        var truncated = new bool[S * N];
        truncated[2 * N + 0] = truncated[4 * N + 1] = true;
        terminated[1 * N + 1] = truncated[1 * N + 1] = true;
        Check(Input(rng, S, N, terminated, truncated, 0.9, 0.8), "BatchedGae.Compute(truncations)");
    }

    [Graded("4.4", 2, "BatchedGae.Compute, random [S x N] with episode ends vs reference", Visibility = GradedVisibility.AfterPublished)]
    public void BatchedGae_RandomVsReference()
    {
        var rng = new Rng(4404);
        foreach (var (s, n, gamma, lambda) in new[] { (64, 8, 0.99, 0.95), (1, 5, 0.99, 0.95), (33, 3, 1.0, 1.0) })
        {
            var terminated = Draw.Flags(rng, s * n, 0.04);
            var truncated = Draw.Flags(rng, s * n, 0.04);
            Check(Input(rng, s, n, terminated, truncated, gamma, lambda), $"BatchedGae.Compute(S = {s}, N = {n})");
        }
    }

    private static BatchedGaeInput Input(Rng rng, int steps, int envs, bool[] terminated, bool[] truncated, double gamma, double lambda) =>
        new(Draw.Uniform(rng, steps * envs, -1, 2), Draw.Gaussian(rng, steps * envs, 0, 3), terminated, truncated,
            Draw.Gaussian(rng, steps * envs, 10, 3), Draw.Gaussian(rng, envs, 0, 3), gamma, lambda);

    private static void Check(BatchedGaeInput input, string what) =>
        Expect.Near(Submission.Current.BatchedGae(input), BatchedGaeVariants.Reference(input), what, BatchedGaeVariants.Mistakes(input));
}
