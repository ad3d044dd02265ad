using Rl.Tabular;

namespace Rl.NaturalGradient;

/// <summary>
/// PPO's clipped surrogate without sampling, for a tabular softmax policy: the expectation over
/// s ~ d^pi_old, a ~ pi_old of the per-sample objective of <see cref="Ppo.ClippedSurrogate"/>, with the
/// exact advantages A = A^pi_old:
/// <code>
///   L^CLIP(theta) = 1/(1 - gamma) sum_s d_old(s) sum_a pi_old(a|s) min(r A, clip(r, 1 - eps, 1 + eps) A),
///   r = pi_theta(a|s) / pi_old(a|s)
///   dL^CLIP / d theta_{s,b} = 1/(1 - gamma) d_old(s) sum_a [unclipped] pi_theta(a|s) A(s,a) (1[a = b] - pi_theta(b|s))
/// </code>
/// ([unclipped]: the term min takes is r A, i.e. not A &gt; 0 and r &gt; 1 + eps, nor A &lt; 0 and r &lt; 1 - eps.)
/// At theta = theta_old every r is 1 and the gradient is the exact policy gradient; once a pair's
/// ratio leaves the clip range in the direction its advantage pushes, it stops contributing. This is
/// the first-order stand-in for the trust region: <see cref="Update"/> takes K plain gradient steps
/// on it, as PPO's epochs do on a batch.
/// </summary>
public sealed class ExactClippedSurrogate
{
    private readonly TabularMdp _mdp;
    private readonly TabularPolicy _old;
    private readonly double[] _d;
    private readonly double[,] _advantage;
    private readonly double _gamma;

    /// <summary>L^CLIP around <paramref name="oldTheta"/> [S x A], with clip range <paramref name="clip"/> (epsilon).</summary>
    public ExactClippedSurrogate(TabularMdp mdp, double[,] oldTheta, double gamma, double clip)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        ArgumentNullException.ThrowIfNull(oldTheta);
        CheckShape(mdp, oldTheta, nameof(oldTheta));
        if (!(clip >= 0 && double.IsFinite(clip)))
            throw new ArgumentOutOfRangeException(nameof(clip), clip, "clip (epsilon) must be finite and non-negative.");
        _mdp = mdp;
        _gamma = gamma;
        _old = TabularSoftmax.Policy(oldTheta);
        _d = DiscountedStateDistribution.Compute(mdp, _old, gamma);
        _advantage = PolicyEvaluation.Exact(mdp, _old, gamma).A;
        Clip = clip;
    }

    /// <summary>epsilon.</summary>
    public double Clip { get; }

    /// <summary>L^CLIP at <paramref name="theta"/>.</summary>
    public double Objective(double[,] theta)
    {
        var policy = Policy(theta);
        double sum = 0.0;
        for (int s = 0; s < _mdp.StateCount; s++)
            for (int a = 0; a < _mdp.ActionCount; a++)
            {
                double p = _old.Probability(s, a);
                if (_d[s] == 0 || p == 0) continue;
                double r = policy.Probability(s, a) / p, adv = _advantage[s, a];
                sum += _d[s] * p * Math.Min(r * adv, Math.Clamp(r, 1 - Clip, 1 + Clip) * adv);
            }
        return sum / (1 - _gamma);
    }

    /// <summary>dL^CLIP / d theta [S x A] at <paramref name="theta"/> (0 on the clipped pairs).</summary>
    public double[,] Gradient(double[,] theta)
    {
        var policy = Policy(theta);
        var gradient = new double[_mdp.StateCount, _mdp.ActionCount];
        for (int s = 0; s < _mdp.StateCount; s++)
        {
            if (_d[s] == 0) continue;
            for (int a = 0; a < _mdp.ActionCount; a++)
            {
                double p = _old.Probability(s, a), adv = _advantage[s, a];
                if (p == 0) continue;
                double r = policy.Probability(s, a) / p;
                bool clipped = (adv > 0 && r > 1 + Clip) || (adv < 0 && r < 1 - Clip);
                if (clipped) continue;
                double scale = _d[s] * policy.Probability(s, a) * adv / (1 - _gamma);
                for (int b = 0; b < _mdp.ActionCount; b++)
                    gradient[s, b] += scale * ((a == b ? 1.0 : 0.0) - policy.Probability(s, b));
            }
        }
        return gradient;
    }

    /// <summary>
    /// One PPO-style update from <paramref name="theta"/> (= theta_old), in place: K =
    /// <paramref name="epochs"/> steps theta += alpha grad L^CLIP(theta), alpha = <paramref name="learningRate"/>.
    /// </summary>
    public static void Update(TabularMdp mdp, double[,] theta, double gamma, double clip, double learningRate, int epochs)
    {
        if (!(learningRate > 0 && double.IsFinite(learningRate)))
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "learningRate must be a positive finite number.");
        Guard.AtLeast(epochs, 1, nameof(epochs));
        var surrogate = new ExactClippedSurrogate(mdp, theta, gamma, clip);
        for (int k = 0; k < epochs; k++)
        {
            var g = surrogate.Gradient(theta);
            for (int s = 0; s < mdp.StateCount; s++)
                for (int a = 0; a < mdp.ActionCount; a++) theta[s, a] += learningRate * g[s, a];
        }
    }

    private TabularPolicy Policy(double[,] theta)
    {
        ArgumentNullException.ThrowIfNull(theta);
        CheckShape(_mdp, theta, nameof(theta));
        return TabularSoftmax.Policy(theta);
    }

    /// <summary>theta must be [S x A] for the MDP.</summary>
    internal static void CheckShape(TabularMdp mdp, double[,] theta, string name)
    {
        if (theta.GetLength(0) != mdp.StateCount || theta.GetLength(1) != mdp.ActionCount)
            throw new ArgumentException($"{name} is {theta.GetLength(0)} x {theta.GetLength(1)}; the MDP needs {mdp.StateCount} x {mdp.ActionCount}.", name);
    }
}
