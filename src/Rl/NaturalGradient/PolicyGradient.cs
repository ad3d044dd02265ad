using Rl.Ppo;

namespace Rl.NaturalGradient;

/// <summary>
/// The policy gradient estimate from one rollout of B samples (the same buffer, GAE advantages and
/// critic PPO uses):
/// <code>
///   g = (1/B) sum_i grad_theta log pi_theta(a_i | s_i) A^gae(s_i, a_i)
/// </code>
/// It is the gradient of the surrogate L(theta) = (1/B) sum_i rho_i A_i at theta = theta_old, where
/// every ratio rho_i is 1 (<see cref="Surrogate"/>), and PPO's first minibatch gradient up to sign.
/// One backward pass: the head turns the scales A_i / B into d/d outputs, the actor takes them back
/// to theta.
/// </summary>
public static class PolicyGradient
{
    /// <summary>
    /// g [P] for <paramref name="agent"/>'s current theta (<see cref="PolicyParameters"/> layout).
    /// Overwrites the actor's and the head's gradient buffers and the actor's cached batch.
    /// </summary>
    /// <param name="agent">The policy.</param>
    /// <param name="observations">[B x obs] s_i.</param>
    /// <param name="actions">[B x act] a_i.</param>
    /// <param name="advantages">[B] A_i; B is its length.</param>
    public static double[] Compute(ActorCritic agent, ReadOnlySpan<double> observations, ReadOnlySpan<double> actions, ReadOnlySpan<double> advantages)
    {
        ArgumentNullException.ThrowIfNull(agent);
        Guard.NotEmpty(advantages, nameof(advantages));
        Guard.Finite(advantages, nameof(advantages));
        int batch = advantages.Length;
        Guard.Length(actions.Length, batch * agent.Head.ActionSize, nameof(actions), "[B x action size], one row per advantage");
        var outputs = agent.Actor.Forward(observations, batch);
        var scales = new double[batch];
        for (int i = 0; i < batch; i++) scales[i] = advantages[i] / batch;
        var outputGradient = new double[outputs.Length];
        Array.Clear(agent.Head.Gradients);
        agent.Head.AddGradients(outputs, actions, scales, 0.0, outputGradient);
        agent.Actor.ZeroGradients();
        agent.Actor.Backward(outputGradient);
        var gradient = new double[PolicyParameters.Count(agent)];
        PolicyParameters.GetGradients(agent, gradient);
        return gradient;
    }
}
