using Rl.Advantages;
using Rl.Random;

namespace PpoGae.Tests;

/// <summary>Task 1, hidden: Bellman errors on seeded random trajectories against the reference.</summary>
public class BellmanErrorsHiddenTests
{
    [Graded("1.2", 4, "BellmanErrors.Compute, random vs reference", Visibility = GradedVisibility.AfterPublished)]
    public void BellmanErrors_RandomVsReference()
    {
        var rng = new Rng(1201);
        foreach (var (horizon, gamma) in new[] { (1, 0.99), (7, 0.5), (50, 1.0), (200, 0.99), (20, 0.0) })
        {
            var (rewards, values) = Draw.Trajectory(rng, horizon);
            var swapped = new double[horizon];
            for (int h = 0; h < horizon; h++) swapped[h] = rewards[h] + gamma * values[h] - values[h + 1];
            var expected = BellmanErrors.Compute(rewards, values, gamma);
            Expect.Near(Submission.Current.BellmanErrors(rewards, values, gamma), expected, $"BellmanErrors.Compute(H = {horizon}, gamma {gamma})",
                new Mistake("the bootstrap value V(s_H) = values[H] is ignored (BE_{H-1} must use it)", BellmanErrors.Compute(rewards, Draw.WithoutBootstrap(values), gamma)),
                new Mistake("the sign is flipped: BE_h = r_h + gamma V(s_{h+1}) - V(s_h)", [.. expected.Select(x => -x)]),
                new Mistake("gamma is not applied to V(s_{h+1})", BellmanErrors.Compute(rewards, values, 1.0)),
                new Mistake("V(s_h) and V(s_{h+1}) are swapped", swapped));
        }
    }
}
