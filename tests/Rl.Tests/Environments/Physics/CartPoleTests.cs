using Rl.Environments;
using Rl.Random;

namespace Rl.Tests.Environments.Physics;

public class CartPoleTests
{
    // The test's own copies of Gymnasium's numbers, so a wrong constant in CartPole cannot hide.
    private const double G = 9.8, Mc = 1.0, Mp = 0.1, L = 0.5, F = 10.0, Tau = 0.02;
    private static readonly double ThetaThreshold = 12 * 2 * Math.PI / 360;

    [Fact]
    public void Step_FromRestUpright_PushRight_MatchesHandEvaluatedFractions()
    {
        // sin 0 = 0, cos 0 = 1, M = m_c + m_p = 11/10:
        //   temp     = F / M = 100/11
        //   thetaacc = -temp / (l (4/3 - m_p / M)) = -(100/11) / (1/2 * 41/33) = -6600/451
        //   xacc     = temp - m_p l thetaacc / M  = 100/11 + 300/451 = 4400/451
        // Euler from rest: x and theta stay 0, x_dot = tau xacc = 88/451, theta_dot = tau thetaacc = -132/451.
        var env = new CartPole { State = new CartPoleState(0, 0, 0, 0) };

        var step = env.Step(1);

        AssertClose([0.0, 88.0 / 451.0, 0.0, -132.0 / 451.0], step.Observation, 1e-15);
        Assert.Equal(1.0, step.Reward);
        Assert.False(step.Terminated);
        Assert.False(step.Truncated);
    }

    [Fact]
    public void Step_FromRestUpright_PushLeft_IsTheMirrorImage()
    {
        var env = new CartPole { State = new CartPoleState(0, 0, 0, 0) };

        var step = env.Step(0);

        AssertClose([0.0, -88.0 / 451.0, 0.0, 132.0 / 451.0], step.Observation, 1e-15);
    }

    [Fact]
    public void Step_FromAnyState_MatchesBartoSuttonAndersonFormOfTheEquations()
    {
        var rng = new Rng(2024);
        for (int n = 0; n < 2000; n++)
        {
            var state = new CartPoleState(
                rng.Uniform(-2.4, 2.4), rng.Uniform(-3, 3), rng.Uniform(-0.2, 0.2), rng.Uniform(-4, 4));
            int action = rng.NextInt(2);
            var env = new CartPole { State = state };

            var step = env.Step(action);

            var expected = ReferenceEulerStep(state, action == 1 ? F : -F);
            AssertClose(expected, step.Observation, 1e-12);
            Assert.Equal(step.Observation, env.State.ToObservation());
        }
    }

    [Fact]
    public void Step_UpdatesPositionFromTheOldVelocity_ExplicitEuler()
    {
        // Semi-implicit Euler would move x by tau * (x_dot + tau * xacc) and theta likewise.
        var env = new CartPole { State = new CartPoleState(0, 1.0, 0, 1.0) };

        var step = env.Step(1);

        Assert.Equal(Tau * 1.0, step.Observation[0]);
        Assert.Equal(Tau * 1.0, step.Observation[2]);
        Assert.NotEqual(1.0, step.Observation[1]);
        Assert.NotEqual(1.0, step.Observation[3]);
    }

    [Fact]
    public void Step_ExactlyAtTheThresholds_DoesNotTerminate()
    {
        // With zero velocity an Euler step leaves x and theta unchanged: x + tau * 0 = x.
        foreach (var state in new[]
                 {
                     new CartPoleState(0, 0, ThetaThreshold, 0), new CartPoleState(0, 0, -ThetaThreshold, 0),
                     new CartPoleState(2.4, 0, 0, 0), new CartPoleState(-2.4, 0, 0, 0),
                 })
        {
            var env = new CartPole { State = state };
            var step = env.Step(1);
            Assert.Equal(state.X, step.Observation[0]);
            Assert.Equal(state.Theta, step.Observation[2]);
            Assert.False(step.Terminated, $"terminated at {state}");
        }
    }

    [Fact]
    public void Step_JustBeyondTheThresholds_TerminatesWithRewardOne()
    {
        foreach (var state in new[]
                 {
                     new CartPoleState(0, 0, Math.BitIncrement(ThetaThreshold), 0),
                     new CartPoleState(0, 0, Math.BitDecrement(-ThetaThreshold), 0),
                     new CartPoleState(Math.BitIncrement(2.4), 0, 0, 0),
                     new CartPoleState(Math.BitDecrement(-2.4), 0, 0, 0),
                 })
        {
            var env = new CartPole { State = state };
            var step = env.Step(0);
            Assert.True(step.Terminated, $"not terminated at {state}");
            Assert.False(step.Truncated);
            Assert.Equal(1.0, step.Reward);
        }
    }

    [Fact]
    public void Step_AfterTermination_ThrowsUntilReset()
    {
        var env = new CartPole { State = new CartPoleState(0, 0, 0.3, 0) };
        Assert.True(env.Step(1).Terminated);

        var error = Assert.Throws<InvalidOperationException>(() => env.Step(1));
        Assert.Contains("Reset", error.Message);

        env.Reset();
        Assert.False(env.Step(1).Terminated);
    }

    [Fact]
    public void Step_BeforeAnyReset_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new CartPole().Step(0));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    public void Step_InvalidAction_ThrowsNamingAction(int action)
    {
        var env = new CartPole();
        env.Reset(0);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => env.Step(action));
        Assert.Equal("action", error.ParamName);
    }

    [Fact]
    public void State_NonFinite_IsRejected()
    {
        var env = new CartPole();
        Assert.Throws<ArgumentException>(() => env.State = new CartPoleState(0, double.NaN, 0, 0));
    }

    [Fact]
    public void Step_ReturnsAFreshObservation_ThatLaterStepsDoNotOverwrite()
    {
        var env = new CartPole();
        var first = env.Reset(1);
        var kept = env.Step(1).Observation;
        var copy = kept.ToArray();

        env.Step(1);

        Assert.Equal(copy, kept);
        Assert.NotSame(first, kept);
    }

    [Fact]
    public void CartPoleV1_BalancedByAController_IsTruncatedAtStep500WithReturn500()
    {
        var env = Gym.Make<int>("CartPole-v1");
        var observation = env.Reset(7);
        double total = 0;
        for (int t = 1; t <= 500; t++)
        {
            var step = env.Step(BalancingController(observation));
            observation = step.Observation;
            total += step.Reward;
            Assert.False(step.Terminated, $"fell at step {t}");
            Assert.Equal(t == 500, step.Truncated);
        }
        Assert.Equal(500.0, total);
    }

    [Fact]
    public void Reset_DrawsEveryStateVariableUniformlyWithinPlusMinus005()
    {
        var env = new CartPole();
        env.Reset(11);
        double[] min = [1, 1, 1, 1], max = [-1, -1, -1, -1];
        for (int n = 0; n < 2000; n++)
        {
            var observation = env.Reset();
            Assert.Equal(observation, env.State.ToObservation());
            for (int k = 0; k < 4; k++)
            {
                Assert.InRange(observation[k], -0.05, 0.05);
                Assert.NotEqual(0.05, observation[k]);
                min[k] = Math.Min(min[k], observation[k]);
                max[k] = Math.Max(max[k], observation[k]);
            }
        }
        for (int k = 0; k < 4; k++)
        {
            Assert.True(min[k] < -0.049, $"component {k} never nears -0.05");
            Assert.True(max[k] > 0.049, $"component {k} never nears 0.05");
        }
    }

    [Fact]
    public void SameSeed_GivesTheSameEpisodeBitForBit_AndAnotherSeedDoesNot()
    {
        var a = RecordEpisode(new CartPole(), seed: 42);
        var b = RecordEpisode(new CartPole(seed: 999), seed: 42);
        var c = RecordEpisode(new CartPole(), seed: 43);

        Assert.Equal(a, b);
        Assert.NotEqual(a[0], c[0]);
    }

    [Fact]
    public void Restore_ReplaysTheSameStepsAndTheSameNextReset()
    {
        var env = new CartPole();
        env.Reset(5);
        env.Step(1);
        env.Step(0);
        var snapshot = env.Snapshot();

        var first = ContinueAndReset(env);
        env.Restore(snapshot);
        var second = ContinueAndReset(env);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Restore_OfATerminatedEpisode_KeepsItTerminated()
    {
        var env = new CartPole { State = new CartPoleState(0, 0, 0.3, 0) };
        env.Step(1);
        var terminated = env.Snapshot();
        env.Reset(3);

        env.Restore(terminated);

        Assert.Throws<InvalidOperationException>(() => env.Step(1));
    }

    [Fact]
    public void Restore_AnotherEnvironmentsSnapshot_Throws()
    {
        var env = new CartPole();
        var error = Assert.Throws<ArgumentException>(() => env.Restore(new Pendulum().Snapshot()));
        Assert.Equal("snapshot", error.ParamName);
    }

    [Fact]
    public void Reseed_ChangesTheNextResetButNotTheState()
    {
        var env = new CartPole();
        env.Reset(1);
        var state = env.State;

        env.Reseed(77);

        Assert.Equal(state, env.State);
        Assert.Equal(new CartPole().Reset(77), env.Reset());
    }

    /// <summary>
    /// Barto, Sutton and Anderson's (1983) form, written apart from CartPole's code:
    /// thetaacc = (g sin + cos (-F - m_p l w^2 sin) / M) / (l (4/3 - m_p cos^2 / M)),
    /// xacc = (F + m_p l (w^2 sin - thetaacc cos)) / M, then s' = s + tau ds/dt(s).
    /// </summary>
    private static double[] ReferenceEulerStep(CartPoleState s, double force)
    {
        double m = Mc + Mp, sin = Math.Sin(s.Theta), cos = Math.Cos(s.Theta), w2 = s.ThetaDot * s.ThetaDot;
        double thetaAcc = (G * sin + cos * (-force - Mp * L * w2 * sin) / m) / (L * (4.0 / 3.0 - Mp * cos * cos / m));
        double xAcc = (force + Mp * L * (w2 * sin - thetaAcc * cos)) / m;
        double[] state = [s.X, s.XDot, s.Theta, s.ThetaDot];
        double[] derivative = [s.XDot, xAcc, s.ThetaDot, thetaAcc];
        for (int k = 0; k < 4; k++) state[k] += Tau * derivative[k];
        return state;
    }

    /// <summary>A linear state feedback that keeps the pole up and the cart on the track for 500 steps.</summary>
    private static int BalancingController(double[] o) => 1.0 * o[0] + 1.5 * o[1] + 18 * o[2] + 3 * o[3] > 0 ? 1 : 0;

    /// <summary>Every observation and reward of an episode under fixed pseudo-random actions, as raw bits.</summary>
    private static List<long> RecordEpisode(CartPole env, ulong seed)
    {
        var actions = new Rng(123);
        var bits = new List<long>();
        bits.AddRange(env.Reset(seed).Select(BitConverter.DoubleToInt64Bits));
        while (true)
        {
            var step = env.Step(actions.NextInt(2));
            bits.AddRange(step.Observation.Select(BitConverter.DoubleToInt64Bits));
            bits.Add(BitConverter.DoubleToInt64Bits(step.Reward));
            if (step.Terminated) return bits;
        }
    }

    /// <summary>Ten fixed steps, then a reset (which draws from the restored generator).</summary>
    private static List<double> ContinueAndReset(CartPole env)
    {
        var values = new List<double>();
        for (int t = 0; t < 10; t++) values.AddRange(env.Step(t % 3 == 0 ? 0 : 1).Observation);
        values.AddRange(env.Reset());
        return values;
    }

    private static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int k = 0; k < expected.Length; k++)
            Assert.True(Math.Abs(expected[k] - actual[k]) <= tolerance,
                $"component {k}: expected {expected[k]:R}, got {actual[k]:R}");
    }
}
