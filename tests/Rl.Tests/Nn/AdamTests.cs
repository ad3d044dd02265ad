using Rl.Nn;

namespace Rl.Tests.Nn;

public class AdamTests
{
    [Fact]
    public void FirstStep_MovesEachParameterBy_LrTimesGOverAbsGPlusEps_AboutLrTimesSignG()
    {
        // t = 1: m = 0.1 g, v = 0.001 g^2, mhat = g, vhat = g^2, so p -= lr g / (|g| + eps).
        double[] p = [1.0, -2.0, 0.5, 3.0];
        double[] g = [0.3, -4.0, 1e-3, 0.0];
        var adam = new Adam(4, learningRate: 0.01);
        adam.Step(p, g);
        double[] expected = [1.0 - 0.01 * 0.3 / (0.3 + 1e-5), -2.0 + 0.01 * 4.0 / (4.0 + 1e-5), 0.5 - 0.01 * 1e-3 / (1e-3 + 1e-5), 3.0];
        TestData.AssertEntrywiseClose(expected, p, 1e-14);
        Assert.Equal(1, adam.StepCount);
        Assert.Equal(0.99, p[0], 1e-6);  // about lr sign(g), whatever |g|
        Assert.Equal(-1.99, p[1], 1e-6);
    }

    [Fact]
    public void SecondStep_MatchesTheHandComputedBiasCorrectedMoments()
    {
        double[] p = [1.0, 1.0];
        var adam = new Adam(2, learningRate: 0.1);
        adam.Step(p, [2.0, 0.5]);
        adam.Step(p, [-1.0, 0.5]);
        // Parameter 0: g = 2 then -1.
        //   m2 = 0.9 (0.1 * 2) + 0.1 (-1) = 0.08          mhat = 0.08 / (1 - 0.81) = 0.42105263...
        //   v2 = 0.999 (0.001 * 4) + 0.001 * 1 = 0.004996  vhat = 0.004996 / (1 - 0.998001) = 2.49924962...
        double first = 1.0 - 0.1 * 2 / (2 + 1e-5);
        double expected0 = first - 0.1 * (0.08 / 0.19) / (Math.Sqrt(0.004996 / 0.001999) + 1e-5);
        // Parameter 1: a constant gradient keeps mhat = g and vhat = g^2, so each step is lr g / (|g| + eps).
        double expected1 = 1.0 - 2 * 0.1 * 0.5 / (0.5 + 1e-5);
        TestData.AssertEntrywiseClose([expected0, expected1], p, 1e-13);
        TestData.AssertEntrywiseClose([0.08, 0.19 * 0.5], adam.FirstMoment, 1e-14);
        TestData.AssertEntrywiseClose([0.004996, 0.001999 * 0.25], adam.SecondMoment, 1e-13);
    }

    [Fact]
    public void LearningRate_CanBeChangedBetweenSteps()
    {
        double[] p = [0.0];
        var adam = new Adam(1, learningRate: 0.1);
        adam.Step(p, [1.0]);
        adam.LearningRate = 0.01;
        adam.Step(p, [1.0]);
        Assert.Equal(-(0.1 + 0.01) / (1 + 1e-5), p[0], 1e-15);
    }

    [Fact]
    public void RestoringTheState_ContinuesExactlyAsWithoutInterruption()
    {
        var p = TestData.Gaussian(9, 1);
        var grads = Enumerable.Range(0, 6).Select(i => TestData.Gaussian(9, 10 + (ulong)i)).ToArray();
        var uninterrupted = (double[])p.Clone();
        var adam = new Adam(9, 0.05);
        foreach (var g in grads) adam.Step(uninterrupted, g);

        var resumed = (double[])p.Clone();
        var before = new Adam(9, 0.05);
        for (int i = 0; i < 3; i++) before.Step(resumed, grads[i]);
        var after = new Adam(9, 0.05) { StepCount = before.StepCount };
        before.FirstMoment.CopyTo(after.FirstMoment, 0);
        before.SecondMoment.CopyTo(after.SecondMoment, 0);
        for (int i = 3; i < 6; i++) after.Step(resumed, grads[i]);
        Assert.Equal(uninterrupted, resumed);
    }

    [Fact]
    public void Reset_ForgetsMomentsAndStepCount()
    {
        double[] p = [0.0, 0.0];
        var adam = new Adam(2, 0.1);
        adam.Step(p, [1.0, -1.0]);
        adam.Reset();
        Assert.Equal(0, adam.StepCount);
        Assert.All(adam.FirstMoment, m => Assert.Equal(0.0, m));
        Assert.All(adam.SecondMoment, v => Assert.Equal(0.0, v));
        double[] q = [0.0, 0.0];
        adam.Step(q, [1.0, -1.0]);
        Assert.Equal(p, q); // the same first step again
    }

    [Fact]
    public void BadInput_IsRejected_NamingTheParameter()
    {
        var adam = new Adam(3, 0.1);
        TestData.AssertRejects("learningRate", () => new Adam(3, double.NaN));
        TestData.AssertRejects("learningRate", () => new Adam(3, -0.1));
        TestData.AssertRejects("value", () => adam.LearningRate = double.NaN);
        TestData.AssertRejects("parameterCount", () => new Adam(0, 0.1));
        TestData.AssertRejects("beta1", () => new Adam(3, 0.1, beta1: 1.0));
        TestData.AssertRejects("beta2", () => new Adam(3, 0.1, beta2: double.NaN));
        TestData.AssertRejects("epsilon", () => new Adam(3, 0.1, epsilon: 0.0));
        TestData.AssertRejects("value", () => adam.StepCount = -1);
        TestData.AssertRejects("parameters", () => adam.Step(new double[2], new double[3]));
        TestData.AssertRejects("gradients", () => adam.Step(new double[3], new double[4]));
        Assert.Equal(0.1, adam.LearningRate); // a rejected value leaves the old one
    }
}
