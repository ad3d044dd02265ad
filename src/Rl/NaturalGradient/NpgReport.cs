using Rl.Ppo;

namespace Rl.NaturalGradient;

/// <summary>What NPG or TRPO reports after each iteration: the actor's natural step and the critic's fit.</summary>
/// <param name="Update">t + 1, counting from 1.</param>
/// <param name="Steps">Environment steps so far (all environments).</param>
/// <param name="PolicyStep">The natural step: KL, surrogate gain, step size, CG residual, backtracks.</param>
/// <param name="ValueLoss">l_V, half the mean squared error of V on the last value epoch's minibatches.</param>
/// <param name="ExplainedVariance">1 - Var(y - V)/Var(y) of the critic (before its update) on this rollout.</param>
/// <param name="EpisodeReturns">Undiscounted returns of the episodes that ended during this rollout.</param>
/// <param name="StepsPerSecond">Environment steps per second since training started.</param>
public sealed record NpgReport(int Update, long Steps, NaturalStepReport PolicyStep, double ValueLoss, double ExplainedVariance,
    IReadOnlyList<double> EpisodeReturns, double StepsPerSecond) : ITrainingReport;
