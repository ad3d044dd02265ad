using Rl.Advantages;
using Rl.Random;

namespace PpoGae.Tests;

/// <summary>Task 3, hidden: GAE on seeded random trajectories, and the bootstrap value and O(H) cost on a long one.</summary>
public class GaeHiddenTests
{
    [Graded("3.2", 4, "Gae.Compute, random vs reference", Visibility = GradedVisibility.AfterPublished)]
    public void Gae_RandomVsReference()
    {
        var rng = new Rng(3202);
        foreach (var (horizon, gamma, lambda) in new[] { (1, 0.99, 0.95), (10, 0.99, 0.95), (30, 1.0, 1.0), (30, 0.9, 0.0), (100, 0.99, 0.5), (64, 0.0, 0.7) })
        {
            var (rewards, values) = Draw.Trajectory(rng, horizon);
            Check(rewards, values, gamma, lambda);
        }
    }

    [Graded("3.3", 3, "Gae.Compute: bootstrap value V(s_H) used, O(H) on H = 200,000", Visibility = GradedVisibility.AfterPublished)]
    public void Gae_UsesTheBootstrapValue_InLinearTime()
    {
        // H = 1: A_0 = BE_0 = r_0 + gamma V(s_1) - V(s_0) = 0.5 + 0.9 * 3 - 2 = 1.2.
        Expect.Near(Submission.Current.Gae([0.5], [2, 3], 0.9, 0.95), [1.2], "Gae.Compute(H = 1)",
            new Mistake("the bootstrap value V(s_H) = values[H] is ignored", [-1.5]));

        // H = 200,000, rewards 1, V(s_h) = 2 and V(s_H) = 5, gamma 0.99, lambda 0.95: with x = gamma lambda,
        //   A_h = 0.98 (1 - x^(H-h)) / (1 - x) + x^(H-1-h) gamma (5 - 2)
        // An O(H^2) implementation does not finish within the time limit.
        const int H = 200_000;
        var rewards = Enumerable.Repeat(1.0, H).ToArray();
        var values = Enumerable.Repeat(2.0, H + 1).ToArray();
        values[H] = 5.0;
        var advantages = Check(rewards, values, 0.99, 0.95);
        double x = 0.99 * 0.95;
        foreach (int h in new[] { 0, H / 2, H - 2, H - 1 })
        {
            double analytic = 0.98 * (1 - Math.Pow(x, H - h)) / (1 - x) + Math.Pow(x, H - 1 - h) * 0.99 * 3.0;
            Expect.Near(advantages[h], analytic, $"Gae.Compute(H = {H})[{h}] against its closed form");
        }
    }

    private static double[] Check(double[] rewards, double[] values, double gamma, double lambda)
    {
        var errors = BellmanErrors.Compute(rewards, values, gamma);
        var lambdaOnly = (double[])errors.Clone();
        for (int h = errors.Length - 2; h >= 0; h--) lambdaOnly[h] += lambda * lambdaOnly[h + 1];
        var forwards = (double[])errors.Clone();
        for (int h = 1; h < errors.Length; h++) forwards[h] += gamma * lambda * forwards[h - 1];
        var actual = Submission.Current.Gae(rewards, values, gamma, lambda);
        Expect.Near(actual, Gae.Compute(rewards, values, gamma, lambda), $"Gae.Compute(H = {rewards.Length}, gamma {gamma}, lambda {lambda})",
            new Mistake("the bootstrap value V(s_H) = values[H] is ignored", Gae.Compute(rewards, Draw.WithoutBootstrap(values), gamma, lambda)),
            new Mistake("the recursion multiplies by lambda instead of gamma lambda", lambdaOnly),
            new Mistake("the recursion multiplies by gamma instead of gamma lambda", Gae.Compute(rewards, values, gamma, 1.0)), // gamma lambda = gamma
            new Mistake("the recursion runs forwards; it runs backwards, A_h = BE_h + gamma lambda A_{h+1}", forwards));
        return actual;
    }
}
