using ChiSquared = MathNet.Numerics.Distributions.ChiSquared;
using Rl.Policies;
using Rl.Random;
using static Rl.Tests.Policies.RandomInputs;

namespace Rl.Tests.Policies;

/// <summary>Sampling: the right frequencies, one documented use of the generator, and replay from a seed.</summary>
public class SamplingTests
{
    private const int Draws = 100_000;

    [Fact]
    public void Categorical_Frequencies_PassAChiSquareTest_ThatTheWrongProbabilitiesFail()
    {
        double[] logits = [0.5, -1.0, 2.0, 0.0, -3.0];
        var probabilities = new double[logits.Length];
        Categorical.Probabilities(logits, probabilities);
        var counts = new double[logits.Length];
        var rng = new Rng(31);
        for (int k = 0; k < Draws; k++) counts[Categorical.Sample(logits, rng)]++;

        // Under the right probabilities the statistic exceeds this bound with probability 1e-6.
        double bound = ChiSquared.InvCDF(logits.Length - 1, 1 - 1e-6);
        Assert.True(ChiSquare(counts, probabilities) < bound, $"chi^2 = {ChiSquare(counts, probabilities)}, bound {bound}");
        // The test has power: the same counts against the reversed probabilities fail it.
        Assert.True(ChiSquare(counts, probabilities.Reverse().ToArray()) > bound);
    }

    [Fact]
    public void Categorical_Sample_IsTheInverseCdfOfOneUniform_AsRngCategoricalOnTheProbabilities()
    {
        var inputs = new Rng(32);
        var rng = new Rng(33);
        for (int c = 0; c < 10 * Cases; c++)
        {
            double[] logits = Logits(inputs);
            var probabilities = new double[logits.Length];
            Categorical.Probabilities(logits, probabilities);
            Rng reference = rng.Clone();
            Assert.Equal(reference.Categorical(probabilities), Categorical.Sample(logits, rng));
            Assert.Equal(reference.State, rng.State); // exactly one uniform consumed
        }
    }

    [Fact]
    public void Categorical_Sample_NeverDrawsAnActionOfProbabilityZero()
    {
        var rng = new Rng(34);
        for (int k = 0; k < 10_000; k++) Assert.Equal(1, Categorical.Sample([-1e300, 1e300, -1e300], rng));
    }

    [Fact]
    public void Gaussian_SampleMeanAndVariance_MatchMuAndSigmaSquared()
    {
        double[] mean = [0.3, -1.2, 4.0];
        double[] logStd = [-0.5, 0.4, 0.0];
        var sum = new double[3];
        var sumOfSquares = new double[3];
        var action = new double[3];
        var rng = new Rng(35);
        for (int k = 0; k < Draws; k++)
        {
            DiagonalGaussian.Sample(mean, logStd, rng, action);
            for (int i = 0; i < 3; i++)
            {
                sum[i] += action[i];
                sumOfSquares[i] += (action[i] - mean[i]) * (action[i] - mean[i]);
            }
        }
        for (int i = 0; i < 3; i++)
        {
            double variance = Math.Exp(2 * logStd[i]);
            // Five standard errors: sd(mean) = sigma / sqrt(N), sd(variance) = sigma^2 sqrt(2 / N).
            Assert.InRange(sum[i] / Draws, mean[i] - 5 * Math.Sqrt(variance / Draws), mean[i] + 5 * Math.Sqrt(variance / Draws));
            Assert.InRange(sumOfSquares[i] / Draws, variance * (1 - 5 * Math.Sqrt(2.0 / Draws)), variance * (1 + 5 * Math.Sqrt(2.0 / Draws)));
        }
    }

    [Fact]
    public void Gaussian_Sample_IsMuPlusSigmaTimesOneNextGaussianPerDimension()
    {
        var inputs = new Rng(36);
        var rng = new Rng(37);
        for (int c = 0; c < Cases; c++)
        {
            var (mean, logStd, _) = Gaussian(inputs);
            var action = new double[mean.Length];
            Rng reference = rng.Clone();
            DiagonalGaussian.Sample(mean, logStd, rng, action);
            for (int i = 0; i < mean.Length; i++) Assert.Equal(mean[i] + Math.Exp(logStd[i]) * reference.NextGaussian(), action[i]);
            Assert.Equal(reference.State, rng.State);
        }
    }

    [Fact]
    public void TheSameSeed_GivesTheSameSamples_AndAnotherSeedOthers()
    {
        Assert.Equal(Samples(seed: 38), Samples(seed: 38));
        Assert.NotEqual(Samples(seed: 38), Samples(seed: 39));
    }

    /// <summary>A mixed stream of 200 categorical and 200 Gaussian draws from one seed.</summary>
    private static double[] Samples(ulong seed)
    {
        var rng = new Rng(seed);
        var samples = new List<double>();
        var action = new double[2];
        for (int k = 0; k < 200; k++)
        {
            samples.Add(Categorical.Sample([0.1, 0.2, -0.4, 1.0], rng));
            DiagonalGaussian.Sample([0.0, 1.0], [0.0, -1.0], rng, action);
            samples.AddRange(action);
        }
        return samples.ToArray();
    }

    private static double ChiSquare(double[] counts, double[] probabilities)
    {
        double total = counts.Sum(), statistic = 0.0;
        for (int j = 0; j < counts.Length; j++)
        {
            double expected = total * probabilities[j];
            statistic += (counts[j] - expected) * (counts[j] - expected) / expected;
        }
        return statistic;
    }
}
