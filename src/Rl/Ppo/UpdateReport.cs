namespace Rl.Ppo;

/// <summary>
/// What PPO reports after each update, the debug metrics of CleanRL's logs. Losses, entropy, KL and
/// clip fraction are means over the update's minibatches.
/// </summary>
/// <param name="Update">t + 1, counting from 1.</param>
/// <param name="Steps">Environment steps so far (all environments).</param>
/// <param name="LearningRate">Adam's learning rate used in this update (after annealing).</param>
/// <param name="PolicyLoss">l_pi, the clipped surrogate loss.</param>
/// <param name="ValueLoss">l_V, half the mean squared error of V (clipped if configured).</param>
/// <param name="Entropy">Mean entropy of pi_theta on the minibatches: falls as the policy commits.</param>
/// <param name="ApproxKl">The k3 estimate of KL(pi_old || pi_new): how far an update moved the policy.
/// Values well above 0.02 mean the updates are too large.</param>
/// <param name="ClipFraction">Fraction of samples whose ratio was clipped: how often the trust region bit.</param>
/// <param name="ExplainedVariance">1 - Var(y - V)/Var(y) of the critic on this rollout: 1 is perfect,
/// 0 no better than a constant, negative worse.</param>
/// <param name="Epochs">Epochs run (fewer than configured if the target KL stopped the update).</param>
/// <param name="EpisodeReturns">Undiscounted returns of the episodes that ended during this rollout.</param>
/// <param name="StepsPerSecond">Environment steps per second since training started.</param>
public sealed record UpdateReport(
    int Update, long Steps, double LearningRate,
    double PolicyLoss, double ValueLoss, double Entropy, double ApproxKl, double ClipFraction, double ExplainedVariance,
    int Epochs, IReadOnlyList<double> EpisodeReturns, double StepsPerSecond) : ITrainingReport;
