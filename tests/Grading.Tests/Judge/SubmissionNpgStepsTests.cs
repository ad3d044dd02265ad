using System.Reflection;
using PpoGae.Tests;
using Rl.Environments;
using Rl.Grading.Worker;
using Rl.NaturalGradient;
using Rl.Ppo;
using Rl.Random;

namespace Rl.Grading.Tests.Judge;

/// <summary>The judge's NPG actor update (test 14.1): the library's step with the reference, and no step outside the trust region.</summary>
public sealed class SubmissionNpgStepsTests
{
    private const int Batch = 256;

    /// <summary>A 16-unit CartPole policy and a batch of states, actions, their log-probabilities and advantages.</summary>
    private static (ActorCritic Agent, double[] Observations, double[] Actions, double[] LogProbabilities, double[] Advantages) Setup(ulong seed)
    {
        var agent = new ActorCritic(Gym.Spec("CartPole-v1"), [16], new Rng(seed));
        var rng = new Rng(seed + 100);
        var observations = Enumerable.Range(0, Batch * 4).Select(_ => 0.5 * rng.NextGaussian()).ToArray();
        var actions = Enumerable.Range(0, Batch).Select(_ => (double)rng.NextInt(2)).ToArray();
        var advantages = Enumerable.Range(0, Batch).Select(_ => rng.NextGaussian()).ToArray();
        var logp = new double[Batch];
        agent.Head.Evaluate(agent.Actor.Forward(observations, Batch), actions, logp, new double[Batch]);
        return (agent, observations, actions, logp, advantages);
    }

    [Fact]
    public void WithTheReference_TheJudgesUpdateIsTheLibrarysNaturalStep()
    {
        var config = NpgConfig.Npg with { HiddenSizes = [16] };
        var (library, observations, actions, logp, advantages) = Setup(5);
        var (judged, _, _, _, _) = Setup(5);
        var start = PolicyParameters.Get(library);
        var expected = NaturalPolicyUpdate.Step(library, observations, actions, logp, advantages, config);
        var actual = SubmissionNpgSteps.Update(judged, observations, actions, logp, advantages, config);
        // The same step up to the rounding of the explicit F (the library never forms it).
        var after = PolicyParameters.Get(judged);
        var reference = PolicyParameters.Get(library);
        Assert.All(Enumerable.Range(0, after.Length), i => Assert.Equal(reference[i], after[i], 1e-9));
        Assert.Equal(expected.StepSize, actual.StepSize, 1e-9);
        Assert.Equal(expected.Kl, actual.Kl, 1e-9);
        Assert.True(actual.Kl > 0.001 && actual.SurrogateGain > 0, $"KL {actual.Kl}, gain {actual.SurrogateGain}: it did step");
        Assert.NotEqual(start, after);
    }

    [Fact]
    public void AStepOutsideTheTrustRegion_FailsTheTest_AndIsNotTaken()
    {
        var config = NpgConfig.Npg with { HiddenSizes = [16] };
        var (agent, observations, actions, logp, advantages) = Setup(6);
        var start = PolicyParameters.Get(agent);
        var saved = Submission.Current;
        Submission.Current = LongSteps.Create(1.01);
        try
        {
            var error = Assert.ThrowsAny<Exception>(() => SubmissionNpgSteps.Update(agent, observations, actions, logp, advantages, config));
            Assert.Contains("leaves the trust region: (1/2) d^T (F + cI) d = 0.0102", error.Message);
            Assert.Equal(start, PolicyParameters.Get(agent));
            Submission.Current = LongSteps.Create(0.99);   // a step inside the region is taken
            SubmissionNpgSteps.Update(agent, observations, actions, logp, advantages, config);
            Assert.NotEqual(start, PolicyParameters.Get(agent));
        }
        finally
        {
            Submission.Current = saved;
        }
    }

    /// <summary>The reference, with every natural step d scaled by a factor.</summary>
    public class LongSteps : DispatchProxy
    {
        private readonly InProcessSubmission _reference = new();
        private double _factor;

        public static ISubmission Create(double factor)
        {
            var proxy = Create<ISubmission, LongSteps>();
            ((LongSteps)(object)proxy)._factor = factor;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            var result = targetMethod!.Invoke(_reference, args);
            return result is NaturalDirectionOutput direction
                ? direction with { Step = [.. direction.Step.Select(d => d * _factor)] }
                : result;
        }
    }
}
