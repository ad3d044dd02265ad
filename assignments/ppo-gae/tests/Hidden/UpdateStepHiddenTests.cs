using Rl.Advantages;
using Rl.Environments;
using Rl.Grading.Worker;
using Rl.Ppo;
using Rl.Random;

namespace PpoGae.Tests;

/// <summary>Task 8, hidden: three PPO update steps on minibatches of a real CartPole rollout, against the reference.</summary>
public class UpdateStepHiddenTests
{
    private const int Minibatches = 3, MinibatchSize = 64;

    [Graded("8.2", 6, "PpoUpdate.Step: parameters after 3 steps vs reference", Visibility = GradedVisibility.AfterPublished)]
    public void UpdateSteps_ThreeMinibatches_MatchTheReference()
    {
        var config = PpoConfig.CartPole; // advantages normalised, value loss clipped, eps 0.2, max norm 0.5
        var input = Rollout(config, new Rng(8202));
        var expected = Reference(input);
        var actual = Submission.Current.UpdateSteps(input);
        Expect.That(actual.Parameters.Length == Minibatches && actual.Losses.Length == Minibatches,
            $"PpoUpdate.Step on {Minibatches} minibatches returned {actual.Parameters.Length} parameter sets and {actual.Losses.Length} losses, expected {Minibatches} of each.");

        var variants = Variants(input);
        for (int step = 0; step < Minibatches; step++)
        {
            string at = $"step {step + 1} of {Minibatches}";
            CheckLosses(actual.Losses[step], expected.Losses[step], at, variants.Select(v => (v.Description, v.Output.Losses[step])).ToList());
            var (got, want) = (actual.Parameters[step], expected.Parameters[step]);
            Expect.Near(got.Actor, want.Actor, $"PpoUpdate.Step actor parameters after {at}",
                [.. variants.Select(v => new Mistake(v.Description, v.Output.Parameters[step].Actor))]);
            Expect.Near(got.Critic, want.Critic, $"PpoUpdate.Step critic parameters after {at}",
                [.. variants.Select(v => new Mistake(v.Description, v.Output.Parameters[step].Critic))]);
            Expect.Near(got.Head, want.Head, $"PpoUpdate.Step head parameters after {at}");
        }
    }

    private static void CheckLosses(StepLosses actual, StepLosses expected, string at, List<(string Description, StepLosses Losses)> variants)
    {
        Mistake[] Of(Func<StepLosses, double> field) => [.. variants.Select(v => new Mistake(v.Description, field(v.Losses)))];
        Expect.Near(actual.PolicyLoss, expected.PolicyLoss, $"PpoUpdate.Step policy loss at {at}", Of(l => l.PolicyLoss));
        Expect.Near(actual.ValueLoss, expected.ValueLoss, $"PpoUpdate.Step value loss at {at}",
            [new("the 1/2 factor of the value loss is missing", 2 * expected.ValueLoss),
             new("the 1/2 factor of the value loss is applied twice", 0.5 * expected.ValueLoss), .. Of(l => l.ValueLoss)]);
        Expect.Near(actual.Entropy, expected.Entropy, $"PpoUpdate.Step entropy at {at}");
        Expect.Near(actual.ApproxKl, expected.ApproxKl, $"PpoUpdate.Step approximate KL at {at}");
        Expect.Near(actual.ClipFraction, expected.ClipFraction, $"PpoUpdate.Step clip fraction at {at}");
    }

    private static UpdateStepOutput Reference(UpdateStepInput input) => new InProcessSubmission().UpdateSteps(input);

    /// <summary>The reference run on inputs that reproduce each likely mistake.</summary>
    private static List<(string Description, UpdateStepOutput Output)> Variants(UpdateStepInput input)
    {
        var config = input.Config;
        // All minibatches' advantages normalised together, as one set.
        var all = input.Minibatches.SelectMany(b => b.Advantages).ToArray();
        AdvantageNormalization.Normalize(all);
        var together = input.Minibatches.Select((b, i) => b with { Advantages = all[(i * MinibatchSize)..((i + 1) * MinibatchSize)] }).ToArray();
        var negated = input.Minibatches.Select(b => b with { Advantages = [.. b.Advantages.Select(a => -a)] }).ToArray();
        (string, UpdateStepInput)[] cases =
        [
            ("the advantages are not normalised in the update (PpoLoss must normalise each minibatch when config.NormalizeAdvantages)",
                input with { Config = config with { NormalizeAdvantages = false } }),
            ("the advantages are normalised over all minibatches together; normalise within each minibatch",
                input with { Config = config with { NormalizeAdvantages = false }, Minibatches = together }),
            ("the policy loss has the wrong sign", input with { Minibatches = negated }),
            ("the value loss is not clipped (config.ClipValueLoss is set)", input with { Config = config with { ClipValueLoss = false } }),
            ("the value loss gradient is not scaled by c_1 = config.ValueCoefficient (or lacks the 1/2)",
                input with { Config = config with { ValueCoefficient = 2 * config.ValueCoefficient } }),
            ("the value loss gradient is scaled by c_1 twice (or the 1/2 is applied twice)",
                input with { Config = config with { ValueCoefficient = config.ValueCoefficient * config.ValueCoefficient } }),
            ("the entropy bonus has the wrong sign: the loss is l_pi - c_2 H + c_1 l_V",
                input with { Config = config with { EntropyCoefficient = -config.EntropyCoefficient } }),
            ("the entropy bonus is missing", input with { Config = config with { EntropyCoefficient = 0 } }),
            ("the gradient's global norm is not clipped to config.MaxGradientNorm",
                input with { Config = config with { MaxGradientNorm = double.PositiveInfinity } }),
        ];
        return [.. cases.Select(c => (c.Item1, Reference(c.Item2)))];
    }

    /// <summary>
    /// A seeded CartPole-v1 agent with hidden sizes [64, 64] and 3 minibatches of 64 samples from
    /// its own rollout on 4 environments (shuffled), with GAE advantages and targets. The first
    /// minibatch is as collected (every ratio 1); in the other two the old log-probabilities and old
    /// values are perturbed, as after the policy has moved, so that ratio and value clipping act.
    /// </summary>
    private static UpdateStepInput Rollout(PpoConfig config, Rng rng)
    {
        const int Envs = 4, Steps = Minibatches * MinibatchSize / Envs;
        var spec = Gym.Spec(config.EnvironmentId);
        var agent = new ActorCritic(spec, [64, 64], new Rng(rng.NextUInt64()));
        var environments = Gym.MakeVector<int>(config.EnvironmentId, Envs);
        environments.Reset(rng.NextUInt64());
        int obs = spec.ObservationSize, count = Steps * Envs;
        var observations = new double[count * obs];
        var actions = new double[count];
        var logp = new double[count];
        var values = new double[count];
        var rewards = new double[count];
        var terminated = new bool[count];
        var truncated = new bool[count];
        var truncationValues = new double[count];
        var chosen = new int[Envs];
        var action = new double[1];
        for (int t = 0; t < Steps; t++)
        {
            for (int e = 0; e < Envs; e++)
            {
                int i = t * Envs + e;
                var observation = environments.Observation(e);
                observation.CopyTo(observations.AsSpan(i * obs, obs));
                var logits = agent.Actor.Forward(observation, 1).ToArray();
                logp[i] = agent.Head.Sample(logits, rng, action);
                actions[i] = action[0];
                chosen[e] = (int)action[0];
                values[i] = agent.Value(observation);
            }
            environments.Step(chosen);
            for (int e = 0; e < Envs; e++)
            {
                int i = t * Envs + e;
                rewards[i] = environments.Rewards[e];
                terminated[i] = environments.Terminated[e];
                truncated[i] = environments.Truncated[e];
                if (truncated[i] && !terminated[i]) truncationValues[i] = agent.Value(environments.FinalObservation(e));
            }
        }
        var lastValues = Enumerable.Range(0, Envs).Select(e => agent.Value(environments.Observation(e))).ToArray();
        var advantages = BatchedGae.Compute(rewards, values, terminated, truncated, truncationValues, lastValues, config.Gamma, config.Lambda);
        var targets = ValueTargets.Compute(advantages, values);

        var order = Enumerable.Range(0, count).ToArray();
        for (int i = count - 1; i > 0; i--)
        {
            int j = rng.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        var minibatches = new MinibatchData[Minibatches];
        for (int b = 0; b < Minibatches; b++)
        {
            var rows = order[(b * MinibatchSize)..((b + 1) * MinibatchSize)];
            double perturb = b == 0 ? 0.0 : 1.0;
            minibatches[b] = new MinibatchData(
                [.. rows.SelectMany(i => observations[(i * obs)..((i + 1) * obs)])],
                [.. rows.Select(i => actions[i])],
                [.. rows.Select(i => logp[i] + perturb * 0.2 * rng.NextGaussian())],
                [.. rows.Select(i => advantages[i])],
                [.. rows.Select(i => targets[i])],
                [.. rows.Select(i => values[i] + perturb * 0.3 * rng.NextGaussian())]);
        }
        return new UpdateStepInput(InProcessSubmission.Parameters(agent), config, minibatches);
    }
}
