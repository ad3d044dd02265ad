using MathNet.Numerics.Statistics;
using Rl.Environments;

namespace Rl.Ppo;

/// <summary>
/// Deterministic evaluation of a trained policy: the most likely action in every state (argmax of
/// the logits, or the Gaussian's mean clipped to the bounds), over a number of episodes with seeds
/// seed, seed + 1, ...
/// </summary>
public static class Evaluation
{
    /// <summary>The undiscounted return of each of <paramref name="episodes"/> episodes.</summary>
    public static EvaluationResult Run(ActorCritic agent, int episodes, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(agent);
        Guard.AtLeast(episodes, 1, nameof(episodes));
        var returns = new double[episodes];
        var action = new double[agent.Head.ActionSize];
        var environment = VectorTask.Create(agent.Spec.Id, 1);
        for (int episode = 0; episode < episodes; episode++)
        {
            environment.Reset(seed + (ulong)episode);
            while (true)
            {
                agent.Act(environment.Observations, action);
                environment.Step(action);
                if (environment.CompletedEpisodes.Length > 0)
                {
                    returns[episode] = environment.CompletedEpisodes[0].Return;
                    break;
                }
            }
        }
        return new EvaluationResult(returns);
    }
}

/// <summary>Returns of the evaluation episodes, with their mean and standard deviation.</summary>
public sealed record EvaluationResult(double[] Returns)
{
    /// <summary>Mean return.</summary>
    public double Mean => Returns.Mean();

    /// <summary>Population standard deviation of the returns (0 for one episode).</summary>
    public double StandardDeviation => Returns.PopulationStandardDeviation();
}
