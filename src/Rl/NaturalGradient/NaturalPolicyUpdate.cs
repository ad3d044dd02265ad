using Rl.Ppo;

namespace Rl.NaturalGradient;

/// <summary>
/// One actor update of NPG or TRPO on a batch of B samples, theta_old -&gt; theta:
/// <code>
///   g   = (1/B) sum_i grad log pi(a_i | s_i) A_i                    (PolicyGradient)
///   x  ~= (F + c I)^-1 g  by k conjugate-gradient steps              (ConjugateGradient, FisherVectorProduct)
///   eta = sqrt(2 delta / x^T (F + c I) x)                            (NaturalStep)
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
    public static NaturalStepReport Step(ActorCritic agent, ReadOnlySpan<double> observations, ReadOnlySpan<double> actions,
        ReadOnlySpan<double> oldLogProbabilities, ReadOnlySpan<double> advantages, NpgConfig config)
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
        var fisher = new FisherVectorProduct(agent, obs, batch, config.Damping);
        var cg = ConjugateGradient.Solve(fisher.Apply, g, config.ConjugateGradientIterations, config.ConjugateGradientTolerance);
        var x = cg.Solution;
        var fx = new double[x.Length];
        fisher.Apply(x, fx);
        double curvature = ConjugateGradient.Dot(x, fx);
        if (!(curvature > 0))
        {
            // g = 0 (every advantage 0, say): no direction to move in.
            return new NaturalStepReport(0, 0, 0, cg.RelativeResidual, cg.Iterations, 0, true, entropy, Norm(g));
        }
        double eta = NaturalStep.Size(config.MaxKl, curvature);
        var fullStep = new double[x.Length];
        for (int i = 0; i < x.Length; i++) fullStep[i] = eta * x[i];

        (double Gain, double Kl) Evaluate(double[] theta)
        {
            PolicyParameters.Set(agent, theta);
            double after = Surrogate.Evaluate(agent, obs, act, oldLogp, adv, logp, entropies, newOutputs);
            return (after - before, PolicyKl.Mean(agent.Head, oldOutputs, oldHead, newOutputs, agent.Head.Parameters));
        }

        if (!config.LineSearch)
        {
            var (gain, kl) = Evaluate(Add(start, fullStep));
            return new NaturalStepReport(kl, gain, eta, cg.RelativeResidual, cg.Iterations, 0, true, entropy, Norm(g));
        }
        var search = LineSearch.Run(start, fullStep, Evaluate, config.MaxKl, config.BacktrackRatio, config.Backtracks);
        return new NaturalStepReport(search.Accepted ? search.Kl : 0, search.Accepted ? search.Gain : 0, eta * search.Fraction,
            cg.RelativeResidual, cg.Iterations, search.Backtracks, search.Accepted, entropy, Norm(g));
    }

    private static double[] Add(double[] a, double[] b)
    {
        var sum = new double[a.Length];
        for (int i = 0; i < a.Length; i++) sum[i] = a[i] + b[i];
        return sum;
    }

    private static double Norm(double[] v) => Math.Sqrt(ConjugateGradient.Dot(v, v));
}

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
