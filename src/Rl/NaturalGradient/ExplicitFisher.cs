using MathNet.Numerics.LinearAlgebra;
using Rl.Ppo;

namespace Rl.NaturalGradient;

/// <summary>
/// The Fisher matrix of the policy over a batch of B states, formed explicitly (P x P: only for
/// small networks, as a reference for <see cref="FisherVectorProduct"/> and for teaching):
/// <code>
///   F = (1/B) sum_i G_i^T M_i G_i
/// </code>
/// G_i = d(distribution parameters of s_i) / d theta: the actor's Jacobian J_i (one backward pass per
/// output, independent of the R-operator) beside the identity on the head's own parameters; M_i
/// the distribution's Fisher (<see cref="DistributionFisher.Matrix"/>). Also the empirical Fisher.
/// </summary>
public static class ExplicitFisher
{
    /// <summary>F at <paramref name="agent"/>'s current theta on the states <paramref name="observations"/> [B x obs].</summary>
    public static Matrix<double> Compute(ActorCritic agent, ReadOnlySpan<double> observations, int batch)
    {
        ArgumentNullException.ThrowIfNull(agent);
        Guard.AtLeast(batch, 1, nameof(batch));
        int obs = agent.Actor.InputSize, outputs = agent.Head.OutputSize, h = agent.Head.Parameters.Length;
        int actorCount = agent.Actor.ParameterCount, count = actorCount + h;
        Guard.Length(observations.Length, batch * obs, nameof(observations), "[B x observation size]");
        var fisher = Matrix<double>.Build.Dense(count, count);
        var unit = new double[outputs];
        for (int i = 0; i < batch; i++)
        {
            var g = Matrix<double>.Build.Dense(outputs + h, count);
            var row = agent.Actor.Forward(observations.Slice(i * obs, obs), 1).ToArray();
            for (int k = 0; k < outputs; k++)                       // row k of J_i: backward of e_k
            {
                Array.Clear(unit);
                unit[k] = 1.0;
                agent.Actor.ZeroGradients();
                agent.Actor.Backward(unit);
                for (int p = 0; p < actorCount; p++) g[k, p] = agent.Actor.Gradients[p];
            }
            for (int j = 0; j < h; j++) g[outputs + j, actorCount + j] = 1.0;
            var m = DistributionFisher.Matrix(agent.Head, row, agent.Head.Parameters);
            fisher += g.TransposeThisAndMultiply(m * g);
        }
        return fisher / batch;
    }

    /// <summary>
    /// The empirical Fisher over B samples (s_i, a_i), from the scores of the actions taken rather
    /// than an expectation over actions:
    /// <code>
    ///   F_emp = (1/B) sum_i grad log pi(a_i | s_i) grad log pi(a_i | s_i)^T
    /// </code>
    /// An unbiased estimate of F when a_i ~ pi(. | s_i), but noisy and of rank at most B.
    /// </summary>
    public static Matrix<double> Empirical(ActorCritic agent, ReadOnlySpan<double> observations, ReadOnlySpan<double> actions, int batch)
    {
        ArgumentNullException.ThrowIfNull(agent);
        Guard.AtLeast(batch, 1, nameof(batch));
        int obs = agent.Actor.InputSize, act = agent.Head.ActionSize, count = PolicyParameters.Count(agent);
        Guard.Length(observations.Length, batch * obs, nameof(observations), "[B x observation size]");
        Guard.Length(actions.Length, batch * act, nameof(actions), "[B x action size]");
        var fisher = Matrix<double>.Build.Dense(count, count);
        for (int i = 0; i < batch; i++)
        {
            var s = Vector<double>.Build.DenseOfArray(Score.Compute(agent, observations.Slice(i * obs, obs), actions.Slice(i * act, act)));
            fisher += s.OuterProduct(s);
        }
        return fisher / batch;
    }
}
