using Rl.Policies;
using Rl.Random;
using static Rl.Tests.Policies.RandomInputs;
using MathNetCategorical = MathNet.Numerics.Distributions.Categorical;

namespace Rl.Tests.Policies;

/// <summary>The softmax policy's log-probabilities, entropy and mode, against MathNet.Numerics and by their definitions.</summary>
public class CategoricalTests
{
    [Fact]
    public void LogProbability_EqualsTheLogOfMathNetsPmf()
    {
        var rng = new Rng(1);
        for (int c = 0; c < Cases; c++)
        {
            double[] logits = Logits(rng);
            double[] weights = logits.Select(Math.Exp).ToArray(); // MathNet normalises the weights itself
            for (int a = 0; a < logits.Length; a++)
                AssertClose(Math.Log(MathNetCategorical.PMF(weights, a)), Categorical.LogProbability(logits, a), 1e-12,
                    $"log pi({a}) for logits {Show(logits)}");
        }
    }

    [Fact]
    public void Entropy_EqualsMathNetsEntropy()
    {
        var rng = new Rng(2);
        for (int c = 0; c < Cases; c++)
        {
            double[] logits = Logits(rng);
            double expected = new MathNetCategorical(logits.Select(Math.Exp).ToArray()).Entropy;
            AssertClose(expected, Categorical.Entropy(logits), 1e-12, $"H for logits {Show(logits)}");
        }
    }

    [Fact]
    public void ProbabilitiesOfAllActions_SumToOne_AndMatchLogProbabilities()
    {
        var rng = new Rng(3);
        for (int c = 0; c < Cases; c++)
        {
            double[] logits = Logits(rng);
            var probabilities = new double[logits.Length];
            Categorical.Probabilities(logits, probabilities);
            double total = 0.0;
            for (int a = 0; a < logits.Length; a++)
            {
                double p = Math.Exp(Categorical.LogProbability(logits, a));
                AssertClose(probabilities[a], p, 1e-13, $"p_{a} vs exp(log pi({a})) for {Show(logits)}");
                total += p;
            }
            AssertClose(1.0, total, 1e-13, $"sum_a exp(log pi(a)) for {Show(logits)}");
            AssertClose(1.0, probabilities.Sum(), 1e-13, $"sum_a p_a for {Show(logits)}");
        }
    }

    [Fact]
    public void LogSumExp_EqualsTheNaiveFormula_WhereThatDoesNotOverflow()
    {
        var rng = new Rng(4);
        for (int c = 0; c < Cases; c++)
        {
            double[] logits = Logits(rng);
            AssertClose(Math.Log(logits.Sum(Math.Exp)), Categorical.LogSumExp(logits), 1e-13, $"logsumexp {Show(logits)}");
        }
    }

    [Fact]
    public void Entropy_OfEqualLogits_IsLogN_AndOfOneAction_IsZero()
    {
        Assert.Equal(Math.Log(5), Categorical.Entropy([0.3, 0.3, 0.3, 0.3, 0.3]), 14);
        Assert.Equal(0.0, Categorical.Entropy([42.0]));
        Assert.Equal(0.0, Categorical.LogProbability([42.0], 0));
    }

    [Theory]
    [InlineData(1e3)]
    [InlineData(-1e3)]
    [InlineData(1e5)]
    [InlineData(-1e5)]
    public void ShiftingEveryLogit_ChangesNothing_EvenWhereExpWouldOverflow(double shift)
    {
        var rng = new Rng(5);
        for (int c = 0; c < Cases; c++)
        {
            double[] logits = Logits(rng);
            double[] shifted = logits.Select(l => l + shift).ToArray(); // exp(l + 1e3) is +inf, exp(l - 1e3) is 0
            // l + shift rounds each logit by up to |shift| 2^-53; the subtraction of the max is then exact.
            double tolerance = 8 * Math.Abs(shift) * Math.Pow(2, -52);
            AssertClose(Categorical.Entropy(logits), Categorical.Entropy(shifted), tolerance, $"H shifted by {shift}");
            for (int a = 0; a < logits.Length; a++)
                AssertClose(Categorical.LogProbability(logits, a), Categorical.LogProbability(shifted, a), tolerance, $"log pi({a}) shifted by {shift}");
        }
    }

    [Fact]
    public void HugeLogitDifferences_GiveExactFiniteLogProbabilities_AndZeroEntropy()
    {
        foreach (double scale in new[] { 1e3, 1e300 })
        {
            double[] logits = [scale, 0.0, -scale];
            Assert.Equal(0.0, Categorical.LogProbability(logits, 0));
            Assert.Equal(-scale, Categorical.LogProbability(logits, 1));
            Assert.Equal(-2 * scale, Categorical.LogProbability(logits, 2));
            Assert.Equal(0.0, Categorical.Entropy(logits));
            Assert.Equal(scale, Categorical.LogSumExp(logits));
        }
    }

    [Fact]
    public void EqualHugeLogits_GiveLogTwo_WhereTheNaiveFormulaGivesNaN()
    {
        double[] logits = [1000.0, 1000.0];
        Assert.True(double.IsNaN(Math.Exp(1000.0) / (Math.Exp(1000.0) + Math.Exp(1000.0)))); // the naive softmax
        Assert.Equal(-Math.Log(2), Categorical.LogProbability(logits, 1), 15);
        Assert.Equal(Math.Log(2), Categorical.Entropy(logits), 15);
    }

    [Fact]
    public void LogitDifferencesBeyondDoubleRange_GiveZeroEntropy_AndMinusInfinityForTheDroppedAction()
    {
        double[] logits = [1e308, -1e308]; // the difference, -2e308, overflows to -inf
        Assert.Equal(0.0, Categorical.LogProbability(logits, 0));
        Assert.Equal(double.NegativeInfinity, Categorical.LogProbability(logits, 1));
        Assert.Equal(0.0, Categorical.Entropy(logits)); // 0 log 0 taken as 0, not NaN
        var probabilities = new double[2];
        Categorical.Probabilities(logits, probabilities);
        Assert.Equal([1.0, 0.0], probabilities);
    }

    [Fact]
    public void Mode_IsTheMostProbableAction_AndTheFirstOnTies()
    {
        var rng = new Rng(6);
        for (int c = 0; c < Cases; c++)
        {
            double[] logits = Logits(rng);
            int mode = Categorical.Mode(logits);
            for (int a = 0; a < logits.Length; a++)
                Assert.True(Categorical.LogProbability(logits, mode) >= Categorical.LogProbability(logits, a), $"mode {mode} vs {a} for {Show(logits)}");
        }
        Assert.Equal(1, Categorical.Mode([0.0, 2.0, 2.0, -1.0]));
        Assert.Equal(2, Categorical.Mode([-3.0, -2.0, -1.0]));
    }

    [Fact]
    public void Batch_EqualsRowByRow_BitForBit()
    {
        var rng = new Rng(7);
        for (int c = 0; c < 50; c++)
        {
            int rows = 1 + rng.NextInt(9), n = 1 + rng.NextInt(5);
            double[] logits = Uniform(rng, rows * n, -6.0, 6.0);
            int[] actions = Enumerable.Range(0, rows).Select(_ => rng.NextInt(n)).ToArray();
            var logProbabilities = new double[rows];
            var entropies = new double[rows];
            Categorical.LogProbabilitiesAndEntropies(logits, actions, logProbabilities, entropies);
            for (int b = 0; b < rows; b++)
            {
                var row = logits.AsSpan(b * n, n);
                Assert.Equal(Categorical.LogProbability(row, actions[b]), logProbabilities[b]);
                Assert.Equal(Categorical.Entropy(row), entropies[b]);
            }
        }
    }
}
