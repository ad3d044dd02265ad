using Rl.Ppo;

namespace Rl.Grading.Worker;

/// <summary>The arguments of <see cref="ISubmission.BatchedGae"/>; see <c>Rl.Advantages.BatchedGae.Compute</c> for each.</summary>
public sealed record BatchedGaeInput(
    double[] Rewards, double[] Values, bool[] Terminated, bool[] Truncated,
    double[] TruncationValues, double[] LastValues, double Gamma, double Lambda);

/// <summary>What <c>Rl.Ppo.ClippedSurrogate.Compute</c> returns and writes.</summary>
public sealed record SurrogateOutput(double Loss, double[] Gradient, double ClipFraction, double ApproxKl);

/// <summary>What <c>Rl.Ppo.ValueLoss.Compute</c> returns and writes.</summary>
public sealed record ValueLossOutput(double Loss, double[] Gradient);

/// <summary>The parameters of an actor-critic: actor, critic and the action head's own (the Gaussian's log-std).</summary>
public sealed record AgentParameters(string EnvironmentId, int[] HiddenSizes, double[] Actor, double[] Critic, double[] Head);

/// <summary>One minibatch: [B x obs] observations, [B x act] actions, and [B] of the rest.</summary>
public sealed record MinibatchData(
    double[] Observations, double[] Actions, double[] OldLogProbabilities,
    double[] Advantages, double[] Targets, double[] OldValues);

/// <summary>The arguments of <see cref="ISubmission.UpdateSteps"/>.</summary>
public sealed record UpdateStepInput(AgentParameters Agent, PpoConfig Config, MinibatchData[] Minibatches);

/// <summary>The losses of one update step.</summary>
public sealed record StepLosses(double PolicyLoss, double ValueLoss, double Entropy, double ApproxKl, double ClipFraction);

/// <summary>After each step: the parameters, and the losses that step reported.</summary>
public sealed record UpdateStepOutput(AgentParameters[] Parameters, StepLosses[] Losses);

/// <summary>
/// The arguments of <see cref="ISubmission.OneRolloutSamples"/>: a tabular problem by name
/// ("random walk" or "gridworld", built with their defaults), a start state and action, and the
/// estimator's gamma, repetitions and seed (the environment and the estimator's Rng both use it).
/// </summary>
public sealed record OneRolloutInput(string Problem, int State, int Action, double Gamma, int Repetitions, ulong Seed);

/// <summary>What <c>Rl.NaturalGradient.ConjugateGradient.Solve</c> returns: x and ||r_k|| for k = 0 .. iterations taken.</summary>
public sealed record ConjugateGradientOutput(double[] Solution, double[] ResidualNorms);

/// <summary>What <c>Rl.NaturalGradient.NaturalPolicyUpdate.Direction</c> returns: d = eta x, eta, CG's relative residual and products.</summary>
public sealed record NaturalDirectionOutput(double[] Step, double StepSize, double ConjugateGradientResidual, int ConjugateGradientIterations);
