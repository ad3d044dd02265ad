using Rl.Nn;
using Rl.Ppo;

namespace Rl.NaturalGradient;

/// <summary>
/// The damped Fisher-vector product of the policy at theta_old over a batch of B states, without
/// ever forming F (P x P, 4,610 x 4,610 for CartPole's 64-64 actor):
/// <code>
///   (F + c I) v = (1/B) sum_i J_i^T M_i (J_i v) + c v
/// </code>
/// J_i = d outputs(s_i) / d theta_actor; M_i the action distribution's Fisher in output space
/// (<see cref="DistributionFisher"/>). Three passes over the batch: J v forward-mode
/// (<see cref="Mlp.ForwardTangent"/>, Pearlmutter's R-operator), M row by row, and J^T(.) by the
/// ordinary backward pass. A Gaussian head's log sigma is a parameter of the distribution itself
/// (its J is the identity and it has no cross terms with the mean), so its block is just 2 v.
/// The damping c I makes the system positive definite and shortens steps along directions F
/// barely sees; it is what lets conjugate gradient run on a sampled, nearly singular F.
/// </summary>
public sealed class FisherVectorProduct
{
    private readonly Mlp _actor;        // a snapshot of the actor at theta_old, with the batch cached
    private readonly ActionHead _head;
    private readonly double[] _outputs, _logStd, _tangent, _weighted;
    private readonly int _batch;

    /// <summary>F + c I at <paramref name="agent"/>'s current theta on the states <paramref name="observations"/> [B x obs].</summary>
    public FisherVectorProduct(ActorCritic agent, ReadOnlySpan<double> observations, int batch, double damping)
    {
        ArgumentNullException.ThrowIfNull(agent);
        Guard.AtLeast(batch, 1, nameof(batch));
        if (!(damping >= 0 && double.IsFinite(damping)))
            throw new ArgumentOutOfRangeException(nameof(damping), damping, "damping must be finite and non-negative.");
        _actor = agent.Actor.Clone();
        _head = agent.Head;
        _batch = batch;
        _outputs = _actor.Forward(observations, batch).ToArray();
        _logStd = (double[])agent.Head.Parameters.Clone();
        _tangent = new double[_outputs.Length];
        _weighted = new double[_outputs.Length];
        Damping = damping;
        Dimension = PolicyParameters.Count(agent);
    }

    /// <summary>P, the length of theta.</summary>
    public int Dimension { get; }

    /// <summary>c, added to the diagonal.</summary>
    public double Damping { get; }

    /// <summary>result = (F + c I) v.</summary>
    public void Apply(ReadOnlySpan<double> v, Span<double> result)
    {
        Guard.Length(v.Length, Dimension, nameof(v), "one entry per policy parameter");
        Guard.Length(result.Length, Dimension, nameof(result), "one entry per policy parameter");
        int actorCount = _actor.ParameterCount, width = _head.OutputSize;
        _actor.ForwardTangent(v[..actorCount], _tangent);                                   // J v
        double perSample = 1.0 / _batch;
        for (int i = 0; i < _batch; i++)                                                    // M (J v) / B
        {
            var u = _tangent.AsSpan(i * width, width);
            var w = _weighted.AsSpan(i * width, width);
            if (_head is GaussianHead) DistributionFisher.GaussianMeanProduct(_logStd, u, w);
            else DistributionFisher.CategoricalProduct(_outputs.AsSpan(i * width, width), u, w);
            for (int j = 0; j < width; j++) w[j] *= perSample;
        }
        _actor.ZeroGradients();
        _actor.Backward(_weighted);                                                         // J^T (.)
        _actor.Gradients.CopyTo(result[..actorCount]);
        for (int j = actorCount; j < Dimension; j++) result[j] = DistributionFisher.GaussianLogStd * v[j];
        for (int j = 0; j < Dimension; j++) result[j] += Damping * v[j];
    }
}
