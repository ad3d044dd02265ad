using Rl.Policies;
using Rl.Random;
using static Rl.Tests.Policies.RandomInputs;

namespace Rl.Tests.Policies;

/// <summary>
/// Every analytic gradient against central finite differences D(h) = (f(x + h) - f(x - h)) / 2h,
/// Richardson-extrapolated to (4 D(h/2) - D(h)) / 3, whose error is O(h^4) instead of O(h^2): with
/// h = 1e-3 the measured error stays below 1e-8, a hundredth of the tolerance. Each
/// gradient method adds into a span that already holds values, with a scale, so the tests also prove
/// that the methods accumulate: the span must end as prefill + scale * gradient.
/// </summary>
public class GradientTests
{
    private const double Step = 1e-3;

    /// <summary>|analytic - numerical| / max(|analytic|, |numerical|, 1e-3): relative, absolute for partials below 1e-3.</summary>
    private const double RelativeTolerance = 1e-6;

    [Fact]
    public void Categorical_LogProbabilityGradient_MatchesFiniteDifferences()
    {
        var rng = new Rng(21);
        for (int c = 0; c < Cases; c++)
        {
            double[] logits = Logits(rng);
            int action = rng.NextInt(logits.Length);
            var (gradient, prefill, scale) = Prefilled(rng, logits.Length);
            Categorical.AddLogProbabilityGradient(logits, action, scale, gradient);
            AssertGradient(l => Categorical.LogProbability(l, action), logits, gradient, prefill, scale, $"d log pi({action}) / d l at {Show(logits)}");
        }
    }

    [Fact]
    public void Categorical_EntropyGradient_MatchesFiniteDifferences()
    {
        var rng = new Rng(22);
        for (int c = 0; c < Cases; c++)
        {
            double[] logits = Logits(rng);
            var (gradient, prefill, scale) = Prefilled(rng, logits.Length);
            Categorical.AddEntropyGradient(logits, scale, gradient);
            AssertGradient(l => Categorical.Entropy(l), logits, gradient, prefill, scale, $"dH / d l at {Show(logits)}");
        }
    }

    [Fact]
    public void Categorical_BatchGradient_MatchesFiniteDifferencesOfTheBatchLoss()
    {
        var rng = new Rng(23);
        for (int c = 0; c < 50; c++)
        {
            int rows = 1 + rng.NextInt(6), n = 1 + rng.NextInt(5);
            double[] logits = Uniform(rng, rows * n, -6.0, 6.0);
            int[] actions = Enumerable.Range(0, rows).Select(_ => rng.NextInt(n)).ToArray();
            double[] scales = Uniform(rng, rows, -2.0, 2.0);
            double entropyScale = rng.Uniform(-2.0, 2.0);
            var (gradient, prefill, _) = Prefilled(rng, logits.Length);
            Categorical.AddGradients(logits, actions, scales, entropyScale, gradient);

            // L = sum_b s_b log pi(a_b | row b) + s_H sum_b H_b
            double Loss(double[] l)
            {
                var logProbabilities = new double[rows];
                var entropies = new double[rows];
                Categorical.LogProbabilitiesAndEntropies(l, actions, logProbabilities, entropies);
                return scales.Select((s, b) => s * logProbabilities[b]).Sum() + entropyScale * entropies.Sum();
            }
            AssertGradient(Loss, logits, gradient, prefill, 1.0, $"batch [{rows} x {n}]");
        }
    }

    [Fact]
    public void Categorical_GradientsAtHugeLogitDifferences_AreFiniteAndExact()
    {
        foreach (double[] logits in new[] { new[] { 1000.0, 0.0, -1000.0 }, [1e300, 0.0, -1e300], [1e308, -1e308] })
        {
            var gradient = new double[logits.Length];
            Categorical.AddLogProbabilityGradient(logits, logits.Length - 1, 1.0, gradient);
            Assert.Equal(-1.0, gradient[0]); // 1[j = a] - p_j with p = (1, 0, ..., 0)
            Assert.Equal(1.0, gradient[^1]);
            Array.Clear(gradient);
            Categorical.AddEntropyGradient(logits, 1.0, gradient);
            Assert.All(gradient, g => Assert.Equal(0.0, g)); // -p_j (log p_j + H) with p log p -> 0
        }
    }

    [Fact]
    public void Gaussian_LogProbabilityGradients_MatchFiniteDifferences_InTheMeanAndTheLogStd()
    {
        var rng = new Rng(24);
        for (int c = 0; c < Cases; c++)
        {
            var (mean, logStd, action) = Gaussian(rng);
            var (meanGradient, meanPrefill, scale) = Prefilled(rng, mean.Length);
            var (logStdGradient, logStdPrefill, _) = Prefilled(rng, mean.Length);
            DiagonalGaussian.AddLogProbabilityGradient(mean, logStd, action, scale, meanGradient, logStdGradient);
            string where = $"at mu {Show(mean)}, log sigma {Show(logStd)}, a {Show(action)}";
            AssertGradient(mu => DiagonalGaussian.LogProbability(mu, logStd, action), mean, meanGradient, meanPrefill, scale, "d log pi / d mu " + where);
            AssertGradient(s => DiagonalGaussian.LogProbability(mean, s, action), logStd, logStdGradient, logStdPrefill, scale, "d log pi / d log sigma " + where);
        }
    }

    [Fact]
    public void Gaussian_EntropyGradient_MatchesFiniteDifferences()
    {
        var rng = new Rng(25);
        for (int c = 0; c < Cases; c++)
        {
            var (_, logStd, _) = Gaussian(rng);
            var (gradient, prefill, scale) = Prefilled(rng, logStd.Length);
            DiagonalGaussian.AddEntropyGradient(logStd, scale, gradient);
            AssertGradient(s => DiagonalGaussian.Entropy(s), logStd, gradient, prefill, scale, $"dH / d log sigma at {Show(logStd)}");
        }
    }

    [Fact]
    public void Gaussian_BatchGradient_MatchesFiniteDifferencesOfTheBatchLoss_WithTheSharedLogStdSummedOverRows()
    {
        var rng = new Rng(26);
        for (int c = 0; c < 50; c++)
        {
            int rows = 1 + rng.NextInt(6), d = 1 + rng.NextInt(4);
            double[] means = Uniform(rng, rows * d, -3.0, 3.0);
            double[] logStd = Uniform(rng, d, -1.5, 1.0);
            double[] actions = means.Select((mu, k) => mu + Math.Exp(logStd[k % d]) * rng.Uniform(-3.0, 3.0)).ToArray();
            double[] scales = Uniform(rng, rows, -2.0, 2.0);
            double entropyScale = rng.Uniform(-2.0, 2.0);
            var (meanGradient, meanPrefill, _) = Prefilled(rng, means.Length);
            var (logStdGradient, logStdPrefill, _) = Prefilled(rng, d);
            DiagonalGaussian.AddGradients(means, logStd, actions, scales, entropyScale, meanGradient, logStdGradient);

            // L = sum_b s_b log pi(a_b | mu_b, sigma) + s_H sum_b H(sigma)
            double Loss(double[] mu, double[] s)
            {
                var logProbabilities = new double[rows];
                DiagonalGaussian.LogProbabilities(mu, s, actions, logProbabilities);
                return scales.Select((scale, b) => scale * logProbabilities[b]).Sum() + entropyScale * rows * DiagonalGaussian.Entropy(s);
            }
            AssertGradient(mu => Loss(mu, logStd), means, meanGradient, meanPrefill, 1.0, $"batch [{rows} x {d}], means");
            AssertGradient(s => Loss(means, s), logStd, logStdGradient, logStdPrefill, 1.0, $"batch [{rows} x {d}], log sigma");
        }
    }

    /// <summary>A gradient span already holding values in [-1, 1], a copy of them, and a scale in [0.5, 2] of random sign.</summary>
    private static (double[] Gradient, double[] Prefill, double Scale) Prefilled(Rng rng, int length)
    {
        double[] prefill = Uniform(rng, length, -1.0, 1.0);
        double scale = rng.Uniform(0.5, 2.0) * (rng.NextInt(2) == 0 ? -1 : 1);
        return ((double[])prefill.Clone(), prefill, scale);
    }

    /// <summary>D(h) = (f(x + h e_j) - f(x - h e_j)) / 2h.</summary>
    private static double CentralDifference(Func<double[], double> f, double[] x, int j, double h)
    {
        double[] plus = (double[])x.Clone(), minus = (double[])x.Clone();
        plus[j] += h;
        minus[j] -= h;
        return (f(plus) - f(minus)) / (2 * h);
    }

    /// <summary>(gradient - prefill) / scale against central differences of <paramref name="f"/> at <paramref name="x"/>.</summary>
    private static void AssertGradient(Func<double[], double> f, double[] x, double[] gradient, double[] prefill, double scale, string what)
    {
        for (int j = 0; j < x.Length; j++)
        {
            double numerical = (4 * CentralDifference(f, x, j, Step / 2) - CentralDifference(f, x, j, Step)) / 3;
            double analytic = (gradient[j] - prefill[j]) / scale;
            double error = Math.Abs(analytic - numerical) / Math.Max(1e-3, Math.Max(Math.Abs(analytic), Math.Abs(numerical)));
            if (!(error < RelativeTolerance))
                throw new Xunit.Sdk.XunitException($"{what}, partial {j}: analytic {analytic:R}, numerical {numerical:R}, relative error {error:E2}.");
        }
    }
}
