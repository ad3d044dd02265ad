namespace Rl.Tabular;

/// <summary>
/// The exact values of a policy pi in a finite MDP, from <see cref="PolicyEvaluation.Exact"/>:
/// the ground truth that sampled estimates (Monte Carlo, regression, n-step, GAE) are measured against.
/// </summary>
/// <param name="V">V^pi(s), length S; 0 on terminal states.</param>
/// <param name="Q">Q^pi(s, a), shape S x A; 0 on terminal states.</param>
/// <param name="A">A^pi(s, a) = Q^pi(s, a) - V^pi(s), shape S x A; sum_a pi(a | s) A^pi(s, a) = 0.</param>
public sealed record PolicyValues(double[] V, double[,] Q, double[,] A);
