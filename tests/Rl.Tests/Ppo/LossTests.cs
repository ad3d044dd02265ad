using CsCheck;
using Rl.Ppo;

namespace Rl.Tests.Ppo;

/// <summary>The clipped surrogate, the value loss and advantage normalisation: values and gradients.</summary>
public class LossTests
{
    private const double Clip = 0.2;

    [Fact]
    public void FirstMinibatch_RatioIsExactlyOne_AndTheGradientIsThePlainPolicyGradient()
    {
        double[] logp = [-0.3, -1.2, -2.5, -0.01];
        double[] advantages = [1.5, -0.5, 2.0, -3.0];
        var gradient = new double[4];
        var result = ClippedSurrogate.Compute(logp, logp, advantages, Clip, gradient);
        // rho = exp(0) = 1 exactly: l = -mean(A), d l / d logp_i = -A_i / B
        Assert.Equal(-advantages.Average(), result.Loss, 1e-15);
        Assert.Equal(advantages.Select(a => -a / 4).ToArray(), gradient);
        Assert.Equal(0.0, result.ClipFraction);
        Assert.Equal(0.0, result.ApproxKl);
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(-2.0)]
    public void GradientIsZero_ExactlyWhereClippingIsActive(double advantage)
    {
        for (double ratio = 0.5; ratio <= 1.5; ratio += 0.01)
        {
            double logp = Math.Log(ratio);
            var gradient = new double[1];
            var result = ClippedSurrogate.Compute([logp], [0.0], [advantage], Clip, gradient);
            bool active = advantage > 0 ? ratio > 1 + Clip : ratio < 1 - Clip;
            if (active)
            {
                Assert.Equal(0.0, gradient[0]);
                Assert.Equal(-advantage * Math.Clamp(ratio, 1 - Clip, 1 + Clip), result.Loss, 1e-12);
            }
            else
            {
                Assert.Equal(-advantage * ratio, gradient[0], 1e-12);
                Assert.Equal(-advantage * ratio, result.Loss, 1e-12);
            }
            if (Math.Abs(ratio - (1 - Clip)) > 1e-4 && Math.Abs(ratio - (1 + Clip)) > 1e-4)
                Assert.Equal(FiniteDifference(x => ClippedSurrogate.Compute([x], [0.0], [advantage], Clip, new double[1]).Loss, logp), gradient[0], 1e-8);
        }
    }

    [Fact]
    public void SurrogateGradient_MatchesFiniteDifferences_OnRandomMinibatches() =>
        (from n in Gen.Int[1, 32]
         from logp in Gen.Double[-3.0, 0.0].Array[n]
         from shift in Gen.Double[-0.4, 0.4].Array[n]
         from advantages in Gen.Double[-3.0, 3.0].Array[n]
         select (logp, old: logp.Zip(shift, (l, s) => l - s).ToArray(), advantages))
        .Sample(x =>
        {
            var gradient = new double[x.logp.Length];
            ClippedSurrogate.Compute(x.logp, x.old, x.advantages, Clip, gradient);
            for (int i = 0; i < gradient.Length; i++)
            {
                double ratio = Math.Exp(x.logp[i] - x.old[i]);
                if (Math.Abs(Math.Abs(ratio - 1) - Clip) < 1e-4) continue; // at a kink the derivative jumps
                var logp = (double[])x.logp.Clone();
                double numeric = FiniteDifference(v =>
                {
                    logp[i] = v;
                    return ClippedSurrogate.Compute(logp, x.old, x.advantages, Clip, new double[logp.Length]).Loss;
                }, x.logp[i]);
                Assert.Equal(numeric, gradient[i], 1e-7);
            }
        }, iter: 300);

    [Fact]
    public void ClipFraction_AndApproxKl_AreTheirDefinitions()
    {
        double[] ratios = [0.7, 1.0, 1.1, 1.3];
        double[] logp = ratios.Select(r => Math.Log(r)).ToArray();
        var result = ClippedSurrogate.Compute(logp, new double[4], [1, 1, 1, 1], Clip, new double[4]);
        Assert.Equal(0.5, result.ClipFraction); // 0.7 and 1.3 leave [0.8, 1.2]
        double k3 = ratios.Average(r => r - 1 - Math.Log(r));
        Assert.Equal(k3, result.ApproxKl, 1e-15);
        Assert.True(result.ApproxKl > 0);
    }

    [Fact]
    public void UnclippedValueLoss_IsHalfTheMeanSquaredError_WithGradientVMinusYOverB()
    {
        var gradient = new double[2];
        double loss = ValueLoss.Compute([1.0, 2.0], [], [0.0, 0.0], clip: null, gradient);
        Assert.Equal(0.5 * (1.0 + 4.0) / 2, loss); // 1.25: the 1/2 is there exactly once
        Assert.Equal([0.5, 1.0], gradient);
    }

    [Theory]
    // V_old, V, y: which term is the max and what the gradient is (B = 1, eps = 0.2).
    [InlineData(0.0, 1.0, 2.0, 0.5 * 1.8 * 1.8, 0.0)]      // moved too far towards y: clipped term larger, flat
    [InlineData(0.0, 0.1, 2.0, 0.5 * 1.9 * 1.9, -1.9)]     // inside the clip range: both terms equal
    [InlineData(0.0, 1.0, -1.0, 0.5 * 2.0 * 2.0, 2.0)]     // moved away from y: unclipped term larger
    [InlineData(0.0, -1.0, 2.0, 0.5 * 3.0 * 3.0, -3.0)]    // moved away the other way: unclipped larger
    public void ClippedValueLoss_TakesTheLargerTerm(double oldValue, double value, double target, double expectedLoss, double expectedGradient)
    {
        var gradient = new double[1];
        double loss = ValueLoss.Compute([value], [oldValue], [target], Clip, gradient);
        Assert.Equal(expectedLoss, loss, 1e-12);
        Assert.Equal(expectedGradient, gradient[0], 1e-12);
        Assert.Equal(FiniteDifference(v => ValueLoss.Compute([v], [oldValue], [target], Clip, new double[1]), value), gradient[0], 1e-7);
    }

    [Fact]
    public void ValueLossGradient_MatchesFiniteDifferences_OnRandomMinibatches() =>
        (from n in Gen.Int[1, 32]
         from v in Gen.Double[-3.0, 3.0].Array[n]
         from old in Gen.Double[-3.0, 3.0].Array[n]
         from y in Gen.Double[-3.0, 3.0].Array[n]
         from clipped in Gen.Bool
         select (v, old, y, clipped))
        .Sample(x =>
        {
            double? clip = x.clipped ? Clip : null;
            var gradient = new double[x.v.Length];
            ValueLoss.Compute(x.v, x.old, x.y, clip, gradient);
            for (int i = 0; i < gradient.Length; i++)
            {
                if (clip is not null && NearAKink(x.v[i], x.old[i], x.y[i])) continue;
                var v = (double[])x.v.Clone();
                double numeric = FiniteDifference(value => { v[i] = value; return ValueLoss.Compute(v, x.old, x.y, clip, new double[v.Length]); }, x.v[i]);
                Assert.Equal(numeric, gradient[i], 1e-7);
            }
        }, iter: 300);

    [Fact]
    public void NormalizedAdvantages_HaveMeanZeroAndSampleStdOne()
    {
        double[] a = [3.0, -1.0, 4.0, 1.0, -5.0, 9.0];
        AdvantageNormalization.Normalize(a);
        Assert.Equal(0.0, a.Average(), 1e-15);
        double std = Math.Sqrt(a.Sum(x => x * x) / (a.Length - 1));
        Assert.Equal(1.0, std, 1e-7); // the 1e-8 in the denominator
    }

    [Fact]
    public void NormalizingAConstantMinibatch_GivesZeros_AndASingleSampleIsLeftAlone()
    {
        double[] constant = [2.0, 2.0, 2.0];
        AdvantageNormalization.Normalize(constant);
        Assert.Equal([0.0, 0.0, 0.0], constant);
        double[] single = [7.0];
        AdvantageNormalization.Normalize(single);
        Assert.Equal([7.0], single);
    }

    [Fact]
    public void BadInput_NamesTheParameter()
    {
        Assert.Equal("clip", Assert.ThrowsAny<ArgumentException>(() => ClippedSurrogate.Compute([0.0], [0.0], [1.0], -0.1, new double[1])).ParamName);
        Assert.Equal("advantages", Assert.ThrowsAny<ArgumentException>(() => ClippedSurrogate.Compute([0.0], [0.0], [1.0, 2.0], Clip, new double[1])).ParamName);
        Assert.Equal("logProbabilities", Assert.ThrowsAny<ArgumentException>(() => ClippedSurrogate.Compute([double.NaN], [0.0], [1.0], Clip, new double[1])).ParamName);
        Assert.Equal("oldValues", Assert.ThrowsAny<ArgumentException>(() => ValueLoss.Compute([1.0], [], [0.0], Clip, new double[1])).ParamName);
        Assert.Equal("targets", Assert.ThrowsAny<ArgumentException>(() => ValueLoss.Compute([1.0], [], [0.0, 1.0], null, new double[1])).ParamName);
        Assert.Equal("values", Assert.ThrowsAny<ArgumentException>(() => ValueLoss.Compute([double.PositiveInfinity], [], [0.0], null, new double[1])).ParamName);
    }

    /// <summary>
    /// Where the clipped value loss is not differentiable: the clamp's corners |V - V_old| = eps, and
    /// where max((V - y)^2, (V_clipped - y)^2) switches from one term to the other.
    /// </summary>
    private static bool NearAKink(double value, double oldValue, double target)
    {
        double step = value - oldValue;
        double clipped = oldValue + Math.Clamp(step, -Clip, Clip) - target;
        double unclipped = value - target;
        return Math.Abs(Math.Abs(step) - Clip) < 1e-4 || Math.Abs(clipped * clipped - unclipped * unclipped) < 1e-4;
    }

    private static double FiniteDifference(Func<double, double> f, double x, double h = 1e-6) => (f(x + h) - f(x - h)) / (2 * h);
}
