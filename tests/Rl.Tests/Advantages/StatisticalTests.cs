using Rl.Advantages;
using Rl.Environments;
using Rl.Random;
using Rl.Tabular;

namespace Rl.Tests.Advantages;

/// <summary>
/// The lecture's claims about estimators, measured with fixed seeds against the exact A^pi of tabular
/// MDPs: the Monte Carlo estimators are unbiased, the one-rollout one pays in variance, and A^(k)
/// trades bias (shrinking with k) for variance (growing with k).
/// </summary>
public class StatisticalTests
{
    private const double Gamma = 0.9;

    public static TheoryData<string, int, int> StateActions => new()
    {
        { "random walk", 3, RandomWalk.Left },
        { "random walk", 2, RandomWalk.Right },
        { "gridworld", 0, Gridworld.Right },
        { "gridworld", 0, Gridworld.Up },
    };

    private static TabularProblem Problem(string name) => name == "random walk" ? RandomWalk.Create() : Gridworld.Create();

    [Theory, MemberData(nameof(StateActions))]
    public void TwoRolloutEstimate_IsUnbiased(string mdp, int state, int action)
    {
        var (problem, exact, env, snapshot) = Setup(mdp, state);
        var estimate = TwoRolloutAdvantage.Estimate(env, snapshot, state, action, problem.Policy, Gamma, 4000, new Rng(11));
        AssertWithinStandardErrors(exact.A[state, action], estimate, 4.0);
    }

    [Theory, MemberData(nameof(StateActions))]
    public void OneRolloutEstimate_IsUnbiased(string mdp, int state, int action)
    {
        var (problem, exact, env, snapshot) = Setup(mdp, state);
        var estimate = OneRolloutAdvantage.Estimate(env, snapshot, state, action, problem.Policy, Gamma, 8000, new Rng(12));
        AssertWithinStandardErrors(exact.A[state, action], estimate, 4.0);
    }

    [Theory, MemberData(nameof(StateActions))]
    public void OneRolloutEstimate_HasTheLargerVariance_ByTheLecturesMargin(string mdp, int state, int action)
    {
        var (problem, exact, env, snapshot) = Setup(mdp, state);
        var two = TwoRolloutAdvantage.Estimate(env, snapshot, state, action, problem.Policy, Gamma, 4000, new Rng(13));
        var one = OneRolloutAdvantage.Estimate(env, snapshot, state, action, problem.Policy, Gamma, 8000, new Rng(14));
        // Var(Qhat - Vhat) = Var Q + Var V (independent rollouts), while the coin flip gives
        // Var(2 (z Qhat - (1 - z) Vhat)) = 2 Var Q + 2 Var V + (Q + V)^2: at least as large, and
        // larger by (Q + V)^2 + the two-rollout variance itself.
        double q = exact.Q[state, action], v = exact.V[state];
        Assert.True(one.Variance > two.Variance, $"one-rollout variance {one.Variance} should exceed two-rollout {two.Variance}");
        double predicted = 2 * two.Variance + (q + v) * (q + v);
        Assert.InRange(one.Variance, 0.85 * predicted, 1.15 * predicted);
    }

    [Fact]
    public void RestoringAState_ReplaysTheSameRollout_AndReseedingChangesIt()
    {
        var (problem, _, env, snapshot) = Setup("gridworld", 0);
        var rng = new Rng(3);
        var first = Rollout.Run(env, 0, problem.Policy, rng.Clone(), 100);
        env.Restore(snapshot);
        var again = Rollout.Run(env, 0, problem.Policy, rng.Clone(), 100);
        Assert.Equal(first.Observations, again.Observations);
        Assert.Equal(first.Rewards, again.Rewards);
        env.Restore(snapshot);
        env.Reseed(99);
        var fresh = Rollout.Run(env, 0, problem.Policy, rng.Clone(), 100);
        Assert.NotEqual(first.Observations, fresh.Observations);
    }

    [Fact]
    public void NStep_WithAWrongV_BiasShrinksAndVarianceGrowsWithK()
    {
        // V is wrong by +1 on every non-terminal state. For the policy gradient the baseline V(s_h) may be
        // anything, so the target of A^(k)(s, a) is Q^pi(s, a) - Vhat(s); the bias is the bootstrap term's
        // error, gamma^k E[Vhat(s_{h+k}) - V^pi(s_{h+k})] = gamma^k P(not terminated by step k).
        var (problem, exact, env, snapshot) = Setup("random walk", 3);
        const int action = RandomWalk.Right;
        Func<int, double> wrong = s => problem.Mdp.IsTerminal(s) ? 0.0 : exact.V[s] + 1.0;
        double target = exact.Q[3, action] - wrong(3);

        int[] ks = [1, 2, 4, 8, 1000];
        var samples = ks.Select(_ => new List<double>()).ToArray();
        var rng = new Rng(21);
        for (int i = 0; i < 20000; i++)
        {
            env.Restore(snapshot);
            env.Reseed(rng.NextUInt64());
            var trajectory = Rollout.RunFrom(env, 3, action, problem.Policy, rng, maxSteps: 10_000);
            double[] values = trajectory.Values(wrong);
            for (int j = 0; j < ks.Length; j++)
                samples[j].Add(NStep.Compute(trajectory.Rewards, values, Gamma, ks[j])[0]);
        }

        double[] bias = samples.Select(x => Math.Abs(x.Average() - target)).ToArray();
        double[] variance = samples.Select(x => new AdvantageEstimate([.. x]).Variance).ToArray();
        for (int j = 1; j < ks.Length; j++)
        {
            Assert.True(bias[j] < bias[j - 1], $"bias should shrink from k = {ks[j - 1]} to k = {ks[j]}: {bias[j - 1]} -> {bias[j]}");
            Assert.True(variance[j] > variance[j - 1], $"variance should grow from k = {ks[j - 1]} to k = {ks[j]}: {variance[j - 1]} -> {variance[j]}");
        }
        Assert.Equal(Gamma, bias[0], 0.02);        // k = 1: the next state is never terminal from the middle
        Assert.True(bias[^1] < 0.02, $"A^(inf) should be unbiased, bias {bias[^1]}");
    }

    private static (TabularProblem Problem, PolicyValues Exact, TabularEnvironment Env, EnvironmentSnapshot Snapshot) Setup(string mdp, int state)
    {
        var problem = Problem(mdp);
        var exact = PolicyEvaluation.Exact(problem.Mdp, problem.Policy, Gamma);
        var env = new TabularEnvironment(problem.Mdp, seed: 1);
        env.ResetTo(state);
        return (problem, exact, env, env.Snapshot());
    }

    private static void AssertWithinStandardErrors(double exact, AdvantageEstimate estimate, double errors) =>
        Assert.True(Math.Abs(estimate.Mean - exact) <= errors * estimate.StandardError,
            $"estimate {estimate.Mean} +- {estimate.StandardError} is more than {errors} standard errors from the exact A^pi = {exact}");
}
