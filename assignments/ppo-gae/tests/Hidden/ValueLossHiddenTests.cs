using Rl.Grading.Worker;
using Rl.Random;
using Reference = Rl.Ppo.ValueLoss;

namespace PpoGae.Tests;

/// <summary>Task 7, hidden: the clipped value loss over a sweep, and both forms on random inputs, against the reference.</summary>
public class ValueLossHiddenTests
{
    [Graded("7.2", 3, "ValueLoss.Compute, clipped, sweep", Visibility = GradedVisibility.AfterPublished)]
    public void ValueLoss_ClippedSweep()
    {
        // V - V_old = -0.485, -0.435, ..., 0.465 (never exactly +-eps), each with targets at
        // V_old - 0.6, - 0.1, + 0.1, + 0.6: both sides of the old value, near and far.
        var rng = new Rng(7202);
        var values = new List<double>();
        var oldValues = new List<double>();
        var targets = new List<double>();
        for (int j = 0; j < 20; j++)
            foreach (double offset in new[] { -0.6, -0.1, 0.1, 0.6 })
            {
                double old = rng.Uniform(-5, 5);
                oldValues.Add(old);
                values.Add(old - 0.5 + (j + 0.3) * 0.05);
                targets.Add(old + offset);
            }
        Check([.. values], [.. oldValues], [.. targets], 0.2, "sweep");
    }

    [Graded("7.3", 1, "ValueLoss.Compute, random vs reference, unclipped and clipped", Visibility = GradedVisibility.AfterPublished)]
    public void ValueLoss_RandomVsReference()
    {
        var rng = new Rng(7303);
        foreach (double? clip in new double?[] { null, 0.2 })
        {
            var oldValues = Draw.Gaussian(rng, 50, 3, 2);
            var values = oldValues.Select(v => v + 0.3 * rng.NextGaussian()).ToArray();
            var targets = oldValues.Select(v => v + rng.NextGaussian()).ToArray();
            Check(values, oldValues, targets, clip, "random");
        }
    }

    private static void Check(double[] values, double[] oldValues, double[] targets, double? clip, string name)
    {
        var expected = Run(values, oldValues, targets, clip);
        var actual = Submission.Current.ValueLoss(values, oldValues, targets, clip);
        int size = values.Length;
        string what = $"ValueLoss.Compute ({name}, clip {(clip is double c ? c.ToString() : "null")})";
        var mistakes = new List<Mistake>
        {
            new("the 1/2 factor is missing: l_V = (1/2) mean(...), gradient (V - y) / B", Scaled(expected, 2)),
            new("the 1/2 factor is applied twice", Scaled(expected, 0.5)),
        };
        if (clip is double eps)
        {
            mistakes.Add(new("the value loss is not clipped although clip is given", Pack(Run(values, oldValues, targets, null))));
            mistakes.Add(new("min instead of max: the clipped loss is the larger of the two squared errors", Pack(Variant(values, oldValues, targets, eps, larger: false))));
            mistakes.Add(new("the gradient is not zeroed where the clipped term is larger and V - V_old is outside [-eps, eps]", Pack(Variant(values, oldValues, targets, eps, larger: true))));
        }
        Expect.Near(actual.Loss, expected.Loss, $"{what} loss", [.. mistakes.Select(m => new Mistake(m.Description, m.Values[0]))]);
        mistakes.Add(new("the gradient is not divided by B", [double.NaN, .. expected.Gradient.Select(g => g * size)]));
        mistakes.Add(new("the gradient has the wrong sign: d l_V / d V_i = (V_i - y_i) / B for the unclipped term", [double.NaN, .. expected.Gradient.Select(g => -g)]));
        Expect.Near(actual.Gradient, expected.Gradient, $"{what} gradient", [.. mistakes.Select(m => new Mistake(m.Description, m.Values[1..]))]);
    }

    private static ValueLossOutput Run(double[] values, double[] oldValues, double[] targets, double? clip)
    {
        var gradient = new double[values.Length];
        return new ValueLossOutput(Reference.Compute(values, oldValues, targets, clip, gradient), gradient);
    }

    /// <summary>Loss then gradient, one array.</summary>
    private static double[] Pack(ValueLossOutput output) => [output.Loss, .. output.Gradient];

    private static double[] Scaled(ValueLossOutput output, double factor) => [.. Pack(output).Select(x => x * factor)];

    /// <summary>
    /// Wrong clipped losses: <paramref name="larger"/> true keeps max but lets the clipped term's
    /// slope through everywhere; false takes the smaller term (min) with its slope.
    /// </summary>
    private static ValueLossOutput Variant(double[] values, double[] oldValues, double[] targets, double eps, bool larger)
    {
        int size = values.Length;
        double loss = 0;
        var gradient = new double[size];
        for (int i = 0; i < size; i++)
        {
            double error = values[i] - targets[i];
            double clippedError = oldValues[i] + Math.Clamp(values[i] - oldValues[i], -eps, eps) - targets[i];
            bool clippedWins = larger ? clippedError * clippedError > error * error : clippedError * clippedError < error * error;
            double e = clippedWins ? clippedError : error;
            loss += e * e;
            gradient[i] = e / size;
        }
        return new ValueLossOutput(0.5 * loss / size, gradient);
    }
}
