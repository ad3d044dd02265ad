namespace Rl.Ppo;

/// <summary>
/// PPO's combined loss on one minibatch (lecture item 8, steps 4-6), and its gradients:
/// <code>
///   l(theta, omega) = l_pi(theta) - c_2 mean_i H(pi_theta(. | s_i)) + c_1 l_V(omega)
/// </code>
/// l_pi is the clipped surrogate (<see cref="ClippedSurrogate"/>) on the minibatch's advantages,
/// normalised first if configured; l_V the value loss (<see cref="ValueLoss"/>), clipped if
/// configured. The gradients flow from the losses into the networks' outputs (through the action
/// head for l_pi and H) and back through actor and critic: after the call, the actor's, the critic's
/// and the head's Gradients hold dl/dtheta and dl/domega.
/// </summary>
public static class PpoLoss
{
    /// <summary>
    /// Evaluates the loss on <paramref name="batch"/> and writes its gradients into
    /// <paramref name="agent"/>'s gradient buffers (zeroed first). Normalises
    /// <c>batch.Advantages</c> in place when <see cref="PpoConfig.NormalizeAdvantages"/> is set.
    /// </summary>
    public static PpoLosses Compute(ActorCritic agent, Minibatch batch, PpoConfig config)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(config);
        // BEGIN SOLUTION: normalise the advantages if configured; actor forward, head.Evaluate, ClippedSurrogate, head.AddGradients (with the entropy term), actor backward; critic forward, ValueLoss scaled by c_1, critic backward.
        var head = agent.Head;
        int size = batch.Size;
        if (config.NormalizeAdvantages) AdvantageNormalization.Normalize(batch.Advantages);

        // Policy: l_pi - c_2 H, through the head into the actor's outputs.
        var outputs = agent.Actor.Forward(batch.Observations, size);                   // [B x out]
        head.Evaluate(outputs, batch.Actions, batch.LogProbabilities, batch.Entropies);
        double entropy = 0.0;
        foreach (double h in batch.Entropies) entropy += h;
        entropy /= size;
        var surrogate = ClippedSurrogate.Compute(batch.LogProbabilities, batch.OldLogProbabilities, batch.Advantages,
            config.Clip, batch.LogProbabilityGradients);
        Array.Clear(batch.OutputGradients);
        Array.Clear(head.Gradients);
        double entropyScale = -config.EntropyCoefficient / size; // d(-c_2 mean H) / d H_i
        head.AddGradients(outputs, batch.Actions, batch.LogProbabilityGradients, entropyScale, batch.OutputGradients);
        agent.Actor.ZeroGradients();
        agent.Actor.Backward(batch.OutputGradients);

        // Value: c_1 l_V into the critic.
        var values = agent.Critic.Forward(batch.Observations, size);                   // [B x 1]
        double valueLoss = ValueLoss.Compute(values, batch.OldValues, batch.Targets,
            config.ClipValueLoss ? config.Clip : null, batch.ValueGradients);
        foreach (ref double g in batch.ValueGradients.AsSpan()) g *= config.ValueCoefficient;
        agent.Critic.ZeroGradients();
        agent.Critic.Backward(batch.ValueGradients);

        return new PpoLosses(surrogate.Loss, valueLoss, entropy, surrogate.ApproxKl, surrogate.ClipFraction);
        // END SOLUTION
    }
}

/// <summary>The parts of the combined loss on one minibatch, and PPO's diagnostics.</summary>
/// <param name="PolicyLoss">l_pi, the clipped surrogate.</param>
/// <param name="ValueLoss">l_V.</param>
/// <param name="Entropy">mean H of pi_theta.</param>
/// <param name="ApproxKl">k3 estimate of KL(pi_old || pi_theta).</param>
/// <param name="ClipFraction">Fraction of ratios outside [1 - eps, 1 + eps].</param>
public readonly record struct PpoLosses(double PolicyLoss, double ValueLoss, double Entropy, double ApproxKl, double ClipFraction)
{
    /// <summary>l = l_pi - c_2 H + c_1 l_V under <paramref name="config"/>'s coefficients.</summary>
    public double Total(PpoConfig config) => PolicyLoss - config.EntropyCoefficient * Entropy + config.ValueCoefficient * ValueLoss;

    /// <summary>Component-wise sum, for averaging over minibatches.</summary>
    public PpoLosses Add(PpoLosses other) => new(PolicyLoss + other.PolicyLoss, ValueLoss + other.ValueLoss,
        Entropy + other.Entropy, ApproxKl + other.ApproxKl, ClipFraction + other.ClipFraction);

    /// <summary>Component-wise product with <paramref name="factor"/>.</summary>
    public PpoLosses Scale(double factor) => new(PolicyLoss * factor, ValueLoss * factor, Entropy * factor, ApproxKl * factor, ClipFraction * factor);
}
