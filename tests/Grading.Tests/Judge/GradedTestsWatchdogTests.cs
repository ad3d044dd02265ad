using Rl.Grading.Judge;
using Rl.Grading.Worker;

namespace Rl.Grading.Tests.Judge;

/// <summary>The watchdog on each graded test, and output attached to the test that printed it.</summary>
public sealed class GradedTestsWatchdogTests
{
    /// <summary>The reference, except that Gae never returns; it records what the judge asks of it as a monitored submission.</summary>
    private sealed class HangingGae : ISubmission, IMonitoredSubmission
    {
        private readonly InProcessSubmission _reference = new();
        private readonly Lock _gate = new();
        private SemaphoreSlim? _waiting;
        public int Interrupts;
        public List<string> Printed = [];
        private int _tests;

        /// <summary>
        /// Waits until the judge interrupts this very call: an interrupt that came before the call
        /// (a test stopped before its thread got here, on a loaded machine) never releases a later one.
        /// </summary>
        public double[] Gae(double[] rewards, double[] values, double gamma, double lambda)
        {
            var released = new SemaphoreSlim(0);
            lock (_gate) _waiting = released;
            released.Wait();
            throw new SubmissionException("interrupted");
        }

        public void BeginTest(DateTime deadline) => _tests++;
        public string TakePrinted() => $"printed during test {_tests}";
        public void Interrupt()
        {
            Interrupts++;
            lock (_gate)
            {
                _waiting?.Release();
                _waiting = null;
            }
        }

        public double[] BellmanErrors(double[] rewards, double[] values, double gamma) => _reference.BellmanErrors(rewards, values, gamma);
        public double[] NStep(double[] rewards, double[] values, double gamma, int k) => _reference.NStep(rewards, values, gamma, k);
        public double[] BatchedGae(BatchedGaeInput input) => _reference.BatchedGae(input);
        public double[] ValueTargets(double[] advantages, double[] values) => _reference.ValueTargets(advantages, values);
        public SurrogateOutput ClippedSurrogate(double[] logProbabilities, double[] oldLogProbabilities, double[] advantages, double clip) =>
            _reference.ClippedSurrogate(logProbabilities, oldLogProbabilities, advantages, clip);
        public ValueLossOutput ValueLoss(double[] values, double[] oldValues, double[] targets, double? clip) => _reference.ValueLoss(values, oldValues, targets, clip);
        public UpdateStepOutput UpdateSteps(UpdateStepInput input) => _reference.UpdateSteps(input);
        public double[] OneRolloutSamples(OneRolloutInput input) => _reference.OneRolloutSamples(input);
        public double[] CategoricalFisherProduct(double[] logits, double[] u, int actions) => _reference.CategoricalFisherProduct(logits, u, actions);
        public ConjugateGradientOutput ConjugateGradient(double[] matrix, double[] b, int iterations, double tolerance) =>
            _reference.ConjugateGradient(matrix, b, iterations, tolerance);
        public double NaturalStepSize(double delta, double curvature) => _reference.NaturalStepSize(delta, curvature);
        public NaturalDirectionOutput NaturalDirection(double[] fisher, double[] gradient, double maxKl, double damping, int iterations, double tolerance) =>
            _reference.NaturalDirection(fisher, gradient, maxKl, damping, iterations, tolerance);
    }

    [Fact]
    public void ATestThatNeverReturns_IsStoppedAtItsLimit_ItsCallInterrupted_AndTheNextTestsRun()
    {
        var submission = new HangingGae();
        var results = GradedTests.Run(submission, DateTime.UtcNow.AddMinutes(5), TimeSpan.FromSeconds(1),
            number => number is "3.1" or "3.2" or "5.1");
        Assert.Equal(["3.1", "3.2", "5.1"], results.Select(r => r.Number));
        Assert.All(results.Take(2), r => Assert.False(r.Passed));
        Assert.All(results.Take(2), r => Assert.Contains("Stopped: the test did not finish within its time limit of 1 s", r.Output));
        Assert.Equal(2, submission.Interrupts);
        Assert.True(results[2].Passed, results[2].Output);
        // Run order: visible 3.1 and 5.1 first, then hidden 3.2; each test gets what was printed during it.
        Assert.EndsWith("printed during test 1", results[0].Output);
        Assert.EndsWith("printed during test 2", results[2].Output);
        Assert.EndsWith("printed during test 3", results[1].Output);
    }

    [Fact]
    public void Cap_CutsAtMaxOutputBytes_NeverInsideACharacter()
    {
        string text = string.Concat(Enumerable.Repeat("€😀", 2000));
        string capped = GradedTests.Cap(text);
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(capped), GradedTests.MaxOutput - 8, GradedTests.MaxOutput);
        Assert.EndsWith(" ... (cut)", capped);
        Assert.DoesNotContain('\uFFFD', capped);
        Assert.False(char.IsHighSurrogate(capped[capped.Length - " ... (cut)".Length - 1]));
    }
}
