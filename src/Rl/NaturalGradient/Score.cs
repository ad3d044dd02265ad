using Rl.Ppo;

namespace Rl.NaturalGradient;

/// <summary>
/// The score of one sample, the gradient of its log-probability in theta:
/// <code>
///   s(theta; s, a) = grad_theta log pi_theta(a | s)          [P]
/// </code>
/// E_a[s] = 0 under the policy, so the Fisher matrix F = E[s s^T] is the score's covariance.
/// One forward and one backward pass per sample: for the explicit matrices on small networks and
/// for tests, not for training.
/// </summary>
public static class Score
{
    /// <summary>
    /// s for the observation <paramref name="observation"/> [obs] and action <paramref name="action"/>
    /// [act]. Overwrites the actor's and head's gradient buffers and the actor's cached batch.
    /// </summary>
    public static double[] Compute(ActorCritic agent, ReadOnlySpan<double> observation, ReadOnlySpan<double> action)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var outputs = agent.Actor.Forward(observation, 1);
        var outputGradient = new double[outputs.Length];
        Array.Clear(agent.Head.Gradients);
        agent.Head.AddGradients(outputs, action, [1.0], 0.0, outputGradient);
        agent.Actor.ZeroGradients();
        agent.Actor.Backward(outputGradient);
        var score = new double[PolicyParameters.Count(agent)];
        PolicyParameters.GetGradients(agent, score);
        return score;
    }
}
