using Rl.Grading.Worker;
using Rl.Nn;
using Rl.Ppo;

namespace PpoGae.Tests;

/// <summary>
/// PPO's steps 2-3 and 6 (<see cref="IPpoSteps"/>) built by the judge from the submission's
/// functions. The submission computes the numbers PPO learns from: the advantages (BatchedGae), the
/// value targets (ValueTargets), and on each minibatch the clipped surrogate and the value loss with
/// their gradients with respect to the log-probabilities and the values (ClippedSurrogate,
/// ValueLoss). The judge does the rest with the library, as PpoLoss.Compute and PpoUpdate.Step do:
/// <code>
///   A = normalise(A) if configured;  outputs = actor(s);  log pi, H = head(outputs, a)
///   dl/dlog pi  from ClippedSurrogate;  into the actor through the head, with -c_2 dH/d outputs
///   dl/dV       from ValueLoss, times c_1;  into the critic
///   g = g min(1, c / ||g||) over actor, critic and head;  Adam on each (moments kept from step to step)
/// </code>
/// The parameters never leave the judge, and none of those functions is given an observation or an
/// action, so a submission cannot write a policy into the trained networks: they learn from its
/// numbers or not at all. With the reference's functions the run is the library's PpoTrainer run, bit
/// for bit. Every number returned is checked before use: its length by the judge's proxy, and here
/// that it is finite.
/// </summary>
public sealed class SubmissionPpoSteps : IPpoSteps
{
    private readonly ActorCritic _agent;
    private readonly Adam _actor, _critic, _head;

    /// <summary>Steps that train <paramref name="agent"/>, with fresh Adam moments at <paramref name="learningRate"/>.</summary>
    public SubmissionPpoSteps(ActorCritic agent, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(agent);
        _agent = agent;
        _actor = new Adam(agent.Actor.ParameterCount, learningRate);
        _critic = new Adam(agent.Critic.ParameterCount, learningRate);
        _head = new Adam(Math.Max(1, agent.Head.Parameters.Length), learningRate);
    }

    /// <inheritdoc/>
    void IPpoSteps.EstimateAdvantagesAndTargets(RolloutBuffer buffer, PpoConfig config)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(config);
        var advantages = Submission.Current.BatchedGae(new BatchedGaeInput([.. buffer.Rewards], [.. buffer.Values],
            [.. buffer.Terminated], [.. buffer.Truncated], [.. buffer.TruncationValues], [.. buffer.LastValues], config.Gamma, config.Lambda));
        Finite(advantages, buffer.Count, "BatchedGae's advantages").CopyTo(buffer.Advantages, 0);
        var targets = Submission.Current.ValueTargets([.. buffer.Advantages], [.. buffer.Values]);
        Finite(targets, buffer.Count, "ValueTargets' targets").CopyTo(buffer.Targets, 0);
    }

    /// <inheritdoc/>
    PpoLosses IPpoSteps.Update(Minibatch batch, PpoConfig config, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(config);
        var agent = _agent;
        var head = agent.Head;
        int size = batch.Size;
        if (config.NormalizeAdvantages) AdvantageNormalization.Normalize(batch.Advantages);

        var outputs = agent.Actor.Forward(batch.Observations, size);
        head.Evaluate(outputs, batch.Actions, batch.LogProbabilities, batch.Entropies);
        double entropy = 0.0;
        foreach (double h in batch.Entropies) entropy += h;
        entropy /= size;
        var surrogate = Submission.Current.ClippedSurrogate([.. batch.LogProbabilities], [.. batch.OldLogProbabilities], [.. batch.Advantages], config.Clip);
        Finite(surrogate.Gradient, size, "ClippedSurrogate's gradient").CopyTo(batch.LogProbabilityGradients, 0);
        Array.Clear(batch.OutputGradients);
        Array.Clear(head.Gradients);
        head.AddGradients(outputs, batch.Actions, batch.LogProbabilityGradients, -config.EntropyCoefficient / size, batch.OutputGradients);
        agent.Actor.ZeroGradients();
        agent.Actor.Backward(batch.OutputGradients);

        double[] values = [.. agent.Critic.Forward(batch.Observations, size)];
        var valueLoss = Submission.Current.ValueLoss(values, [.. batch.OldValues], [.. batch.Targets], config.ClipValueLoss ? config.Clip : null);
        var valueGradient = Finite(valueLoss.Gradient, size, "ValueLoss's gradient");
        for (int i = 0; i < size; i++) batch.ValueGradients[i] = valueGradient[i] * config.ValueCoefficient;
        agent.Critic.ZeroGradients();
        agent.Critic.Backward(batch.ValueGradients);

        GradientClipping.ClipGlobalNorm(config.MaxGradientNorm, agent.Actor.Gradients, agent.Critic.Gradients, head.Gradients);
        _actor.LearningRate = _critic.LearningRate = _head.LearningRate = learningRate;
        _actor.Step(agent.Actor.Parameters, agent.Actor.Gradients);
        _critic.Step(agent.Critic.Parameters, agent.Critic.Gradients);
        if (head.Parameters.Length > 0) _head.Step(head.Parameters, head.Gradients);
        return new PpoLosses(surrogate.Loss, valueLoss.Loss, entropy, surrogate.ApproxKl, surrogate.ClipFraction);
    }

    /// <summary><paramref name="values"/>, after checking there are <paramref name="count"/> of them and all are finite.</summary>
    private static double[] Finite(double[]? values, int count, string what)
    {
        Expect.That(values is not null && values.Length == count,
            $"during training, {what} came back with {values?.Length.ToString() ?? "no"} numbers, expected {count}.");
        int bad = Array.FindIndex(values!, value => !double.IsFinite(value));
        Expect.That(bad < 0, $"during training, {what} has {(bad < 0 ? "" : Expect.Show(values![bad]))} at index {bad}: PPO cannot learn from it.");
        return values!;
    }
}
