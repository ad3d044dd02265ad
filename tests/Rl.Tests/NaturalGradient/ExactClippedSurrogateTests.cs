using Rl.NaturalGradient;
using Rl.Nn;
using Rl.Tabular;

namespace Rl.Tests.NaturalGradient;

/// <summary>PPO's clipped surrogate and the KL, exact on a tabular softmax policy.</summary>
public class ExactClippedSurrogateTests
{
    private const double Gamma = 0.9;
    private static readonly TabularMdp Mdp = Gridworld.Create().Mdp;

    private static double[,] Theta(ulong seed, double scale = 1.0)
    {
        var theta = new double[Mdp.StateCount, Mdp.ActionCount];
        var v = Fixtures.RandomVector(theta.Length, seed);
        for (int i = 0; i < v.Length; i++) theta[i / Mdp.ActionCount, i % Mdp.ActionCount] = scale * v[i];
        return theta;
    }

    private static double[] Flat(double[,] x)
    {
        var flat = new double[x.Length];
        Buffer.BlockCopy(x, 0, flat, 0, flat.Length * sizeof(double));
        return flat;
    }

    private static double[,] Table(double[] flat)
    {
        var x = new double[Mdp.StateCount, Mdp.ActionCount];
        Buffer.BlockCopy(flat, 0, x, 0, flat.Length * sizeof(double));
        return x;
    }

    [Fact]
    public void AtThetaOld_TheObjectiveIsZero_AndTheGradientIsTheExactPolicyGradient()
    {
        var theta = Theta(3);
        var surrogate = new ExactClippedSurrogate(Mdp, theta, Gamma, clip: 0.2);
        Assert.Equal(0.0, surrogate.Objective(theta), 12);   // sum_a pi A = 0 in every state
        var expected = Flat(ExactPolicyGradient.Gradient(Mdp, theta, Gamma));
        var actual = Flat(surrogate.Gradient(theta));
        Assert.True(expected.Max(Math.Abs) > 1e-3, "a gradient of 0 would make this test vacuous");
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 12);
    }

    [Fact]
    public void Gradient_EqualsFiniteDifferences_AwayFromThetaOld_WithSomePairsClipped()
    {
        var old = Theta(5);
        var surrogate = new ExactClippedSurrogate(Mdp, old, Gamma, clip: 0.2);
        var oldPolicy = TabularSoftmax.Policy(old);
        var flat = Flat(old).Zip(Fixtures.RandomVector(old.Length, 6), (x, e) => x + 0.3 * e).ToArray();
        var theta = Table(flat);
        var policy = TabularSoftmax.Policy(theta);
        var advantage = PolicyEvaluation.Exact(Mdp, oldPolicy, Gamma).A;
        int clipped = 0, nearKink = 0;
        for (int s = 0; s < Mdp.StateCount; s++)
        {
            if (Mdp.IsTerminal(s)) continue;
            for (int a = 0; a < Mdp.ActionCount; a++)
            {
                double r = policy.Probability(s, a) / oldPolicy.Probability(s, a);
                if ((advantage[s, a] > 0 && r > 1.2) || (advantage[s, a] < 0 && r < 0.8)) clipped++;
                if (Math.Abs(r - 1.2) < 1e-5 || Math.Abs(r - 0.8) < 1e-5) nearKink++;
            }
        }
        Assert.True(clipped > 0, "no pair is clipped: the test would not see the clip");
        Assert.Equal(0, nearKink);
        var numerical = GradientCheck.CentralDifferences(flat, () => surrogate.Objective(Table(flat)), step: 1e-6);
        var analytic = Flat(surrogate.Gradient(theta));
        double error = GradientCheck.MaxRelativeError(analytic, numerical, floor: 1e-8);
        Assert.True(error < 1e-5, $"max relative error {error}");
    }

    [Fact]
    public void OnePassWithAHugeClip_IsOneVanillaGradientStep()
    {
        var theta = Theta(7);
        var expected = Flat(theta).Zip(Flat(ExactPolicyGradient.Gradient(Mdp, theta, Gamma)), (x, g) => x + 0.5 * g).ToArray();
        ExactClippedSurrogate.Update(Mdp, theta, Gamma, clip: 1e9, learningRate: 0.5, epochs: 1);
        var actual = Flat(theta);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 14);
    }

    [Fact]
    public void ManyEpochs_TheClipHoldsTheKlBelowTheUnclippedSurrogates()
    {
        // The same 200 steps on L^CLIP and on the unclipped L^CPI (clip = 1e9): the clip stops the pairs that moved past
        // 1 +- eps in their advantage's direction, so the policy moves less, and L^CLIP still improved.
        var old = Theta(9);
        var clipped = (double[,])old.Clone();
        var unclipped = (double[,])old.Clone();
        ExactClippedSurrogate.Update(Mdp, clipped, Gamma, clip: 0.2, learningRate: 2.0, epochs: 200);
        ExactClippedSurrogate.Update(Mdp, unclipped, Gamma, clip: 1e9, learningRate: 2.0, epochs: 200);
        double klClipped = TabularKl.Mean(Mdp, old, clipped, Gamma), klUnclipped = TabularKl.Mean(Mdp, old, unclipped, Gamma);
        Assert.True(klClipped < 0.5 * klUnclipped, $"KL {klClipped} with the clip, {klUnclipped} without");
        Assert.True(new ExactClippedSurrogate(Mdp, old, Gamma, 0.2).Objective(clipped) > 0);
    }

    [Fact]
    public void Kl_IsZeroAtTheSamePolicy_AndItsHessianIsTheTabularFisher()
    {
        var theta = Theta(11);
        Assert.Equal(0.0, TabularKl.Mean(Mdp, theta, theta, Gamma), 15);
        var v = Fixtures.RandomVector(theta.Length, 12);
        var fisher = TabularFisher.Compute(Mdp, theta, Gamma);
        var vector = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(v);
        double quadratic = vector * (fisher * vector);
        double Kl(double t) => TabularKl.Mean(Mdp, theta, Table(Flat(theta).Zip(v, (x, e) => x + t * e).ToArray()), Gamma);
        const double h = 1e-3;
        double second = (-Kl(2 * h) + 16 * Kl(h) - 30 * Kl(0) + 16 * Kl(-h) - Kl(-2 * h)) / (12 * h * h);
        Assert.True(Math.Abs(second - quadratic) <= 1e-6 * quadratic, $"KL curvature {second} vs v^T F v {quadratic}");
        Assert.True(Kl(0.7) > 0 && Kl(-0.7) > 0);
    }

    [Fact]
    public void BadInput_IsRejectedByName()
    {
        var theta = Theta(1);
        Assert.Equal("clip", Assert.Throws<ArgumentOutOfRangeException>(() => new ExactClippedSurrogate(Mdp, theta, Gamma, -0.1)).ParamName);
        Assert.Equal("oldTheta", Assert.Throws<ArgumentException>(() => new ExactClippedSurrogate(Mdp, new double[2, 2], Gamma, 0.2)).ParamName);
        var surrogate = new ExactClippedSurrogate(Mdp, theta, Gamma, 0.2);
        Assert.Equal("theta", Assert.Throws<ArgumentException>(() => surrogate.Gradient(new double[3, 4])).ParamName);
        Assert.Equal("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => ExactClippedSurrogate.Update(Mdp, theta, Gamma, 0.2, 0, 1)).ParamName);
        Assert.Equal("epochs", Assert.Throws<ArgumentOutOfRangeException>(() => ExactClippedSurrogate.Update(Mdp, theta, Gamma, 0.2, 0.1, 0)).ParamName);
        Assert.Equal("newTheta", Assert.Throws<ArgumentException>(() => TabularKl.Mean(Mdp, theta, new double[1, 4], Gamma)).ParamName);
    }
}
