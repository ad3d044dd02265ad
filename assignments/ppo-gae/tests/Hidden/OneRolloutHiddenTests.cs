using Rl.Advantages;
using Rl.Grading.Worker;
using Rl.Random;
using Rl.Tabular;

namespace PpoGae.Tests;

/// <summary>Extra credit, hidden: the one-rollout (z) estimator is unbiased and has the lecture's variance.</summary>
public class OneRolloutHiddenTests
{
    private const double Gamma = 0.9;
    private const int State = 3, Action = RandomWalk.Left, Repetitions = 8000;

    [Graded("EC.1", 5, "OneRolloutAdvantage.Estimate: unbiased, with the lecture's variance", Visibility = GradedVisibility.AfterPublished, ExtraCredit = true)]
    public void OneRollout_IsUnbiased_WithTheLecturesVariance()
    {
        var problem = RandomWalk.Create();
        var exact = PolicyEvaluation.Exact(problem.Mdp, problem.Policy, Gamma);
        double a = exact.A[State, Action], q = exact.Q[State, Action], v = exact.V[State];
        var samples = Submission.Current.OneRolloutSamples(new OneRolloutInput("random walk", State, Action, Gamma, Repetitions, 20_251));
        Expect.That(samples.Length == Repetitions, $"OneRolloutAdvantage.Estimate returned {samples.Length} samples, expected {Repetitions}.");

        // Every sample is 2 Qhat or -2 Vhat; on the random walk a return is 0 (left end) or
        // gamma^(T-1) (right end reached after T steps), so |sample| / 2 is 0 or a power of 0.9.
        static bool PowerOfGamma(double x) => x == 0 || Math.Abs(Math.Round(Math.Log(x) / Math.Log(Gamma)) - Math.Log(x) / Math.Log(Gamma)) < 1e-6;
        int odd = Array.FindIndex(samples, x => !PowerOfGamma(Math.Abs(x) / 2));
        if (odd >= 0)
            Expect.That(false, $"sample {odd} is {Expect.Show(samples[odd])}: it should be 2 Qhat or -2 Vhat, twice a discounted return (0 or 0.9^k here)." +
                (PowerOfGamma(Math.Abs(samples[odd])) ? " Likely mistake: the factor 2 is missing (the sample is 2 (z Qhat - (1 - z) Vhat))." : ""));

        var estimate = new AdvantageEstimate(samples);
        double errors = Math.Abs(estimate.Mean - a) / estimate.StandardError;
        string hint = Math.Abs(estimate.Mean - a / 2) <= 4 * estimate.StandardError
            ? " Likely mistake: the factor 2 is missing (E[z Q - (1 - z) V] = A / 2)."
            : Math.Abs(estimate.Mean - (q + v)) <= 4 * estimate.StandardError
                ? " Likely mistake: the Vhat sample is not negated (it is 2 (z Qhat - (1 - z) Vhat))." : "";
        Expect.That(errors <= 4, $"the mean of the samples, {estimate.Mean:F4} +- {estimate.StandardError:F4}, is {errors:F1} standard errors " +
            $"from the exact A^pi = {a:F4} (at most 4 allowed): the estimator is biased.{hint}");

        // Var(2 (z Qhat - (1 - z) Vhat)) = 2 Var Q + 2 Var V + (Q + V)^2; Var Q + Var V is the
        // variance of the two-rollout estimator Qhat - Vhat (independent rollouts), measured here.
        var environment = new TabularEnvironment(problem.Mdp, seed: 1);
        environment.ResetTo(State);
        var two = TwoRolloutAdvantage.Estimate(environment, environment.Snapshot(), State, Action, problem.Policy, Gamma, 20_000, new Rng(20_252));
        double predicted = 2 * two.Variance + (q + v) * (q + v);
        Expect.That(Math.Abs(estimate.Variance / predicted - 1) <= 0.15,
            $"the samples' variance is {estimate.Variance:F4}; the lecture's 2 Var Q + 2 Var V + (Q + V)^2 is {predicted:F4} (15% allowed). " +
            "Each sample must come from one rollout, chosen by a fair coin z.");
    }
}
