using Rl.Nn;

namespace Rl.Ppo;

/// <summary>
/// One PPO minibatch update step (lecture item 8, step 6: "a few gradient steps"), with the Adam
/// state it carries from step to step:
/// <code>
///   g = grad of l_pi(theta) - c_2 H(pi_theta) + c_1 l_V(omega)  on the minibatch   (PpoLoss)
///   g = g min(1, c / ||g||)     the global norm over actor, critic and head together
///   theta, omega = Adam(theta, omega, g)
/// </code>
/// One Adam per network; Adam is element-wise, so this equals one optimiser over all parameters.
/// </summary>
public sealed class PpoUpdate
{
    private readonly Adam _actor, _critic, _head;

    /// <summary>An update for <paramref name="agent"/>, with fresh Adam moments (t = 0).</summary>
    public PpoUpdate(ActorCritic agent, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(agent);
        Agent = agent;
        _actor = new Adam(agent.Actor.ParameterCount, learningRate);
        _critic = new Adam(agent.Critic.ParameterCount, learningRate);
        _head = new Adam(Math.Max(1, agent.Head.Parameters.Length), learningRate);
    }

    /// <summary>The networks it trains, in place.</summary>
    public ActorCritic Agent { get; }

    /// <summary>alpha, Adam's learning rate for every network; settable between steps, for annealing.</summary>
    public double LearningRate
    {
        get => _actor.LearningRate;
        set => _actor.LearningRate = _critic.LearningRate = _head.LearningRate = value;
    }

    /// <summary>
    /// One step on <paramref name="batch"/>: the combined loss and its gradients
    /// (<see cref="PpoLoss.Compute"/>), global norm clipping to <see cref="PpoConfig.MaxGradientNorm"/>,
    /// then an Adam step on actor, critic and head (if the head has parameters). Returns the losses
    /// before the step.
    /// </summary>
    public PpoLosses Step(Minibatch batch, PpoConfig config)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(config);
        var agent = Agent;
        // BEGIN SOLUTION: compute the loss and gradients with PpoLoss.Compute, clip the global gradient norm (GradientClipping.ClipGlobalNorm over actor, critic and head), then take one Adam step per network.
        var losses = PpoLoss.Compute(agent, batch, config);
        var head = agent.Head;
        GradientClipping.ClipGlobalNorm(config.MaxGradientNorm, agent.Actor.Gradients, agent.Critic.Gradients, head.Gradients);
        _actor.Step(agent.Actor.Parameters, agent.Actor.Gradients);
        _critic.Step(agent.Critic.Parameters, agent.Critic.Gradients);
        if (head.Parameters.Length > 0) _head.Step(head.Parameters, head.Gradients);
        return losses;
        // END SOLUTION
    }
}
