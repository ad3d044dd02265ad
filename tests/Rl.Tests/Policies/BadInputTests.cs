using Rl.Policies;
using Rl.Random;

namespace Rl.Tests.Policies;

/// <summary>Bad input raises an ArgumentException whose ParamName is the offending parameter and whose message states the rule.</summary>
public class BadInputTests
{
    /// <summary>A call with one bad argument, the parameter it must name, and a phrase of the rule.</summary>
    public sealed record Case(string Name, Action Call, string Parameter, string Rule)
    {
        public override string ToString() => Name;
    }

    private static readonly double[] Logits = [0.1, 0.2, 0.3];
    private static readonly double[] Mean = [0.0, 1.0];
    private static readonly double[] LogStd = [0.0, -1.0];
    private static readonly double[] GaussianAction = [0.5, 0.5];

    public static TheoryData<Case> Cases => new()
    {
        // Categorical, one row
        new Case("NaN logit", () => Categorical.LogProbability([0.1, double.NaN], 0), "logits", "logits[1] is NaN"),
        new Case("infinite logit", () => Categorical.Entropy([double.PositiveInfinity, 0.0]), "logits", "must be finite"),
        new Case("no logits", () => Categorical.Entropy([]), "logits", "must not be empty"),
        new Case("action above range", () => Categorical.LogProbability(Logits, 3), "action", "[0, 3)"),
        new Case("negative action", () => Categorical.AddLogProbabilityGradient(Logits, -1, 1.0, new double[3]), "action", "[0, 3)"),
        new Case("short gradient", () => Categorical.AddEntropyGradient(Logits, 1.0, new double[2]), "gradient", "must have length 3"),
        new Case("NaN scale", () => Categorical.AddLogProbabilityGradient(Logits, 0, double.NaN, new double[3]), "scale", "must be finite"),
        new Case("short probabilities", () => Categorical.Probabilities(Logits, new double[4]), "probabilities", "must have length 3"),
        new Case("NaN logit when sampling", () => Categorical.Sample([double.NaN], new Rng(1)), "logits", "must be finite"),
        new Case("no generator", () => Categorical.Sample(Logits, null!), "rng", ""),
        new Case("NaN logit for the mode", () => Categorical.Mode([0.0, double.NaN]), "logits", "must be finite"),
        // Categorical, batch
        new Case("batch: logits not B x n", () => Categorical.LogProbabilitiesAndEntropies(new double[5], [0, 0], new double[2], new double[2]), "logits", "not B x n"),
        new Case("batch: no rows", () => Categorical.LogProbabilitiesAndEntropies(Logits, [], [], []), "actions", "must not be empty"),
        new Case("batch: action out of range", () => Categorical.LogProbabilitiesAndEntropies(new double[6], [0, 3], new double[2], new double[2]), "actions", "actions[1]"),
        new Case("batch: short entropies", () => Categorical.LogProbabilitiesAndEntropies(new double[6], [0, 1], new double[2], new double[1]), "entropies", "must have length 2"),
        new Case("batch: NaN scale", () => Categorical.AddGradients(new double[6], [0, 1], [1.0, double.NaN], 0.0, new double[6]), "logProbabilityScales", "logProbabilityScales[1]"),
        new Case("batch: short gradient", () => Categorical.AddGradients(new double[6], [0, 1], [1.0, 1.0], 0.0, new double[3]), "gradient", "must have length 6"),
        // Diagonal Gaussian, one row
        new Case("NaN mean", () => DiagonalGaussian.LogProbability([double.NaN, 0.0], LogStd, GaussianAction), "mean", "mean[0] is NaN"),
        new Case("NaN log-std", () => DiagonalGaussian.Entropy([0.0, double.NaN]), "logStd", "logStd[1] is NaN"),
        new Case("infinite action", () => DiagonalGaussian.LogProbability(Mean, LogStd, [0.0, double.NegativeInfinity]), "action", "must be finite"),
        new Case("mean longer than log-std", () => DiagonalGaussian.LogProbability([0.0, 1.0, 2.0], LogStd, GaussianAction), "mean", "must have length 2"),
        new Case("short action", () => DiagonalGaussian.LogProbability(Mean, LogStd, [0.5]), "action", "must have length 2"),
        new Case("no dimensions", () => DiagonalGaussian.Entropy([]), "logStd", "must not be empty"),
        new Case("short mean gradient", () => DiagonalGaussian.AddLogProbabilityGradient(Mean, LogStd, GaussianAction, 1.0, new double[1], new double[2]), "meanGradient", "must have length 2"),
        new Case("short log-std gradient", () => DiagonalGaussian.AddEntropyGradient(LogStd, 1.0, new double[1]), "logStdGradient", "must have length 2"),
        new Case("infinite scale", () => DiagonalGaussian.AddEntropyGradient(LogStd, double.PositiveInfinity, new double[2]), "scale", "must be finite"),
        new Case("short sample destination", () => DiagonalGaussian.Sample(Mean, LogStd, new Rng(1), new double[1]), "action", "must have length 2"),
        new Case("NaN mean for the mode", () => DiagonalGaussian.Mode([double.NaN], new double[1]), "mean", "must be finite"),
        // Diagonal Gaussian, batch
        new Case("batch: means not B x d", () => DiagonalGaussian.LogProbabilities(new double[3], LogStd, new double[3], new double[1]), "means", "not B x d"),
        new Case("batch: short actions", () => DiagonalGaussian.LogProbabilities(new double[4], LogStd, new double[2], new double[2]), "actions", "must have length 4"),
        new Case("batch: NaN action", () => DiagonalGaussian.LogProbabilities(new double[4], LogStd, [0, 0, double.NaN, 0], new double[2]), "actions", "actions[2]"),
        new Case("batch: one log-prob per row", () => DiagonalGaussian.LogProbabilities(new double[4], LogStd, new double[4], new double[4]), "logProbabilities", "must have length 2"),
        new Case("batch: log-std gradient of B x d", () => DiagonalGaussian.AddGradients(new double[4], LogStd, new double[4], [1.0, 1.0], 0.0, new double[4], new double[4]), "logStdGradient", "must have length 2"),
        new Case("batch: NaN entropy scale", () => DiagonalGaussian.AddGradients(new double[4], LogStd, new double[4], [1.0, 1.0], double.NaN, new double[4], new double[2]), "entropyScale", "must be finite"),
    };

    [Theory, MemberData(nameof(Cases))]
    public void BadInput_IsRejected_NamingTheParameterAndTheRule(Case bad)
    {
        var e = Assert.ThrowsAny<ArgumentException>(bad.Call);
        Assert.Equal(bad.Parameter, e.ParamName);
        Assert.Contains(bad.Rule, e.Message);
    }

    [Fact]
    public void ARejectedGradientCall_LeavesTheGradientUntouched()
    {
        double[] gradient = [1.0, 2.0, 3.0];
        Assert.ThrowsAny<ArgumentException>(() => Categorical.AddGradients([0, 0, 0, 0, 0, double.NaN], [0, 1], [1.0, 1.0], 1.0, gradient.Concat(gradient).ToArray()));
        Assert.ThrowsAny<ArgumentException>(() => Categorical.AddLogProbabilityGradient(Logits, 7, 1.0, gradient));
        Assert.Equal([1.0, 2.0, 3.0], gradient);
    }
}
