using Rl.Advantages;
using Rl.NaturalGradient;
using Rl.Random;
using Rl.Tabular;

namespace Rl.Tests.Tabular;

/// <summary>
/// The exact moments of A^(k) and A^gae against an independent computation: every episode of a layered
/// MDP (each ends within four steps) enumerated with its probability, and the library's NStep and Gae
/// run on each.
/// </summary>
public class AdvantageMomentsTests
{
    private const double Gamma = 0.9;
    private const int Layers = 4, Width = 2, Actions = 2;

    /// <summary>Layers of two states; every action moves to the next layer or ends; the last layer ends.</summary>
    private static TabularProblem Layered(ulong seed)
    {
        var rng = new Rng(seed);
        int terminal = Layers * Width, states = terminal + 1;
        var transitions = new double[states, Actions, states];
        var rewards = new double[states, Actions, states];
        for (int s = 0; s < states; s++)
            for (int a = 0; a < Actions; a++)
            {
                int layer = s / Width;
                var targets = s == terminal ? [terminal]
                    : layer == Layers - 1 ? [terminal]
                    : new[] { (layer + 1) * Width, (layer + 1) * Width + 1, terminal };
                var weights = targets.Select(_ => 0.1 + rng.NextDouble()).ToArray();
                for (int i = 0; i < targets.Length; i++)
                {
                    transitions[s, a, targets[i]] += weights[i] / weights.Sum();
                    rewards[s, a, targets[i]] = s == terminal ? 0 : rng.NextGaussian();
                }
            }
        var start = new double[states];
        start[0] = 1;
        var policy = new double[states, Actions];
        for (int s = 0; s < states; s++)
        {
            double p = 0.1 + 0.8 * rng.NextDouble();
            policy[s, 0] = p;
            policy[s, 1] = 1 - p;
        }
        return new TabularProblem(new TabularMdp(transitions, rewards, [terminal], start), new TabularPolicy(policy));
    }

    /// <summary>Every episode from (s, a), then pi: (probability, rewards, states s_0 .. s_H).</summary>
    private static IEnumerable<(double P, List<double> R, List<int> S)> Episodes(TabularProblem problem, int s, int? first)
    {
        var mdp = problem.Mdp;
        for (int a = 0; a < mdp.ActionCount; a++)
        {
            double pa = first is int f ? (a == f ? 1 : 0) : problem.Policy.Probability(s, a);
            if (pa == 0) continue;
            for (int next = 0; next < mdp.StateCount; next++)
            {
                double p = pa * mdp.Transition(s, a, next);
                if (p == 0) continue;
                double r = mdp.Reward(s, a, next);
                if (mdp.IsTerminal(next))
                {
                    yield return (p, [r], [s, next]);
                    continue;
                }
                foreach (var (q, rest, path) in Episodes(problem, next, null))
                    yield return (p * q, [r, .. rest], [s, .. path]);
            }
        }
    }

    private static (double Mean, double Variance) Enumerated(TabularProblem problem, double[] values, int s, int a,
        Func<double[], double[], double> estimate)
    {
        double mean = 0, second = 0;
        foreach (var (p, rewards, path) in Episodes(problem, s, a))
        {
            double[] v = path.Select(x => problem.Mdp.IsTerminal(x) ? 0 : values[x]).ToArray();
            double x = estimate([.. rewards], v);
            mean += p * x;
            second += p * x * x;
        }
        return (mean, second - mean * mean);
    }

    public static TheoryData<ulong> Seeds() => new() { 1, 2, 3 };

    private static double[] Values(TabularProblem problem, ulong seed)
    {
        var rng = new Rng(seed + 100);
        return Enumerable.Range(0, problem.Mdp.StateCount).Select(_ => 2 * rng.NextGaussian()).ToArray();
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void NStep_EqualsEnumeration(ulong seed)
    {
        var problem = Layered(seed);
        var values = Values(problem, seed);
        foreach (int k in new[] { 1, 2, 3, 6 })
        {
            var moments = AdvantageMoments.NStep(problem.Mdp, problem.Policy, Gamma, values, k);
            for (int s = 0; s < Layers * Width; s++)
                for (int a = 0; a < Actions; a++)
                {
                    var (mean, variance) = Enumerated(problem, values, s, a, (r, v) => NStep.Compute(r, v, Gamma, k)[0]);
                    Assert.Equal(mean, moments.Mean[s, a], 1e-12);
                    Assert.Equal(variance, moments.Variance[s, a], 1e-12);
                }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Gae_EqualsEnumeration(ulong seed)
    {
        var problem = Layered(seed);
        var values = Values(problem, seed);
        foreach (double lambda in new[] { 0.0, 0.3, 0.8, 1.0 })
        {
            var moments = AdvantageMoments.Gae(problem.Mdp, problem.Policy, Gamma, values, lambda);
            for (int s = 0; s < Layers * Width; s++)
                for (int a = 0; a < Actions; a++)
                {
                    var (mean, variance) = Enumerated(problem, values, s, a, (r, v) => Gae.Compute(r, v, Gamma, lambda)[0]);
                    Assert.Equal(mean, moments.Mean[s, a], 1e-12);
                    Assert.Equal(variance, moments.Variance[s, a], 1e-12);
                }
        }
    }

    [Theory]
    [InlineData(11UL)]
    [InlineData(12UL)]
    [InlineData(13UL)]
    [InlineData(14UL)]
    public void OnRandomMdps_TheEndsAreA1AndTheReturnMinusVhat(ulong seed)
    {
        // lambda = 0 is A^(1); lambda = 1 has mean Q^pi(s, a) - Vhat(s); the mean of GAE is the
        // (1 - lambda) lambda^(k-1) average of the n-step means.
        var problem = RandomMdps.Create(seed);
        var (mdp, policy) = (problem.Mdp, problem.Policy);
        var values = Values(problem, seed);
        var exact = PolicyEvaluation.Exact(mdp, policy, Gamma);
        var one = AdvantageMoments.NStep(mdp, policy, Gamma, values, 1);
        var lambda0 = AdvantageMoments.Gae(mdp, policy, Gamma, values, 0.0);
        var lambda1 = AdvantageMoments.Gae(mdp, policy, Gamma, values, 1.0);
        var half = AdvantageMoments.Gae(mdp, policy, Gamma, values, 0.5);
        var nStep = Enumerable.Range(1, 80).Select(k => AdvantageMoments.NStep(mdp, policy, Gamma, values, k)).ToArray();
        for (int s = 0; s < mdp.StateCount; s++)
        {
            if (mdp.IsTerminal(s)) continue;
            for (int a = 0; a < mdp.ActionCount; a++)
            {
                Assert.Equal(one.Mean[s, a], lambda0.Mean[s, a], 1e-12);
                Assert.Equal(one.Variance[s, a], lambda0.Variance[s, a], 1e-12);
                Assert.Equal(exact.Q[s, a] - values[s], lambda1.Mean[s, a], 1e-10);
                double average = nStep.Select((m, i) => 0.5 * Math.Pow(0.5, i) * m.Mean[s, a]).Sum();
                Assert.Equal(average, half.Mean[s, a], 1e-10);
            }
        }
    }

    [Fact]
    public void RejectsBadArguments()
    {
        var problem = RandomWalk.Create();
        var values = new double[problem.Mdp.StateCount];
        var k = Assert.Throws<ArgumentOutOfRangeException>(() => AdvantageMoments.NStep(problem.Mdp, problem.Policy, 0.9, values, 0));
        Assert.Equal("k", k.ParamName);
        var lambda = Assert.Throws<ArgumentOutOfRangeException>(() => AdvantageMoments.Gae(problem.Mdp, problem.Policy, 0.9, values, 1.5));
        Assert.Equal("lambda", lambda.ParamName);
        var v = Assert.Throws<ArgumentException>(() => AdvantageMoments.Gae(problem.Mdp, problem.Policy, 0.9, [1.0], 0.5));
        Assert.Equal("values", v.ParamName);
        var gamma = Assert.Throws<ArgumentOutOfRangeException>(() => AdvantageMoments.Gae(problem.Mdp, problem.Policy, 1.0, values, 0.5));
        Assert.Equal("gamma", gamma.ParamName);
    }

    [Theory]
    [InlineData("random walk")]
    [InlineData("gridworld")]
    public void ExpectedPolicyGradient_OfUnbiasedAdvantagesIsTheExactGradient(string name)
    {
        // Abar = A^pi, Abar = A^pi + b(s), and GAE with lambda = 1 (mean Q^pi - Vhat(s)) all give grad J.
        var mdp = name == "random walk" ? RandomWalk.Create().Mdp : Gridworld.Create().Mdp;
        var rng = new Rng(5);
        var theta = new double[mdp.StateCount, mdp.ActionCount];
        for (int s = 0; s < mdp.StateCount; s++)
            for (int a = 0; a < mdp.ActionCount; a++) theta[s, a] = rng.NextGaussian();
        var policy = TabularSoftmax.Policy(theta);
        var advantage = PolicyEvaluation.Exact(mdp, policy, Gamma).A;
        var shifted = (double[,])advantage.Clone();
        for (int s = 0; s < mdp.StateCount; s++)
        {
            double b = rng.NextGaussian();
            for (int a = 0; a < mdp.ActionCount; a++) shifted[s, a] += b;
        }
        var values = Enumerable.Range(0, mdp.StateCount).Select(_ => rng.NextGaussian()).ToArray();
        var monteCarlo = AdvantageMoments.Gae(mdp, policy, Gamma, values, 1.0).Mean;
        var exact = ExactPolicyGradient.Gradient(mdp, theta, Gamma);
        foreach (var mean in new[] { advantage, shifted, monteCarlo })
        {
            var expected = ExpectedPolicyGradient.Compute(mdp, theta, Gamma, mean);
            for (int s = 0; s < mdp.StateCount; s++)
                for (int a = 0; a < mdp.ActionCount; a++) Assert.Equal(exact[s, a], expected[s, a], 1e-10);
        }
    }

    [Fact]
    public void ExpectedPolicyGradient_OfAnActionDependentErrorIsBiased()
    {
        // One step of Abar off by e in one (s, b): the gradient moves by eta(s) pi(b|s) e (1 - pi(b|s)) there.
        var mdp = RandomWalk.Create().Mdp;
        var theta = new double[mdp.StateCount, mdp.ActionCount];
        var policy = TabularSoftmax.Policy(theta);
        var advantage = PolicyEvaluation.Exact(mdp, policy, Gamma).A;
        var wrong = (double[,])advantage.Clone();
        wrong[2, 1] += 0.5;
        var exact = ExactPolicyGradient.Gradient(mdp, theta, Gamma);
        var biased = ExpectedPolicyGradient.Compute(mdp, theta, Gamma, wrong);
        double eta = DiscountedStateDistribution.Compute(mdp, policy, Gamma)[2] / (1 - Gamma);
        Assert.True(eta > 0);
        Assert.Equal(eta * 0.5 * 0.5 * 0.5, biased[2, 1] - exact[2, 1], 1e-12);
        Assert.Equal(-eta * 0.5 * 0.5 * 0.5, biased[2, 0] - exact[2, 0], 1e-12);
    }
}
