using Rl.Advantages;
using Rl.Environments;
using Rl.NaturalGradient;
using Rl.Ppo;
using Rl.Random;
using Rl.Tabular;

namespace Rl.Grading.Worker;

/// <summary>
/// <see cref="ISubmission"/> by direct calls into the Rl library this assembly was built with: the
/// student's code in the student release and in the grading worker, the reference in this repository.
/// </summary>
public sealed class InProcessSubmission : ISubmission
{
    /// <inheritdoc/>
    public double[] BellmanErrors(double[] rewards, double[] values, double gamma) =>
        Advantages.BellmanErrors.Compute(rewards, values, gamma);

    /// <inheritdoc/>
    public double[] NStep(double[] rewards, double[] values, double gamma, int k) =>
        Advantages.NStep.Compute(rewards, values, gamma, k);

    /// <inheritdoc/>
    public double[] Gae(double[] rewards, double[] values, double gamma, double lambda) =>
        Advantages.Gae.Compute(rewards, values, gamma, lambda);

    /// <inheritdoc/>
    public double[] BatchedGae(BatchedGaeInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Advantages.BatchedGae.Compute(input.Rewards, input.Values, input.Terminated, input.Truncated,
            input.TruncationValues, input.LastValues, input.Gamma, input.Lambda);
    }

    /// <inheritdoc/>
    public double[] ValueTargets(double[] advantages, double[] values) =>
        Advantages.ValueTargets.Compute(advantages, values);

    /// <inheritdoc/>
    public SurrogateOutput ClippedSurrogate(double[] logProbabilities, double[] oldLogProbabilities, double[] advantages, double clip)
    {
        var gradient = new double[logProbabilities.Length];
        var result = Ppo.ClippedSurrogate.Compute(logProbabilities, oldLogProbabilities, advantages, clip, gradient);
        return new SurrogateOutput(result.Loss, gradient, result.ClipFraction, result.ApproxKl);
    }

    /// <inheritdoc/>
    public ValueLossOutput ValueLoss(double[] values, double[] oldValues, double[] targets, double? clip)
    {
        var gradient = new double[values.Length];
        double loss = Ppo.ValueLoss.Compute(values, oldValues, targets, clip, gradient);
        return new ValueLossOutput(loss, gradient);
    }

    /// <inheritdoc/>
    public UpdateStepOutput UpdateSteps(UpdateStepInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var agent = Agent(input.Agent);
        var update = new PpoUpdate(agent, input.Config.LearningRate);
        var parameters = new AgentParameters[input.Minibatches.Length];
        var losses = new StepLosses[input.Minibatches.Length];
        for (int i = 0; i < input.Minibatches.Length; i++)
        {
            var step = update.Step(Minibatch(input.Minibatches[i], agent), input.Config);
            losses[i] = new StepLosses(step.PolicyLoss, step.ValueLoss, step.Entropy, step.ApproxKl, step.ClipFraction);
            parameters[i] = Parameters(agent);
        }
        return new UpdateStepOutput(parameters, losses);
    }

    /// <inheritdoc/>
    public double[] CategoricalFisherProduct(double[] logits, double[] u, int actions)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(u);
        if (actions < 1 || logits.Length % actions != 0)
            throw new ArgumentException($"actions is {actions}: it must be at least 1 and divide the {logits.Length} logits into rows.", nameof(actions));
        if (u.Length != logits.Length)
            throw new ArgumentException($"u has {u.Length} numbers: it needs one per logit, {logits.Length}.", nameof(u));
        var result = new double[logits.Length];
        for (int row = 0; row < logits.Length; row += actions)
            DistributionFisher.CategoricalProduct(logits.AsSpan(row, actions), u.AsSpan(row, actions), result.AsSpan(row, actions));
        return result;
    }

    /// <inheritdoc/>
    public ConjugateGradientOutput ConjugateGradient(double[] matrix, double[] b, int iterations, double tolerance)
    {
        var result = NaturalGradient.ConjugateGradient.Solve(Operator(matrix, b, nameof(matrix)), b, iterations, tolerance);
        return new ConjugateGradientOutput(result.Solution, [.. result.ResidualNorms]);
    }

    /// <inheritdoc/>
    public double NaturalStepSize(double delta, double curvature) => NaturalStep.Size(delta, curvature);

    /// <inheritdoc/>
    public NaturalDirectionOutput NaturalDirection(double[] fisher, double[] gradient, double maxKl, double damping, int iterations, double tolerance)
    {
        var direction = NaturalPolicyUpdate.Direction(Operator(fisher, gradient, nameof(fisher)), gradient, maxKl, damping, iterations, tolerance);
        return new NaturalDirectionOutput(direction.Step, direction.StepSize, direction.ConjugateGradientResidual, direction.ConjugateGradientIterations);
    }

    /// <summary>v -&gt; A v for the n x n row-major <paramref name="matrix"/>, n = <paramref name="vector"/>'s length.</summary>
    private static LinearOperator Operator(double[] matrix, double[] vector, string name)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(vector);
        int n = vector.Length;
        if (matrix.Length != (long)n * n)
            throw new ArgumentException($"{name} has {matrix.Length} numbers: an n x n matrix for n = {n} needs {(long)n * n}.", name);
        return (v, result) =>
        {
            for (int i = 0; i < n; i++)
            {
                double sum = 0.0;
                for (int j = 0; j < n; j++) sum += matrix[i * n + j] * v[j];
                result[i] = sum;
            }
        };
    }

    /// <inheritdoc/>
    public double[] OneRolloutSamples(OneRolloutInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problem = input.Problem switch
        {
            "random walk" => RandomWalk.Create(),
            "gridworld" => Gridworld.Create(),
            _ => throw new ArgumentException($"unknown problem '{input.Problem}': use \"random walk\" or \"gridworld\".", nameof(input)),
        };
        var environment = new TabularEnvironment(problem.Mdp, input.Seed);
        environment.ResetTo(input.State);
        var estimate = OneRolloutAdvantage.Estimate(environment, environment.Snapshot(), input.State, input.Action,
            problem.Policy, input.Gamma, input.Repetitions, new Rng(input.Seed));
        return estimate.Samples;
    }

    /// <summary>An agent for <paramref name="parameters"/>' environment and shape, holding those parameters.</summary>
    public static ActorCritic Agent(AgentParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var agent = new ActorCritic(Gym.Spec(parameters.EnvironmentId), parameters.HiddenSizes, new Rng(0));
        Copy(parameters.Actor, agent.Actor.Parameters, "actor");
        Copy(parameters.Critic, agent.Critic.Parameters, "critic");
        Copy(parameters.Head, agent.Head.Parameters, "head");
        return agent;
    }

    /// <summary>A copy of <paramref name="agent"/>'s parameters.</summary>
    public static AgentParameters Parameters(ActorCritic agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return new AgentParameters(agent.Spec.Id, [.. agent.HiddenSizes],
            [.. agent.Actor.Parameters], [.. agent.Critic.Parameters], [.. agent.Head.Parameters]);
    }

    private static Minibatch Minibatch(MinibatchData data, ActorCritic agent)
    {
        int size = data.Advantages.Length;
        var batch = new Minibatch(size, agent.Spec.ObservationSize, agent.Head.ActionSize, agent.Head.OutputSize);
        Copy(data.Observations, batch.Observations, "observations");
        Copy(data.Actions, batch.Actions, "actions");
        Copy(data.OldLogProbabilities, batch.OldLogProbabilities, "old log-probabilities");
        Copy(data.Advantages, batch.Advantages, "advantages");
        Copy(data.Targets, batch.Targets, "targets");
        Copy(data.OldValues, batch.OldValues, "old values");
        return batch;
    }

    private static void Copy(double[] source, double[] destination, string what)
    {
        if (source.Length != destination.Length)
            throw new ArgumentException($"{what}: {source.Length} numbers given, but the shape needs {destination.Length}.");
        source.CopyTo(destination, 0);
    }
}
