namespace Rl.Ppo;

/// <summary>
/// The steps of a PPO iteration that the assignment has students write, as <see cref="PpoTrainer"/>
/// calls them: steps 2-3 (advantages and value targets of the rollout) and step 6 (one update on a
/// minibatch). The trainer keeps everything else: the networks, the environments, sampling,
/// shuffling and the learning-rate schedule. The library's own steps are <see cref="PpoSteps.Library"/>;
/// the autograder passes its own, which call the student's functions and keep the parameters.
/// </summary>
public interface IPpoSteps
{
    /// <summary>Steps 2-3: fills <c>buffer.Advantages</c> with A^gae and <c>buffer.Targets</c> with y = A^gae + V.</summary>
    void EstimateAdvantagesAndTargets(RolloutBuffer buffer, PpoConfig config);

    /// <summary>Step 6: one update of the trainer's networks on <paramref name="batch"/> at learning rate alpha; the losses before it.</summary>
    PpoLosses Update(Minibatch batch, PpoConfig config, double learningRate);
}

/// <summary>The library's <see cref="IPpoSteps"/>.</summary>
public static class PpoSteps
{
    /// <summary>BatchedGae and ValueTargets, then <see cref="PpoUpdate.Step"/> (Adam moments kept from step to step) on <paramref name="agent"/>.</summary>
    public static IPpoSteps Library(ActorCritic agent, PpoConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new LibrarySteps(new PpoUpdate(agent, config.LearningRate));
    }

    private sealed class LibrarySteps(PpoUpdate update) : IPpoSteps
    {
        public void EstimateAdvantagesAndTargets(RolloutBuffer buffer, PpoConfig config) =>
            RolloutCollector.EstimateAdvantagesAndTargets(buffer, config.Gamma, config.Lambda);

        public PpoLosses Update(Minibatch batch, PpoConfig config, double learningRate)
        {
            update.LearningRate = learningRate;
            return update.Step(batch, config);
        }
    }
}
