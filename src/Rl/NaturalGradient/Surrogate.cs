using Rl.Ppo;

namespace Rl.NaturalGradient;

/// <summary>
/// The surrogate objective the natural step and TRPO's line search maximise (Schulman et al. 2015):
/// <code>
///   L(theta) = (1/B) sum_i rho_i A_i,   rho_i = pi_theta(a_i | s_i) / pi_theta_old(a_i | s_i) = exp(logp_i - logp_old_i)
/// </code>
/// Its value at theta_old is the mean advantage, its gradient there is the policy gradient g
/// (<see cref="PolicyGradient"/>); unlike PPO's it has no clip: the trust region bounds the step.
/// </summary>
public static class Surrogate
{
    /// <summary>
    /// L at <paramref name="agent"/>'s current theta, with the new log-probabilities written into
    /// <paramref name="logProbabilities"/> [B], the entropies into <paramref name="entropies"/> [B]
    /// and the actor's outputs into <paramref name="outputs"/> [B x out].
    /// </summary>
    public static double Evaluate(
        ActorCritic agent, ReadOnlySpan<double> observations, ReadOnlySpan<double> actions,
        ReadOnlySpan<double> oldLogProbabilities, ReadOnlySpan<double> advantages,
        Span<double> logProbabilities, Span<double> entropies, Span<double> outputs)
    {
        ArgumentNullException.ThrowIfNull(agent);
        Guard.NotEmpty(advantages, nameof(advantages));
        int batch = advantages.Length;
        Guard.Length(oldLogProbabilities.Length, batch, nameof(oldLogProbabilities), "one per sample, like advantages");
        var forward = agent.Actor.Forward(observations, batch);
        Guard.Length(outputs.Length, forward.Length, nameof(outputs), "[B x out], the actor's outputs");
        forward.CopyTo(outputs);
        agent.Head.Evaluate(forward, actions, logProbabilities, entropies);
        double sum = 0.0;
        for (int i = 0; i < batch; i++) sum += Math.Exp(logProbabilities[i] - oldLogProbabilities[i]) * advantages[i];
        return sum / batch;
    }
}
