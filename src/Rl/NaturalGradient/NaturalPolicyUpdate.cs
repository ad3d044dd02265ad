using Rl.Ppo;

namespace Rl.NaturalGradient;

/// <summary>
/// One actor update of NPG or TRPO on a batch of B samples, theta_old -&gt; theta:
/// <code>
///   g   = (1/B) sum_i grad log pi(a_i | s_i) A_i                    (PolicyGradient)
///   x  ~= (F + c I)^-1 g  by k conjugate-gradient steps              (ConjugateGradient, FisherVectorProduct)
///   eta = sqrt(2 delta / x^T (F + c I) x)                            (NaturalStep)
///   d   = eta x                                                      (Direction)
///   NPG:  theta = theta_old + eta x
///   TRPO: theta = theta_old + 0.8^j eta x, the first j with KLbar &lt;= delta and L improving (LineSearch)
/// </code>
/// (x^T F x is taken with the damped F, as Spinning Up does.) It reports the measured mean KL, the
/// surrogate gain, CG's relative residual and the backtracks.
/// </summary>
public static class NaturalPolicyUpdate
{
    /// <summary>Updates <paramref name="agent"/>'s policy in place on the batch and reports the step.</summary>
    /// <param name="agent">The policy at theta_old, whose outputs gave <paramref name="oldLogProbabilities"/>.</param>
    /// <param name="observations">[B x obs] s_i.</param>
    /// <param name="actions">[B x act] a_i.</param>
    /// <param name="oldLogProbabilities">[B] log pi_old(a_i | s_i).</param>
    /// <param name="advantages">[B] A_i (normalised or not).</param>
    /// <param name="config">delta, c, k, the tolerance and whether to search (TRPO).</param>
    /// <param name="solver">How the full step is found from F and g: <see cref="Direction"/> with the config's delta, c, k
    /// and tolerance if null (the autograder passes one that calls the student's functions).</param>
    public static NaturalStepReport Step(ActorCritic agent, ReadOnlySpan<double> observations, ReadOnlySpan<double> actions,
        ReadOnlySpan<double> oldLogProbabilities, ReadOnlySpan<double> advantages, NpgConfig config, NaturalDirectionSolver? solver = null)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(config);
        int batch = advantages.Length;
        var start = PolicyParameters.Get(agent);
        var oldHead = (double[])agent.Head.Parameters.Clone();
        double[] obs = observations.ToArray(), act = actions.ToArray(), oldLogp = oldLogProbabilities.ToArray(), adv = advantages.ToArray();
        var logp = new double[batch];
        var entropies = new double[batch];
        var oldOutputs = new double[batch * agent.Head.OutputSize];
        var newOutputs = new double[oldOutputs.Length];
        double before = Surrogate.Evaluate(agent, obs, act, oldLogp, adv, logp, entropies, oldOutputs);
        double entropy = entropies.Average();

        var g = PolicyGradient.Compute(agent, obs, act, adv);
        var fisher = new FisherVectorProduct(agent, obs, batch, 0.0);
        var direction = solver is null
            ? Direction(fisher.Apply, g, config.MaxKl, config.Damping, config.ConjugateGradientIterations, config.ConjugateGradientTolerance)
            : solver(fisher.Apply, g, config);
        Guard.Length(direction.Step.Length, g.Length, nameof(solver), "one entry per policy parameter");
        if (direction.StepSize == 0)
        {
            // g = 0 (every advantage 0, say): no direction to move in.
            return new NaturalStepReport(0, 0, 0, direction.ConjugateGradientResidual, direction.ConjugateGradientIterations, 0, true, entropy, Norm(g));
        }
        double eta = direction.StepSize;
        var fullStep = direction.Step;

        (double Gain, double Kl) Evaluate(double[] theta)
        {
            PolicyParameters.Set(agent, theta);
            double after = Surrogate.Evaluate(agent, obs, act, oldLogp, adv, logp, entropies, newOutputs);
            return (after - before, PolicyKl.Mean(agent.Head, oldOutputs, oldHead, newOutputs, agent.Head.Parameters));
        }

        if (!config.LineSearch)
        {
            var (gain, kl) = Evaluate(Add(start, fullStep));
            return new NaturalStepReport(kl, gain, eta, direction.ConjugateGradientResidual, direction.ConjugateGradientIterations, 0, true, entropy, Norm(g));
        }
        var search = LineSearch.Run(start, fullStep, Evaluate, config.MaxKl, config.BacktrackRatio, config.Backtracks);
        return new NaturalStepReport(search.Accepted ? search.Kl : 0, search.Accepted ? search.Gain : 0, eta * search.Fraction,
            direction.ConjugateGradientResidual, direction.ConjugateGradientIterations, search.Backtracks, search.Accepted, entropy, Norm(g));
    }

    /// <summary>
    /// The full natural step from the undamped Fisher-vector product <paramref name="fisher"/> and the
    /// policy gradient g:
    /// <code>
    ///   x  ~= (F + c I)^-1 g            k conjugate-gradient steps on the damped product (F + c I) v = F v + c v
    ///   eta = sqrt(2 delta / x^T (F + c I) x)
    ///   d   = eta x                      (NPG: theta = theta_old + d)
    /// </code>
    /// If x^T (F + c I) x is 0 (g = 0: every advantage 0, say) there is no direction: d = 0, eta = 0.
    /// </summary>
    public static NaturalDirection Direction(LinearOperator fisher, ReadOnlySpan<double> gradient, double maxKl, double damping,
        int iterations, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(fisher);
        if (!(damping >= 0 && double.IsFinite(damping)))
            throw new ArgumentOutOfRangeException(nameof(damping), damping, "damping must be finite and non-negative.");
        if (!(maxKl > 0 && double.IsFinite(maxKl)))
            throw new ArgumentOutOfRangeException(nameof(maxKl), maxKl, "maxKl (delta) must be a positive finite number.");
        // BEGIN SOLUTION: damp the product ((F + cI) v = F v + c v), solve (F + cI) x = g with ConjugateGradient.Solve, take x^T (F + cI) x with one more product, eta = NaturalStep.Size(maxKl, x^T (F + cI) x), and return d = eta x (d = 0 and eta = 0 if x^T (F + cI) x is 0).
        void Damped(ReadOnlySpan<double> v, Span<double> result)
        {
            fisher(v, result);
            for (int i = 0; i < v.Length; i++) result[i] += damping * v[i];
        }
        var cg = ConjugateGradient.Solve(Damped, gradient, iterations, tolerance);
        var x = cg.Solution;
        var fx = new double[x.Length];
        Damped(x, fx);
        double curvature = ConjugateGradient.Dot(x, fx);
        var step = new double[x.Length];
        if (!(curvature > 0)) return new NaturalDirection(step, 0, cg.RelativeResidual, cg.Iterations);
        double eta = NaturalStep.Size(maxKl, curvature);
        for (int i = 0; i < x.Length; i++) step[i] = eta * x[i];
        return new NaturalDirection(step, eta, cg.RelativeResidual, cg.Iterations);
        // END SOLUTION
    }

    private static double[] Add(double[] a, double[] b)
    {
        var sum = new double[a.Length];
        for (int i = 0; i < a.Length; i++) sum[i] = a[i] + b[i];
        return sum;
    }

    private static double Norm(double[] v) => Math.Sqrt(ConjugateGradient.Dot(v, v));
}

/// <summary>Finds the full natural step from the undamped Fisher-vector product and g, as <see cref="NaturalPolicyUpdate.Direction"/> does with <paramref name="config"/>'s delta, c, k and tolerance.</summary>
public delegate NaturalDirection NaturalDirectionSolver(LinearOperator fisher, double[] gradient, NpgConfig config);

/// <summary>The full natural step and how it was found.</summary>
/// <param name="Step">d = eta x, added to theta_old (NPG) or searched along (TRPO).</param>
/// <param name="StepSize">eta = sqrt(2 delta / x^T (F + cI) x); 0 when there is no direction.</param>
/// <param name="ConjugateGradientResidual">||g - (F + cI) x|| / ||g|| after CG (by its recursion).</param>
/// <param name="ConjugateGradientIterations">Fisher-vector products CG took.</param>
public sealed record NaturalDirection(double[] Step, double StepSize, double ConjugateGradientResidual, int ConjugateGradientIterations);

/// <summary>What one natural or TRPO step did.</summary>
/// <param name="Kl">Measured mean KL(pi_old || pi_new) of the step taken (0 if rejected).</param>
/// <param name="SurrogateGain">L(theta_new) - L(theta_old) (0 if rejected).</param>
/// <param name="StepSize">The multiple of x taken: eta, times 0.8^j after j backtracks, 0 if rejected.</param>
/// <param name="ConjugateGradientResidual">||g - (F + cI) x|| / ||g|| after CG (by its recursion).</param>
/// <param name="ConjugateGradientIterations">Fisher-vector products CG took.</param>
/// <param name="Backtracks">Line-search shrinkings (0 for NPG; the limit when rejected).</param>
/// <param name="Accepted">False only when TRPO's line search rejected every try.</param>
/// <param name="Entropy">Mean entropy of pi_old on the batch.</param>
/// <param name="GradientNorm">||g||.</param>
public readonly record struct NaturalStepReport(double Kl, double SurrogateGain, double StepSize, double ConjugateGradientResidual,
    int ConjugateGradientIterations, int Backtracks, bool Accepted, double Entropy, double GradientNorm);
