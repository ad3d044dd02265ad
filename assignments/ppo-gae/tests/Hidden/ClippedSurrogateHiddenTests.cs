using Rl.Grading.Worker;
using Rl.Random;
using Reference = Rl.Ppo.ClippedSurrogate;

namespace PpoGae.Tests;

/// <summary>
/// Task 6, hidden: the clipped surrogate over a sweep of ratios rho in [0.5, 1.5] with both advantage
/// signs, sent as one minibatch (sample i has rho_i = exp(logp_i - logp_old_i)), against the reference.
/// </summary>
public class ClippedSurrogateHiddenTests
{
    private const double Eps = 0.2;

    [Graded("6.2", 4, "ClippedSurrogate.Compute, loss over a sweep of ratios and both advantage signs", Visibility = GradedVisibility.AfterPublished)]
    public void ClippedSurrogate_LossSweep()
    {
        var sweep = new Sweep(new Rng(6202));
        var actual = sweep.Call();
        Expect.Near(actual.Loss, sweep.Expected.Loss, "ClippedSurrogate.Compute loss over the sweep",
            new Mistake("the policy loss has the wrong sign: l_pi = -(1/B) sum min(rho A, clip(rho) A)", -sweep.Expected.Loss),
            new Mistake("the ratio is logp / logp_old (a quotient of log-probabilities); it is exp(logp - logp_old)", sweep.Quotient.Loss),
            new Mistake("the ratio is not clipped", sweep.Unclipped.Loss),
            new Mistake("max and min are swapped: the loss takes the larger of -rho A and -clip(rho) A", sweep.SwappedMinMaxLoss()),
            new Mistake("the loss is summed, not averaged over the minibatch", sweep.Expected.Loss * sweep.Size));
    }

    [Graded("6.3", 3, "ClippedSurrogate.Compute, gradient sweep: 0 where clipping is active", Visibility = GradedVisibility.AfterPublished)]
    public void ClippedSurrogate_GradientSweep()
    {
        var sweep = new Sweep(new Rng(6303));
        var actual = sweep.Call();
        Expect.Near(actual.Gradient, sweep.Expected.Gradient, "ClippedSurrogate.Compute gradient over the sweep",
            new Mistake("the gradient has the wrong sign: d l_pi / d logp_i = -A_i rho_i / B", [.. sweep.Expected.Gradient.Select(g => -g)]),
            new Mistake("the ratio is logp / logp_old (a quotient of log-probabilities); it is exp(logp - logp_old)", sweep.Quotient.Gradient),
            new Mistake("the gradient is not divided by B", [.. sweep.Expected.Gradient.Select(g => g * sweep.Size)]),
            new Mistake("the gradient is not zeroed where clipping is active (A > 0 and rho > 1 + eps, or A < 0 and rho < 1 - eps)", sweep.Unclipped.Gradient),
            new Mistake("where clipping is active the gradient must be 0, not -A clip(rho) / B", sweep.ClippedRatioGradient()));
    }

    [Graded("6.4", 1, "ClippedSurrogate.Compute, clip fraction and k3 approximate KL", Visibility = GradedVisibility.AfterPublished)]
    public void ClippedSurrogate_ClipFractionAndKl()
    {
        var sweep = new Sweep(new Rng(6404));
        var actual = sweep.Call();
        Expect.Near(actual.ClipFraction, sweep.Expected.ClipFraction, "ClippedSurrogate.Compute clip fraction over the sweep",
            new Mistake("the clip fraction counts only the samples where clipping is active; it counts every |rho - 1| > eps",
                sweep.Expected.Gradient.Where((g, i) => g == 0.0 && sweep.Advantages[i] != 0.0).Count() / (double)sweep.Size),
            new Mistake("the clip fraction is a count, not a fraction of B", sweep.Expected.ClipFraction * sweep.Size),
            new Mistake("the ratio is logp / logp_old; it is exp(logp - logp_old)", sweep.Quotient.ClipFraction));
        double k1 = sweep.LogRatios.Average(d => -d);
        Expect.Near(actual.ApproxKl, sweep.Expected.ApproxKl, "ClippedSurrogate.Compute approximate KL over the sweep",
            new Mistake("the approximate KL is the k1 estimate mean(-log rho); use k3, mean((rho - 1) - log rho)", k1),
            new Mistake("the approximate KL is mean(log rho); use k3, mean((rho - 1) - log rho)", -k1),
            new Mistake("the approximate KL is summed, not averaged over the minibatch", sweep.Expected.ApproxKl * sweep.Size),
            new Mistake("the ratio is logp / logp_old; it is exp(logp - logp_old)", sweep.Quotient.ApproxKl));
    }

    /// <summary>
    /// The sweep: rho_j = 0.5 + (j + 0.37) / 40 for j = 0 .. 39 (never exactly 1 +- eps), each with a
    /// positive and a negative advantage, plus two samples with A = 0; log-probabilities below 0.
    /// </summary>
    private sealed class Sweep
    {
        public Sweep(Rng rng)
        {
            var logp = new List<double>();
            var old = new List<double>();
            var advantages = new List<double>();
            for (int j = 0; j < 40; j++)
            {
                double ratio = 0.5 + (j + 0.37) / 40;
                foreach (int sign in new[] { 1, -1, 0 })
                {
                    if (sign == 0 && j % 20 != 7) continue;
                    double o = rng.Uniform(-3.0, -0.5);
                    old.Add(o);
                    logp.Add(o + Math.Log(ratio));
                    advantages.Add(sign * rng.Uniform(0.2, 3.0));
                }
            }
            LogProbabilities = [.. logp];
            OldLogProbabilities = [.. old];
            Advantages = [.. advantages];
            LogRatios = [.. logp.Select((l, i) => l - old[i])];
            Expected = Run(LogProbabilities, OldLogProbabilities, Eps);
            Unclipped = Run(LogProbabilities, OldLogProbabilities, 1e9);
            // The quotient q = logp / logp_old as the ratio: the reference fed log q and 0.
            Quotient = Run([.. logp.Select((l, i) => Math.Log(l / old[i]))], new double[Size], Eps);
        }

        public double[] LogProbabilities { get; }
        public double[] OldLogProbabilities { get; }
        public double[] Advantages { get; }
        public double[] LogRatios { get; }
        public int Size => Advantages.Length;
        public SurrogateOutput Expected { get; }
        public SurrogateOutput Unclipped { get; }
        public SurrogateOutput Quotient { get; }

        public SurrogateOutput Call() => Submission.Current.ClippedSurrogate(LogProbabilities, OldLogProbabilities, Advantages, Eps);

        /// <summary>-(1/B) sum max(rho A, clip(rho) A): the loss with min and max swapped.</summary>
        public double SwappedMinMaxLoss() => -Enumerable.Range(0, Size).Average(i =>
        {
            double rho = Math.Exp(LogRatios[i]), a = Advantages[i];
            return Math.Max(rho * a, Math.Clamp(rho, 1 - Eps, 1 + Eps) * a);
        });

        /// <summary>-A clip(rho) / B everywhere.</summary>
        public double[] ClippedRatioGradient() =>
            [.. Enumerable.Range(0, Size).Select(i => -Advantages[i] * Math.Clamp(Math.Exp(LogRatios[i]), 1 - Eps, 1 + Eps) / Size)];

        private SurrogateOutput Run(double[] logp, double[] old, double clip)
        {
            var gradient = new double[logp.Length];
            var result = Reference.Compute(logp, old, Advantages, clip, gradient);
            return new SurrogateOutput(result.Loss, gradient, result.ClipFraction, result.ApproxKl);
        }
    }
}
