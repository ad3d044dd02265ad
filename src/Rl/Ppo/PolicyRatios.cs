namespace Rl.Ppo;

/// <summary>
/// How far the policy has moved from the one that collected a rollout, sample by sample: the ratios
/// <code>
///   rho_i = pi_theta(a_i | s_i) / pi_theta_t(a_i | s_i) = exp(log pi_theta(a_i | s_i) - logp_old_i)
/// </code>
/// over every sample of the rollout, with the two diagnostics PPO logs computed from them by
/// <see cref="ClippedSurrogate"/>: the approximate KL, mean of (rho - 1) - log rho, and the clip
/// fraction, the share of samples with |rho - 1| &gt; eps. The trainer logs both as means over the
/// minibatches of an update, each taken before that minibatch's step; measured here after an epoch
/// (see <see cref="PpoTrainer.EpochEnded"/>), they show what each epoch did to the whole rollout.
/// </summary>
public static class PolicyRatios
{
    /// <summary>
    /// rho_i for every sample of <paramref name="buffer"/> under <paramref name="agent"/>'s current
    /// policy, and their approximate KL and clip fraction at clip range <paramref name="clip"/>. Reads
    /// the networks one row at a time, so it changes nothing a later training step depends on.
    /// </summary>
    public static RatioMeasurement Measure(ActorCritic agent, RolloutBuffer buffer, double clip)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(buffer);
        var head = agent.Head;
        int obs = buffer.ObservationSize, act = buffer.ActionSize, count = buffer.Count;
        if (obs != agent.Actor.InputSize || act != head.ActionSize)
            throw new ArgumentException($"buffer holds observations of {obs} and actions of {act} doubles; the agent takes {agent.Actor.InputSize} and {head.ActionSize}.", nameof(buffer));
        var logProbabilities = new double[count];
        Span<double> outputs = stackalloc double[head.OutputSize];
        Span<double> entropy = stackalloc double[1];
        for (int i = 0; i < count; i++)
        {
            agent.Actor.ForwardRow(buffer.Observations.AsSpan(i * obs, obs), outputs);
            head.Evaluate(outputs, buffer.Actions.AsSpan(i * act, act), logProbabilities.AsSpan(i, 1), entropy);
        }
        var surrogate = ClippedSurrogate.Compute(logProbabilities, buffer.LogProbabilities, buffer.Advantages, clip, new double[count]);
        var ratios = new double[count];
        for (int i = 0; i < count; i++) ratios[i] = Math.Exp(logProbabilities[i] - buffer.LogProbabilities[i]);
        return new RatioMeasurement(ratios, surrogate.ApproxKl, surrogate.ClipFraction);
    }
}

/// <summary>The ratios of one rollout's samples under the current policy, and their diagnostics.</summary>
/// <param name="Ratios">[S x N] rho_i, in the rollout buffer's order.</param>
/// <param name="ApproxKl">The k3 estimate of KL(pi_old || pi): mean of (rho - 1) - log rho.</param>
/// <param name="ClipFraction">The share of samples with |rho - 1| &gt; eps.</param>
public sealed record RatioMeasurement(double[] Ratios, double ApproxKl, double ClipFraction);
