using Rl.Ppo;

namespace Rl.NaturalGradient;

/// <summary>
/// theta, the policy's parameters as one flat vector: the actor network's parameters, then the
/// action head's own (the diagonal Gaussian's log sigma; none for a categorical head),
/// <code>
///   theta = [ theta_actor (Mlp.Parameters) | theta_head (ActionHead.Parameters) ]
/// </code>
/// The natural gradient, the Fisher matrix and conjugate gradient all live in this space.
/// </summary>
public static class PolicyParameters
{
    /// <summary>P = |theta_actor| + |theta_head|.</summary>
    public static int Count(ActorCritic agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return agent.Actor.ParameterCount + agent.Head.Parameters.Length;
    }

    /// <summary>A copy of theta.</summary>
    public static double[] Get(ActorCritic agent)
    {
        var theta = new double[Count(agent)];
        agent.Actor.Parameters.CopyTo(theta, 0);
        agent.Head.Parameters.CopyTo(theta, agent.Actor.ParameterCount);
        return theta;
    }

    /// <summary>Sets theta from <paramref name="theta"/> [P].</summary>
    public static void Set(ActorCritic agent, ReadOnlySpan<double> theta)
    {
        Guard.Length(theta.Length, Count(agent), nameof(theta), "actor parameters then head parameters");
        int actor = agent.Actor.ParameterCount;
        theta[..actor].CopyTo(agent.Actor.Parameters);
        theta[actor..].CopyTo(agent.Head.Parameters);
    }

    /// <summary>The gradients the last backward pass left, [dL/dtheta_actor | dL/dtheta_head], into <paramref name="gradient"/> [P].</summary>
    internal static void GetGradients(ActorCritic agent, Span<double> gradient)
    {
        int actor = agent.Actor.ParameterCount;
        agent.Actor.Gradients.CopyTo(gradient[..actor]);
        agent.Head.Gradients.CopyTo(gradient[actor..]);
    }
}
