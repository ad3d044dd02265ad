namespace Rl.Grading.Worker;

/// <summary>
/// What a submission offers the graded tests: each function a student writes, with plain arrays in
/// and out, so that a call can cross a process boundary as JSON. <see cref="InProcessSubmission"/>
/// calls the Rl library it was compiled with (the student's own code in the student release, the
/// reference in this repository); the judge's proxy sends each call to a worker process instead.
/// Every method must be a pure function of its arguments.
/// </summary>
public interface ISubmission
{
    /// <summary>BE_0 .. BE_{H-1}: <c>Rl.Advantages.BellmanErrors.Compute</c>.</summary>
    [StudentMethod("BellmanErrors.Compute")]
    double[] BellmanErrors(double[] rewards, double[] values, double gamma);

    /// <summary>A^(k)_0 .. A^(k)_{H-1}: <c>Rl.Advantages.NStep.Compute</c>.</summary>
    [StudentMethod("NStep.Compute")]
    double[] NStep(double[] rewards, double[] values, double gamma, int k);

    /// <summary>A^gae_0 .. A^gae_{H-1} by the backward recursion: <c>Rl.Advantages.Gae.Compute</c>.</summary>
    [StudentMethod("Gae.Compute")]
    double[] Gae(double[] rewards, double[] values, double gamma, double lambda);

    /// <summary>[S x N] advantages: <c>Rl.Advantages.BatchedGae.Compute</c>.</summary>
    [StudentMethod("BatchedGae.Compute")]
    double[] BatchedGae(BatchedGaeInput input);

    /// <summary>y_h = A_h + V(s_h): <c>Rl.Advantages.ValueTargets.Compute</c>.</summary>
    [StudentMethod("ValueTargets.Compute")]
    double[] ValueTargets(double[] advantages, double[] values);

    /// <summary>The clipped surrogate loss, its gradient and diagnostics: <c>Rl.Ppo.ClippedSurrogate.Compute</c>.</summary>
    [StudentMethod("ClippedSurrogate.Compute")]
    SurrogateOutput ClippedSurrogate(double[] logProbabilities, double[] oldLogProbabilities, double[] advantages, double clip);

    /// <summary>The value loss and its gradient (<paramref name="clip"/> null: unclipped): <c>Rl.Ppo.ValueLoss.Compute</c>.</summary>
    [StudentMethod("ValueLoss.Compute")]
    ValueLossOutput ValueLoss(double[] values, double[] oldValues, double[] targets, double? clip);

    /// <summary>
    /// <c>Rl.Ppo.PpoUpdate.Step</c> on each minibatch in turn, from the given parameters and fresh
    /// Adam moments: the parameters after every step and the losses each step reported.
    /// </summary>
    [StudentMethod("PpoUpdate.Step")]
    UpdateStepOutput UpdateSteps(UpdateStepInput input);

    /// <summary>
    /// M u row by row, M = diag(p) - p p^T the categorical Fisher of each row of logits (rows of
    /// <paramref name="actions"/> numbers in <paramref name="logits"/> and <paramref name="u"/>):
    /// <c>Rl.NaturalGradient.DistributionFisher.CategoricalProduct</c>.
    /// </summary>
    [StudentMethod("DistributionFisher.CategoricalProduct")]
    double[] CategoricalFisherProduct(double[] logits, double[] u, int actions);

    /// <summary>
    /// Conjugate gradient for A x = b, A the n x n matrix <paramref name="matrix"/> (row-major, n = b's
    /// length): <c>Rl.NaturalGradient.ConjugateGradient.Solve</c>.
    /// </summary>
    [StudentMethod("ConjugateGradient.Solve")]
    ConjugateGradientOutput ConjugateGradient(double[] matrix, double[] b, int iterations, double tolerance);

    /// <summary>eta = sqrt(2 delta / x^T F x): <c>Rl.NaturalGradient.NaturalStep.Size</c>.</summary>
    [StudentMethod("NaturalStep.Size")]
    double NaturalStepSize(double delta, double curvature);

    /// <summary>
    /// The full natural step d = eta x from the undamped Fisher F (the n x n matrix <paramref name="fisher"/>,
    /// row-major) and g: <c>Rl.NaturalGradient.NaturalPolicyUpdate.Direction</c>.
    /// </summary>
    [StudentMethod("NaturalPolicyUpdate.Direction")]
    NaturalDirectionOutput NaturalDirection(double[] fisher, double[] gradient, double maxKl, double damping, int iterations, double tolerance);

    /// <summary>Samples of the one-rollout (z) estimator on a tabular problem: <c>Rl.Advantages.OneRolloutAdvantage.Estimate</c>.</summary>
    [StudentMethod("OneRolloutAdvantage.Estimate")]
    double[] OneRolloutSamples(OneRolloutInput input);
}
