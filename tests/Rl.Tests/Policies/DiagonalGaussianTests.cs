using MathNet.Numerics.Distributions;
using Rl.Policies;
using Rl.Random;
using static Rl.Tests.Policies.RandomInputs;

namespace Rl.Tests.Policies;

/// <summary>The diagonal Gaussian policy's log-probabilities, entropy and mode, against MathNet.Numerics.</summary>
public class DiagonalGaussianTests
{
    [Fact]
    public void LogProbability_IsTheSumOfMathNetsNormalLogDensities()
    {
        var rng = new Rng(11);
        for (int c = 0; c < Cases; c++)
        {
            var (mean, logStd, action) = Gaussian(rng);
            double expected = mean.Select((mu, i) => Normal.PDFLn(mu, Math.Exp(logStd[i]), action[i])).Sum();
            AssertClose(expected, DiagonalGaussian.LogProbability(mean, logStd, action), 1e-12,
                $"log pi({Show(action)}) for mu {Show(mean)}, log sigma {Show(logStd)}");
        }
    }

    [Fact]
    public void Entropy_IsTheSumOfMathNetsNormalEntropies()
    {
        var rng = new Rng(12);
        for (int c = 0; c < Cases; c++)
        {
            var (mean, logStd, _) = Gaussian(rng);
            double expected = mean.Select((mu, i) => new Normal(mu, Math.Exp(logStd[i])).Entropy).Sum();
            AssertClose(expected, DiagonalGaussian.Entropy(logStd), 1e-12, $"H for log sigma {Show(logStd)}");
        }
    }

    [Fact]
    public void AtInitialisation_LogStdZero_TheEntropyIsDTimesOneHalfLogTwoPiE()
    {
        Assert.Equal(0.5 * Math.Log(2 * Math.PI * Math.E), DiagonalGaussian.Entropy([0.0]), 15);
        Assert.Equal(3 * 0.5 * Math.Log(2 * Math.PI * Math.E), DiagonalGaussian.Entropy([0.0, 0.0, 0.0]), 14);
        Assert.Equal(-0.5 * Math.Log(2 * Math.PI), DiagonalGaussian.LogProbability([0.7], [0.0], [0.7]), 15);
    }

    [Fact]
    public void Mode_IsTheMean_AndNoActionIsMoreProbable()
    {
        var rng = new Rng(13);
        for (int c = 0; c < Cases; c++)
        {
            var (mean, logStd, action) = Gaussian(rng);
            var mode = new double[mean.Length];
            DiagonalGaussian.Mode(mean, mode);
            Assert.Equal(mean, mode);
            Assert.True(DiagonalGaussian.LogProbability(mean, logStd, mode) >= DiagonalGaussian.LogProbability(mean, logStd, action));
        }
    }

    [Fact]
    public void Batch_EqualsRowByRow_BitForBit()
    {
        var rng = new Rng(14);
        for (int c = 0; c < 50; c++)
        {
            int rows = 1 + rng.NextInt(9), d = 1 + rng.NextInt(4);
            double[] means = Uniform(rng, rows * d, -3.0, 3.0);
            double[] logStd = Uniform(rng, d, -1.5, 1.0);
            double[] actions = Uniform(rng, rows * d, -5.0, 5.0);
            var logProbabilities = new double[rows];
            DiagonalGaussian.LogProbabilities(means, logStd, actions, logProbabilities);
            for (int b = 0; b < rows; b++)
                Assert.Equal(DiagonalGaussian.LogProbability(means.AsSpan(b * d, d), logStd, actions.AsSpan(b * d, d)), logProbabilities[b]);
        }
    }
}
