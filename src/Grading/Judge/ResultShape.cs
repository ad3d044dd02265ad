using Rl.Grading.Worker;

namespace Rl.Grading.Judge;

/// <summary>
/// Checks a result the worker sent back against the call that asked for it, before the judge uses
/// it: nothing is null, every array has the length the arguments give it, and parameters come back
/// in the shape they were sent in (environment, hidden sizes, lengths). Whatever the student's code
/// returns, the judge's own work on a result is then bounded by what the judge asked for (a worker
/// that sets HiddenSizes to [6000, 6000] is refused here, before any network is built).
/// </summary>
internal static class ResultShape
{
    /// <summary>Throws a <see cref="SubmissionException"/> naming the rule a result of <paramref name="method"/> breaks.</summary>
    public static void Check(string method, object?[] args, object? result)
    {
        if (result is null) throw Wrong(method, "null instead of a result");
        switch (method, result)
        {
            case (nameof(ISubmission.BellmanErrors) or nameof(ISubmission.NStep) or nameof(ISubmission.Gae), double[] values):
                Length(method, "the result", values, ((double[])args[0]!).Length, "one per reward");
                break;
            case (nameof(ISubmission.BatchedGae), double[] values):
                Length(method, "the result", values, ((BatchedGaeInput)args[0]!).Rewards.Length, "one per reward");
                break;
            case (nameof(ISubmission.ValueTargets), double[] values):
                Length(method, "the result", values, ((double[])args[0]!).Length, "one per advantage");
                break;
            case (nameof(ISubmission.OneRolloutSamples), double[] values):
                Length(method, "the result", values, ((OneRolloutInput)args[0]!).Repetitions, "one per repetition");
                break;
            case (nameof(ISubmission.ClippedSurrogate), SurrogateOutput surrogate):
                Length(method, "the gradient", surrogate.Gradient, ((double[])args[0]!).Length, "one per log-probability");
                break;
            case (nameof(ISubmission.ValueLoss), ValueLossOutput loss):
                Length(method, "the gradient", loss.Gradient, ((double[])args[0]!).Length, "one per value");
                break;
            case (nameof(ISubmission.UpdateSteps), UpdateStepOutput output):
                var input = (UpdateStepInput)args[0]!;
                int steps = input.Minibatches.Length;
                Count(method, "parameter sets", output.Parameters, steps);
                Count(method, "losses", output.Losses, steps);
                for (int i = 0; i < steps; i++)
                {
                    if (output.Losses[i] is null) throw Wrong(method, $"the losses of step {i + 1} are null");
                    SameShape(method, $"the parameters after step {i + 1}", output.Parameters[i], input.Agent);
                }
                break;
            case (nameof(ISubmission.CategoricalFisherProduct), double[] values):
                Length(method, "the result", values, ((double[])args[0]!).Length, "one per logit");
                break;
            case (nameof(ISubmission.ConjugateGradient), ConjugateGradientOutput cg):
                Length(method, "the solution", cg.Solution, ((double[])args[1]!).Length, "one per entry of b");
                if (cg.ResidualNorms is null) throw Wrong(method, "the residual norms are null");
                int iterations = (int)args[2]!;
                if (cg.ResidualNorms.Length < 1 || cg.ResidualNorms.Length > iterations + 1)
                    throw Wrong(method, $"the residual norms have {cg.ResidualNorms.Length} numbers, expected 1 to {iterations + 1} (||b|| and one per iteration)");
                break;
            case (nameof(ISubmission.NaturalStepSize), double):
                break;
            case (nameof(ISubmission.NaturalDirection), NaturalDirectionOutput direction):
                Length(method, "the step", direction.Step, ((double[])args[1]!).Length, "one per entry of the gradient");
                break;
            default:
                throw Wrong(method, $"a {result.GetType().Name}, which is not what {StudentMethodAttribute.Of(method)} returns");
        }
    }

    private static void SameShape(string method, string what, AgentParameters? actual, AgentParameters sent)
    {
        if (actual is null) throw Wrong(method, $"{what} are null");
        if (actual.EnvironmentId != sent.EnvironmentId)
            throw Wrong(method, $"{what} are for environment \"{Short(actual.EnvironmentId)}\", not \"{sent.EnvironmentId}\"");
        if (actual.HiddenSizes is null || !actual.HiddenSizes.AsSpan().SequenceEqual(sent.HiddenSizes))
            throw Wrong(method, $"{what} have hidden sizes [{string.Join(", ", (actual.HiddenSizes ?? []).Take(8))}], not the [{string.Join(", ", sent.HiddenSizes)}] they were given");
        Length(method, $"{what}: actor", actual.Actor, sent.Actor.Length, "as many as given");
        Length(method, $"{what}: critic", actual.Critic, sent.Critic.Length, "as many as given");
        Length(method, $"{what}: head", actual.Head, sent.Head.Length, "as many as given");
    }

    private static void Length(string method, string what, double[]? values, int expected, string rule)
    {
        if (values is null) throw Wrong(method, $"{what} is null");
        if (values.Length != expected) throw Wrong(method, $"{what} has {values.Length} numbers, expected {expected} ({rule})");
    }

    private static void Count<T>(string method, string what, T[]? items, int expected)
    {
        if (items is null) throw Wrong(method, $"the {what} are null");
        if (items.Length != expected) throw Wrong(method, $"{items.Length} {what}, expected {expected} (one per minibatch)");
    }

    private static string Short(string? text) => text is null ? "null" : text.Length <= 40 ? text : text[..40] + "...";

    private static SubmissionException Wrong(string method, string problem) =>
        new($"{StudentMethodAttribute.Of(method)} returned a result of the wrong shape: {problem}.");
}
