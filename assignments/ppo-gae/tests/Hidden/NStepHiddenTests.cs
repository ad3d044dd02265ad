using Rl.Advantages;
using Rl.Random;

namespace PpoGae.Tests;

/// <summary>Task 2, hidden: the n-step estimators on seeded random trajectories against the reference, k up to past the end.</summary>
public class NStepHiddenTests
{
    [Graded("2.2", 4, "NStep.Compute, random vs reference, k = 1 .. H + 2", Visibility = GradedVisibility.AfterPublished)]
    public void NStep_RandomVsReference()
    {
        var rng = new Rng(2202);
        var (rewards, values) = Draw.Trajectory(rng, 6);
        for (int k = 1; k <= rewards.Length + 2; k++) Check(rewards, values, 0.9, k);
        (rewards, values) = Draw.Trajectory(rng, 40);
        Check(rewards, values, 0.97, 7);
    }

    private static void Check(double[] rewards, double[] values, double gamma, int k)
    {
        var mistakes = new List<Mistake>
        {
            new("k is off by one (this is A^(k+1))", NStep.Compute(rewards, values, gamma, k + 1)),
            new("the bootstrap value V(s_H) is ignored where h + k passes the end (use gamma^(H-h) V(s_H))",
                NStep.Compute(rewards, Draw.WithoutBootstrap(values), gamma, k)),
        };
        if (k > 1) mistakes.Add(new("k is off by one (this is A^(k-1))", NStep.Compute(rewards, values, gamma, k - 1)));
        Expect.Near(Submission.Current.NStep(rewards, values, gamma, k), NStep.Compute(rewards, values, gamma, k),
            $"NStep.Compute(H = {rewards.Length}, k = {k})", [.. mistakes]);
    }
}
