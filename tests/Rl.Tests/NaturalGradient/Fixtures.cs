using Rl.Environments;
using Rl.NaturalGradient;
using Rl.Ppo;
using Rl.Random;

namespace Rl.Tests.NaturalGradient;

/// <summary>Small random policies and batches for the Fisher and gradient tests.</summary>
internal static class Fixtures
{
    public const string Discrete = "CartPole-v1";     // 4 observations, 2 actions
    public const string Continuous = "Pendulum-v1";   // 3 observations, 1 action dimension

    /// <summary>An agent with small hidden layers and every policy parameter drawn N(0, 0.5^2), so the outputs are far from uniform.</summary>
    public static ActorCritic Agent(string environment, ulong seed, params int[] hidden)
    {
        var rng = new Rng(seed);
        var agent = new ActorCritic(Gym.Spec(environment), hidden.Length == 0 ? [5, 4] : hidden, rng);
        foreach (ref double p in agent.Actor.Parameters.AsSpan()) p = 0.5 * rng.NextGaussian();
        foreach (ref double p in agent.Head.Parameters.AsSpan()) p = 0.3 * rng.NextGaussian();
        return agent;
    }

    /// <summary>B observations N(0, 1), B actions drawn from the policy, B advantages N(0, 1).</summary>
    public static (double[] Observations, double[] Actions, double[] LogProbabilities, double[] Advantages) Batch(ActorCritic agent, int batch, ulong seed)
    {
        var rng = new Rng(seed);
        int obs = agent.Spec.ObservationSize, act = agent.Head.ActionSize, width = agent.Head.OutputSize;
        var observations = new double[batch * obs];
        foreach (ref double x in observations.AsSpan()) x = rng.NextGaussian();
        var actions = new double[batch * act];
        var logp = new double[batch];
        var outputs = new double[width];
        for (int i = 0; i < batch; i++)
        {
            agent.Actor.ForwardRow(observations.AsSpan(i * obs, obs), outputs);
            logp[i] = agent.Head.Sample(outputs, rng, actions.AsSpan(i * act, act));
        }
        var advantages = new double[batch];
        foreach (ref double a in advantages.AsSpan()) a = rng.NextGaussian();
        return (observations, actions, logp, advantages);
    }

    public static double[] RandomVector(int n, ulong seed)
    {
        var rng = new Rng(seed);
        var v = new double[n];
        foreach (ref double x in v.AsSpan()) x = rng.NextGaussian();
        return v;
    }

    /// <summary>The mean KL from the agent's current policy to the policy at theta + t v, on the observations.</summary>
    public static Func<double, double> KlAlong(ActorCritic agent, double[] observations, int batch, double[] v)
    {
        var theta = PolicyParameters.Get(agent);
        var oldOutputs = agent.Actor.Forward(observations, batch).ToArray();
        var oldHead = (double[])agent.Head.Parameters.Clone();
        return t =>
        {
            PolicyParameters.Set(agent, theta.Select((x, i) => x + t * v[i]).ToArray());
            var newOutputs = agent.Actor.Forward(observations, batch).ToArray();
            double kl = PolicyKl.Mean(agent.Head, oldOutputs, oldHead, newOutputs, agent.Head.Parameters);
            PolicyParameters.Set(agent, theta);
            return kl;
        };
    }
}
