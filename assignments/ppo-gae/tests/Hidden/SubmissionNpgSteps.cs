using Rl.NaturalGradient;
using Rl.Ppo;

namespace PpoGae.Tests;

/// <summary>
/// NPG's actor update (step 4 of <see cref="NpgTrainer"/>) built by the judge from the submission's
/// functions. The judge keeps the networks, the rollouts, GAE, the critic, g and the parameters; the
/// submission computes what the step is made of:
/// <code>
///   M_i         the categorical Fisher of each state's logits: CategoricalProduct on each unit vector, all rows at once
///   F           = (1/B) sum_i J_i^T M_i J_i, formed by the judge column by column (J e_j forward-mode, J^T by backprop)
///   d, eta      = Direction(F, g, delta, c, k, tol): the submission's damping, ConjugateGradient.Solve and NaturalStep.Size
///   theta       = theta_old + d     (by NaturalPolicyUpdate.Step, in the judge)
/// </code>
/// The submission never sees an observation, an action or theta: only logits, F and g. And the judge
/// takes the step only if it keeps to the trust region by the judge's own damped Fisher,
/// (1/2) d^T (F + cI) d &lt;= delta, so no step can carry a policy made by hand: the networks learn
/// by natural steps of at most delta, or the test fails. Every number returned is checked: its
/// length by the judge's proxy, and here that it is finite. With the reference's functions the run
/// differs from the library's NpgTrainer only by the rounding of the explicit F.
/// </summary>
public static class SubmissionNpgSteps
{
    /// <summary>The actor update of <paramref name="agent"/> (a categorical policy) on one batch, with the submission's functions.</summary>
    public static NaturalStepReport Update(ActorCritic agent, ReadOnlySpan<double> observations, ReadOnlySpan<double> actions,
        ReadOnlySpan<double> oldLogProbabilities, ReadOnlySpan<double> advantages, NpgConfig config)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(config);
        var fisher = Fisher(agent, observations.ToArray(), advantages.Length);
        return NaturalPolicyUpdate.Step(agent, observations, actions, oldLogProbabilities, advantages, config,
            (reference, gradient, c) => Direction(fisher, reference, gradient, c));
    }

    /// <summary>F = (1/B) sum_i J_i^T M_i J_i [P x P, row-major], M_i from the submission.</summary>
    private static double[] Fisher(ActorCritic agent, double[] observations, int batch)
    {
        if (agent.Head is not CategoricalHead) throw new NotSupportedException("the NPG training test uses a categorical policy (CartPole-v1).");
        var actor = agent.Actor.Clone();
        var logits = actor.Forward(observations, batch).ToArray();
        int width = agent.Head.OutputSize, count = actor.ParameterCount;
        // M_i, column b: the submission's M applied to the unit vector e_b in every row.
        var m = new double[batch * width * width];
        var unit = new double[batch * width];
        for (int b = 0; b < width; b++)
        {
            Array.Clear(unit);
            for (int i = 0; i < batch; i++) unit[i * width + b] = 1.0;
            var column = Finite(Submission.Current.CategoricalFisherProduct(logits, unit, width), unit.Length, "CategoricalProduct's M e_b");
            for (int i = 0; i < batch; i++)
                for (int a = 0; a < width; a++) m[(i * width + a) * width + b] = column[i * width + a];
        }
        // Column j of F: J e_j by the R-operator, M_i on each row, over B, back through J^T.
        var f = new double[count * count];
        var direction = new double[count];
        var tangent = new double[batch * width];
        var weighted = new double[batch * width];
        for (int j = 0; j < count; j++)
        {
            direction[j] = 1.0;
            actor.ForwardTangent(direction, tangent);
            direction[j] = 0.0;
            for (int i = 0; i < batch; i++)
                for (int a = 0; a < width; a++)
                {
                    double sum = 0.0;
                    for (int b = 0; b < width; b++) sum += m[(i * width + a) * width + b] * tangent[i * width + b];
                    weighted[i * width + a] = sum / batch;
                }
            actor.ZeroGradients();
            actor.Backward(weighted);
            for (int r = 0; r < count; r++) f[r * count + j] = actor.Gradients[r];
        }
        return f;
    }

    /// <summary>The submission's d and eta for F and g, taken only inside the judge's trust region.</summary>
    private static NaturalDirection Direction(double[] fisher, LinearOperator reference, double[] gradient, NpgConfig config)
    {
        var output = Submission.Current.NaturalDirection(fisher, gradient, config.MaxKl, config.Damping,
            config.ConjugateGradientIterations, config.ConjugateGradientTolerance);
        var step = Finite(output.Step, gradient.Length, "Direction's step d");
        Expect.That(double.IsFinite(output.StepSize), $"during training, Direction's eta is {Expect.Show(output.StepSize)}: NPG cannot step with it.");
        var fd = new double[step.Length];
        reference(step, fd);
        double quadratic = 0.0;
        for (int i = 0; i < step.Length; i++) quadratic += 0.5 * step[i] * (fd[i] + config.Damping * step[i]);
        Expect.That(quadratic <= config.MaxKl * (1 + 1e-6),
            $"during training, Direction's step d leaves the trust region: (1/2) d^T (F + cI) d = {Expect.Show(quadratic)} > delta = {config.MaxKl} " +
            "(F the policy's Fisher, c the damping). The natural step lies on the region's edge: eta = sqrt(2 delta / x^T (F + cI) x), " +
            "with the damped F in both the solve and the curvature.");
        return new NaturalDirection(step, output.StepSize, output.ConjugateGradientResidual, output.ConjugateGradientIterations);
    }

    /// <summary><paramref name="values"/>, after checking there are <paramref name="count"/> of them and all are finite.</summary>
    private static double[] Finite(double[]? values, int count, string what)
    {
        Expect.That(values is not null && values.Length == count,
            $"during training, {what} came back with {values?.Length.ToString() ?? "no"} numbers, expected {count}.");
        int bad = Array.FindIndex(values!, value => !double.IsFinite(value));
        Expect.That(bad < 0, $"during training, {what} has {(bad < 0 ? "" : Expect.Show(values![bad]))} at index {bad}: NPG cannot learn from it.");
        return values!;
    }
}
