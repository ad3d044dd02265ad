using Rl.Advantages;
using Rl.Random;

namespace PpoGae.Tests;

/// <summary>Task 5, hidden: value targets on seeded random inputs against the reference.</summary>
public class ValueTargetsHiddenTests
{
    [Graded("5.2", 2, "ValueTargets.Compute, random vs reference", Visibility = GradedVisibility.AfterPublished)]
    public void ValueTargets_RandomVsReference()
    {
        var rng = new Rng(5202);
        foreach (var (horizon, extra) in new[] { (37, 1), (20, 0), (1, 1) })
        {
            var advantages = Draw.Gaussian(rng, horizon, 0, 2);
            var values = Draw.Gaussian(rng, horizon + extra, 5, 3);
            var mistakes = new List<Mistake>
            {
                new("the target is A_h - V(s_h); it is y_h = A_h + V(s_h)", [.. advantages.Select((a, h) => a - values[h])]),
                new("the target is V(s_h) - A_h; it is y_h = A_h + V(s_h)", [.. advantages.Select((a, h) => values[h] - a)]),
            };
            if (extra == 1) mistakes.Add(new("off by one: y_h uses V(s_{h+1}) instead of V(s_h)", [.. advantages.Select((a, h) => a + values[h + 1])]));
            Expect.Near(Submission.Current.ValueTargets(advantages, values), ValueTargets.Compute(advantages, values),
                $"ValueTargets.Compute(H = {horizon}, {horizon + extra} values)", [.. mistakes]);
        }
    }
}
