namespace Rl.Ppo;

/// <summary>
/// An on-policy trainer as its callers see it (the CLI's progress bar and benchmark, a notebook's
/// live chart): it trains an <see cref="ActorCritic"/> and yields one report per iteration.
/// <see cref="PpoTrainer"/> and <see cref="NaturalGradient.NpgTrainer"/> are the two.
/// </summary>
public interface ITrainer
{
    /// <summary>The policy and critic, trained in place.</summary>
    ActorCritic Agent { get; }

    /// <summary>Iterations the run will take.</summary>
    int Updates { get; }

    /// <summary>Environment steps the run will take.</summary>
    long TotalSteps { get; }

    /// <summary>Trains, yielding after each iteration.</summary>
    IEnumerable<ITrainingReport> Run();
}

/// <summary>What every trainer reports after an iteration, whatever else it adds.</summary>
public interface ITrainingReport
{
    /// <summary>t + 1, counting from 1.</summary>
    int Update { get; }

    /// <summary>Environment steps so far (all environments).</summary>
    long Steps { get; }

    /// <summary>Undiscounted returns of the episodes that ended during this rollout.</summary>
    IReadOnlyList<double> EpisodeReturns { get; }

    /// <summary>Environment steps per second since training started.</summary>
    double StepsPerSecond { get; }
}
