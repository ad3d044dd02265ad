using Rl.Tabular;

namespace Rl.Tests.Tabular;

public class PolicyEvaluationTests
{
    public static TheoryData<string, double> ProblemsAndDiscounts()
    {
        var data = new TheoryData<string, double>();
        foreach (string problem in new[] { "random walk", "gridworld" })
            foreach (double gamma in new[] { 0.0, 0.5, 0.9, 0.99, 1.0 })
                data.Add(problem, gamma);
        return data;
    }

    private static TabularProblem Problem(string name) => name == "random walk" ? RandomWalk.Create() : Gridworld.Create();

    /// <summary>
    /// max over non-terminal s of |V(s) - sum_a pi(a|s) sum_s' P(s'|s,a) [r(s,a,s') + gamma V(s')]|, and
    /// max over non-terminal (s, a) of |Q(s,a) - sum_s' P(s'|s,a) [r(s,a,s') + gamma sum_a' pi(a'|s') Q(s',a')]|:
    /// the Bellman equations of V and of Q, each in terms of itself only.
    /// </summary>
    internal static (double V, double Q) BellmanResiduals(TabularProblem problem, PolicyValues values, double gamma)
    {
        var (mdp, pi) = (problem.Mdp, problem.Policy);
        double worstV = 0, worstQ = 0;
        for (int s = 0; s < mdp.StateCount; s++)
        {
            if (mdp.IsTerminal(s)) continue;
            double backupV = 0;
            for (int a = 0; a < mdp.ActionCount; a++)
            {
                double backupQ = 0, backupVGivenA = 0;
                for (int next = 0; next < mdp.StateCount; next++)
                {
                    double p = mdp.Transition(s, a, next), r = mdp.Reward(s, a, next);
                    double nextQ = 0;
                    if (!mdp.IsTerminal(next))
                        for (int b = 0; b < mdp.ActionCount; b++) nextQ += pi.Probability(next, b) * values.Q[next, b];
                    backupQ += p * (r + gamma * nextQ);
                    backupVGivenA += p * (r + gamma * values.V[next]);
                }
                backupV += pi.Probability(s, a) * backupVGivenA;
                worstQ = Math.Max(worstQ, Math.Abs(values.Q[s, a] - backupQ));
            }
            worstV = Math.Max(worstV, Math.Abs(values.V[s] - backupV));
        }
        return (worstV, worstQ);
    }

    [Theory]
    [MemberData(nameof(ProblemsAndDiscounts))]
    public void ExactValues_SatisfyBellmanEquations(string problem, double gamma)
    {
        var p = Problem(problem);
        var (v, q) = BellmanResiduals(p, PolicyEvaluation.Exact(p.Mdp, p.Policy, gamma), gamma);
        Assert.True(v < 1e-12, $"V residual {v}");
        Assert.True(q < 1e-12, $"Q residual {q}");
    }

    [Theory]
    [MemberData(nameof(ProblemsAndDiscounts))]
    public void Advantages_AverageToZeroUnderThePolicy(string problem, double gamma)
    {
        var p = Problem(problem);
        var values = PolicyEvaluation.Exact(p.Mdp, p.Policy, gamma);
        for (int s = 0; s < p.Mdp.StateCount; s++)
        {
            double mean = Enumerable.Range(0, p.Mdp.ActionCount).Sum(a => p.Policy.Probability(s, a) * values.A[s, a]);
            Assert.True(Math.Abs(mean) < 1e-12, $"sum_a pi(a|{s}) A({s},a) = {mean}");
        }
    }

    [Theory]
    [MemberData(nameof(ProblemsAndDiscounts))]
    public void Advantage_IsQMinusV_AndTerminalStatesAreZero(string problem, double gamma)
    {
        var p = Problem(problem);
        var values = PolicyEvaluation.Exact(p.Mdp, p.Policy, gamma);
        for (int s = 0; s < p.Mdp.StateCount; s++)
        {
            if (p.Mdp.IsTerminal(s)) Assert.Equal(0.0, values.V[s]);
            for (int a = 0; a < p.Mdp.ActionCount; a++)
            {
                Assert.Equal(values.Q[s, a] - values.V[s], values.A[s, a]);
                if (p.Mdp.IsTerminal(s)) Assert.Equal(0.0, values.Q[s, a]);
            }
        }
    }

    [Fact]
    public void RandomMdps_SatisfyBellmanEquations_AndZeroMeanAdvantage()
    {
        for (ulong seed = 0; seed < 200; seed++)
        {
            var p = RandomMdps.Create(seed);
            foreach (double gamma in new[] { 0.0, 0.3, 0.9, 0.999 })
            {
                var values = PolicyEvaluation.Exact(p.Mdp, p.Policy, gamma);
                var (v, q) = BellmanResiduals(p, values, gamma);
                Assert.True(v < 1e-9 && q < 1e-9, $"seed {seed}, gamma {gamma}: residuals {v}, {q}");
                for (int s = 0; s < p.Mdp.StateCount; s++)
                {
                    double mean = Enumerable.Range(0, p.Mdp.ActionCount).Sum(a => p.Policy.Probability(s, a) * values.A[s, a]);
                    Assert.True(Math.Abs(mean) < 1e-9, $"seed {seed}, gamma {gamma}, state {s}: {mean}");
                }
            }
        }
    }

    /// <summary>
    /// Independent oracle: pi terminates with probability 1 iff every row of M^n sums to less than 1,
    /// where M = P_pi restricted to the n non-terminal states (a terminal state, if reachable, is
    /// reachable within n steps).
    /// </summary>
    private static bool TerminatesWithProbabilityOne(TabularProblem p)
    {
        var (mdp, pi) = (p.Mdp, p.Policy);
        int[] n = Enumerable.Range(0, mdp.StateCount).Where(s => !mdp.IsTerminal(s)).ToArray();
        var m = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(n.Length, n.Length,
            (i, j) => Enumerable.Range(0, mdp.ActionCount).Sum(a => pi.Probability(n[i], a) * mdp.Transition(n[i], a, n[j])));
        var power = m.Power(n.Length);
        return Enumerable.Range(0, n.Length).All(i => power.Row(i).Sum() < 1 - 1e-12);
    }

    [Fact]
    public void GammaOne_IsSolvedExactlyWhenThePolicyTerminates_AndRejectedOtherwise()
    {
        int solved = 0, rejected = 0;
        for (ulong seed = 0; seed < 1000; seed++)
        {
            var p = RandomMdps.Create(seed);
            if (TerminatesWithProbabilityOne(p))
            {
                var values = PolicyEvaluation.Exact(p.Mdp, p.Policy, 1.0);
                var (v, q) = BellmanResiduals(p, values, 1.0);
                Assert.True(v < 1e-8 && q < 1e-8, $"seed {seed}: residuals {v}, {q}");
                solved++;
            }
            else
            {
                var e = Assert.ThrowsAny<ArgumentException>(() => PolicyEvaluation.Exact(p.Mdp, p.Policy, 1.0));
                Assert.Equal("gamma", e.ParamName);
                rejected++;
            }
        }
        Assert.True(solved > 20 && rejected > 20, $"both cases must be exercised: {solved} solved, {rejected} rejected");
    }

    [Fact]
    public void GammaOne_WithAPolicyThatBumpsIntoTheWallForever_IsRejectedNamingTheState()
    {
        var world = Gridworld.Create(slip: 0.0);
        var alwaysUp = TabularPolicy.SameInEveryState(world.Mdp.StateCount, 1.0, 0.0, 0.0, 0.0);
        var e = Assert.ThrowsAny<ArgumentException>(() => PolicyEvaluation.Exact(world.Mdp, alwaysUp, 1.0));
        Assert.Equal("gamma", e.ParamName);
        Assert.Contains("(0,0)", e.Message);
        Assert.True(PolicyEvaluation.Exact(world.Mdp, alwaysUp, 0.9).V.All(double.IsFinite)); // discounting fixes it
    }

    [Fact]
    public void BadArguments_AreRejected_NamingTheParameter()
    {
        var p = RandomWalk.Create();
        var wrongSize = TabularPolicy.SameInEveryState(3, 0.5, 0.5);
        Assert.Equal("policy", Assert.ThrowsAny<ArgumentException>(() => PolicyEvaluation.Exact(p.Mdp, wrongSize, 0.9)).ParamName);
        Assert.Equal("gamma", Assert.ThrowsAny<ArgumentException>(() => PolicyEvaluation.Exact(p.Mdp, p.Policy, 1.5)).ParamName);
        Assert.Equal("gamma", Assert.ThrowsAny<ArgumentException>(() => PolicyEvaluation.Exact(p.Mdp, p.Policy, double.NaN)).ParamName);
        Assert.Equal("mdp", Assert.ThrowsAny<ArgumentException>(() => PolicyEvaluation.Exact(null!, p.Policy, 0.9)).ParamName);
    }
}
