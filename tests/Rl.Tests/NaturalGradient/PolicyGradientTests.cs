using Rl.NaturalGradient;
using Rl.Nn;

namespace Rl.Tests.NaturalGradient;

/// <summary>The policy gradient, the surrogate and the KL: finite differences and the identities between them.</summary>
public class PolicyGradientTests
{
    public static TheoryData<string> Heads() => new() { Fixtures.Discrete, Fixtures.Continuous };

    [Theory]
    [MemberData(nameof(Heads))]
    public void Gradient_IsTheSurrogatesGradientAtThetaOld_ByFiniteDifferences(string environment)
    {
        var agent = Fixtures.Agent(environment, 21);
        const int batch = 8;
        var (observations, actions, oldLogp, advantages) = Fixtures.Batch(agent, batch, 22);
        var g = PolicyGradient.Compute(agent, observations, actions, advantages);
        var theta = PolicyParameters.Get(agent);
        var logp = new double[batch];
        var entropies = new double[batch];
        var outputs = new double[batch * agent.Head.OutputSize];
        var numerical = GradientCheck.CentralDifferences(theta, () =>
        {
            PolicyParameters.Set(agent, theta);
            return Surrogate.Evaluate(agent, observations, actions, oldLogp, advantages, logp, entropies, outputs);
        });
        double error = GradientCheck.MaxRelativeError(g, numerical);
        Assert.True(error < 1e-6, $"worst relative error {error}");
    }

    [Theory]
    [MemberData(nameof(Heads))]
    public void Gradient_IsTheAdvantageWeightedMeanOfTheScores(string environment)
    {
        var agent = Fixtures.Agent(environment, 23);
        const int batch = 5;
        var (observations, actions, _, advantages) = Fixtures.Batch(agent, batch, 24);
        var g = PolicyGradient.Compute(agent, observations, actions, advantages);
        int obs = agent.Spec.ObservationSize, act = agent.Head.ActionSize;
        var expected = new double[g.Length];
        for (int i = 0; i < batch; i++)
        {
            var score = Score.Compute(agent, observations.AsSpan(i * obs, obs), actions.AsSpan(i * act, act));
            for (int p = 0; p < g.Length; p++) expected[p] += advantages[i] * score[p] / batch;
        }
        for (int p = 0; p < g.Length; p++) Assert.Equal(expected[p], g[p], 1e-13);
    }

    [Theory]
    [MemberData(nameof(Heads))]
    public void Score_EqualsFiniteDifferencesOfTheLogProbability(string environment)
    {
        var agent = Fixtures.Agent(environment, 25);
        var (observations, actions, _, _) = Fixtures.Batch(agent, 1, 26);
        var score = Score.Compute(agent, observations, actions);
        var theta = PolicyParameters.Get(agent);
        var logp = new double[1];
        var entropy = new double[1];
        var numerical = GradientCheck.CentralDifferences(theta, () =>
        {
            PolicyParameters.Set(agent, theta);
            agent.Head.Evaluate(agent.Actor.Forward(observations, 1), actions, logp, entropy);
            return logp[0];
        });
        Assert.True(GradientCheck.MaxRelativeError(score, numerical) < 1e-6);
    }

    [Theory]
    [MemberData(nameof(Heads))]
    public void Surrogate_AtThetaOld_IsTheMeanAdvantage_AndTheKlIsZeroThere(string environment)
    {
        var agent = Fixtures.Agent(environment, 27);
        const int batch = 6;
        var (observations, actions, oldLogp, advantages) = Fixtures.Batch(agent, batch, 28);
        var outputs = new double[batch * agent.Head.OutputSize];
        double value = Surrogate.Evaluate(agent, observations, actions, oldLogp, advantages, new double[batch], new double[batch], outputs);
        Assert.Equal(advantages.Average(), value, 1e-14);
        Assert.Equal(0.0, PolicyKl.Mean(agent.Head, outputs, agent.Head.Parameters, outputs, agent.Head.Parameters));
    }

    [Fact]
    public void Kl_MatchesTheClosedFormsOnHandCases()
    {
        var categorical = Fixtures.Agent(Fixtures.Discrete, 1).Head;
        // p = (1/2, 1/2), q = softmax(0, ln 3) = (1/4, 3/4): KL = 1/2 ln 2 + 1/2 ln(2/3)
        Assert.Equal(0.5 * Math.Log(2) + 0.5 * Math.Log(2.0 / 3.0), PolicyKl.Mean(categorical, [0.0, 0.0], [], [0.0, Math.Log(3)], []), 1e-15);
        var gaussian = Fixtures.Agent(Fixtures.Continuous, 1).Head;
        // N(0, 1) -> N(1, 2^2): ln 2 + (1 + 1) / 8 - 1/2
        Assert.Equal(Math.Log(2) + 0.25 - 0.5, PolicyKl.Mean(gaussian, [0.0], [0.0], [1.0], [Math.Log(2)]), 1e-15);
    }
}
