namespace Rl.Tabular;

/// <summary>An MDP together with the fixed policy pi whose values a notebook or test evaluates.</summary>
/// <param name="Mdp">The dynamics.</param>
/// <param name="Policy">The policy pi, one row per state of <paramref name="Mdp"/>.</param>
public sealed record TabularProblem(TabularMdp Mdp, TabularPolicy Policy);
