using Rl.Environments;
using Rl.Random;

namespace Rl.Tests.Environments.Physics;

public class PendulumTests
{
    [Fact]
    public void Step_FromHorizontal_MatchesHandComputation()
    {
        // theta = pi/2 (sin 1), at rest, u = 1:
        //   cost       = (pi/2)^2 + 0.1 * 0 + 0.001 * 1
        //   theta_dot' = 0 + (3*10/2 * 1 + 3/1 * 1) * 0.05 = 18 * 0.05 = 0.9
        //   theta'     = pi/2 + 0.9 * 0.05 = pi/2 + 0.045, so cos theta' = -sin 0.045, sin theta' = cos 0.045
        var env = new Pendulum { State = new PendulumState(Math.PI / 2, 0) };

        var step = env.Step([1.0]);

        AssertClose([-Math.Sin(0.045), Math.Cos(0.045), 0.9], step.Observation, 1e-15);
        Assert.Equal(-(Math.PI * Math.PI / 4 + 0.001), step.Reward, 1e-15);
        Assert.Equal(Math.PI / 2 + 0.045, env.State.Theta, 1e-15);
    }

    [Fact]
    public void Step_FromUprightSpinning_MatchesHandComputation()
    {
        // theta = 0, theta_dot = 1, u = -0.5:
        //   cost       = 0 + 0.1 * 1 + 0.001 * 0.25 = 0.10025
        //   theta_dot' = 1 + (15 * 0 + 3 * -0.5) * 0.05 = 0.925;  theta' = 0.925 * 0.05 = 0.04625
        var env = new Pendulum { State = new PendulumState(0, 1) };

        var step = env.Step([-0.5]);

        AssertClose([Math.Cos(0.04625), Math.Sin(0.04625), 0.925], step.Observation, 1e-15);
        Assert.Equal(-0.10025, step.Reward, 1e-15);
    }

    [Theory]
    [InlineData(-3.5, 2.7831853071795862)]
    [InlineData(-7.0, -0.7168146928204138)]
    [InlineData(10.0, -2.5663706143591725)]
    [InlineData(Math.PI, -Math.PI)]
    [InlineData(-Math.PI, -Math.PI)]
    [InlineData(0.5, 0.5)]
    [InlineData(100.0, -0.5309649148733762)] // x - 2 pi floor(...) gives ...3797: only the remainder form is bit-exact
    [InlineData(-100.0, 0.5309649148733833)]
    public void AngleNormalize_EqualsPythonsFlooredModuloBitForBit(double x, double python)
    {
        // python: ((x + math.pi) % (2 * math.pi)) - math.pi, evaluated by CPython 3.
        Assert.Equal(BitConverter.DoubleToInt64Bits(python), BitConverter.DoubleToInt64Bits(Pendulum.AngleNormalize(x)));
    }

    [Fact]
    public void AngleNormalize_WrapsEveryAngleIntoMinusPiPi_ByWholeTurns()
    {
        var rng = new Rng(8);
        for (int n = 0; n < 5000; n++)
        {
            double x = rng.Uniform(-50, 50);
            double wrapped = Pendulum.AngleNormalize(x);
            Assert.InRange(wrapped, -Math.PI, Math.PI);
            double floorForm = x - 2 * Math.PI * Math.Floor((x + Math.PI) / (2 * Math.PI));
            Assert.Equal(floorForm, wrapped, 1e-13);
        }
    }

    [Fact]
    public void Step_CostUsesTheNormalizedAngle()
    {
        // theta = -3.5 is 2 pi - 3.5 = 2.78... from upright; C#'s truncating % would leave it at -3.5 (cost 12.25).
        var env = new Pendulum { State = new PendulumState(-3.5, 0) };

        var step = env.Step([0.0]);

        Assert.Equal(-(2 * Math.PI - 3.5) * (2 * Math.PI - 3.5), step.Reward, 1e-14);
    }

    [Fact]
    public void Step_ClipsTheSpeedAtPlusMinus8()
    {
        // 7.5 + (15 + 3 * 2) * 0.05 = 8.55 -> 8; then theta' = theta + 8 * 0.05.
        var up = new Pendulum { State = new PendulumState(Math.PI / 2, 7.5) };
        var down = new Pendulum { State = new PendulumState(-Math.PI / 2, -7.5) };
        var below = new Pendulum { State = new PendulumState(Math.PI / 2, 6.0) };

        Assert.Equal(8.0, up.Step([2.0]).Observation[2]);
        Assert.Equal(Math.PI / 2 + 0.4, up.State.Theta, 1e-15);
        Assert.Equal(-8.0, down.Step([-2.0]).Observation[2]);
        Assert.Equal(-Math.PI / 2 - 0.4, down.State.Theta, 1e-15);
        Assert.Equal(7.05, below.Step([2.0]).Observation[2], 1e-14);
    }

    [Theory]
    [InlineData(5.0, 2.0)]
    [InlineData(-100.0, -2.0)]
    public void Step_ClipsTheTorqueAt2_InTheDynamicsAndInTheCost(double torque, double clipped)
    {
        var state = new PendulumState(0.3, -0.2);
        var outside = new Pendulum { State = state }.Step([torque]);
        var atBound = new Pendulum { State = state }.Step([clipped]);

        Assert.Equal(atBound.Observation, outside.Observation);
        Assert.Equal(atBound.Reward, outside.Reward);
        Assert.Equal(-(0.09 + 0.1 * 0.04 + 0.001 * 4), outside.Reward, 1e-15);
    }

    [Fact]
    public void Step_RewardIsTheCostOfTheOldStateAndTorque()
    {
        // Old state: 1^2 + 0.1 * 2^2 + 0 = 1.4. The new state (theta' = 1.13..., theta_dot' = 2.63...) costs about 1.97.
        var env = new Pendulum { State = new PendulumState(1.0, 2.0) };

        var step = env.Step([0.0]);

        Assert.Equal(-1.4, step.Reward, 1e-15);
        var next = env.State;
        double newCost = next.Theta * next.Theta + 0.1 * next.ThetaDot * next.ThetaDot;
        Assert.True(Math.Abs(-newCost - step.Reward) > 0.5);
    }

    [Fact]
    public void Step_NeverTerminates_AndKeepsSpeedAndRewardInRange()
    {
        var env = new Pendulum();
        env.Reset(4);
        var torques = new Rng(9);
        for (int t = 0; t < 2000; t++)
        {
            var step = env.Step([torques.Uniform(-3, 3)]);
            Assert.False(step.Terminated);
            Assert.False(step.Truncated);
            Assert.InRange(step.Observation[2], -8.0, 8.0);
            Assert.InRange(step.Reward, -(Math.PI * Math.PI + 0.1 * 64 + 0.001 * 4), 0.0);
        }
    }

    [Fact]
    public void PendulumV1_IsTruncatedAtStep200_NotTerminated()
    {
        var env = Gym.Make<double[]>("Pendulum-v1");
        env.Reset(3);
        for (int t = 1; t <= 200; t++)
        {
            var step = env.Step([0.5]);
            Assert.False(step.Terminated);
            Assert.Equal(t == 200, step.Truncated);
        }
    }

    [Theory]
    [InlineData(new double[0])]
    [InlineData(new[] { 1.0, 2.0 })]
    [InlineData(new[] { double.NaN })]
    [InlineData(new[] { double.PositiveInfinity })]
    public void Step_ActionNotOneFiniteNumber_ThrowsNamingAction(double[] action)
    {
        var env = new Pendulum();
        env.Reset(0);

        var error = Assert.Throws<ArgumentException>(() => env.Step(action));
        Assert.Equal("action", error.ParamName);
    }

    [Fact]
    public void Step_BeforeAnyReset_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new Pendulum().Step([0.0]));
    }

    [Fact]
    public void ActionBounds_AreMinusTwoAndTwo()
    {
        Assert.Equal(-2.0, Pendulum.ActionLow);
        Assert.Equal(2.0, Pendulum.ActionHigh);
    }

    [Fact]
    public void Reset_DrawsThetaInPlusMinusPi_AndThetaDotInPlusMinus1()
    {
        var env = new Pendulum();
        env.Reset(12);
        double minTheta = 4, maxTheta = -4, minSpeed = 2, maxSpeed = -2;
        for (int n = 0; n < 2000; n++)
        {
            var observation = env.Reset();
            var (theta, thetaDot) = env.State;
            Assert.InRange(theta, -Math.PI, Math.PI);
            Assert.InRange(thetaDot, -1.0, 1.0);
            Assert.Equal([Math.Cos(theta), Math.Sin(theta), thetaDot], observation);
            (minTheta, maxTheta) = (Math.Min(minTheta, theta), Math.Max(maxTheta, theta));
            (minSpeed, maxSpeed) = (Math.Min(minSpeed, thetaDot), Math.Max(maxSpeed, thetaDot));
        }
        Assert.True(minTheta < -3.1 && maxTheta > 3.1, $"theta spans only [{minTheta}, {maxTheta}]");
        Assert.True(minSpeed < -0.99 && maxSpeed > 0.99, $"theta_dot spans only [{minSpeed}, {maxSpeed}]");
    }

    [Fact]
    public void SameSeed_GivesTheSameEpisodeBitForBit_AndAnotherSeedDoesNot()
    {
        var a = Record(new Pendulum(), 42);
        var b = Record(new Pendulum(seed: 5), 42);
        var c = Record(new Pendulum(), 43);

        Assert.Equal(a, b);
        Assert.NotEqual(a[0], c[0]);
    }

    [Fact]
    public void Restore_ReplaysTheSameStepsAndTheSameNextReset()
    {
        var env = new Pendulum();
        env.Reset(6);
        env.Step([1.0]);
        var snapshot = env.Snapshot();

        var first = ContinueAndReset(env);
        env.Restore(snapshot);
        var second = ContinueAndReset(env);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Restore_AnotherEnvironmentsSnapshot_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new Pendulum().Restore(new CartPole().Snapshot()));
        Assert.Equal("snapshot", error.ParamName);
    }

    /// <summary>The reset observation and 50 steps of fixed pseudo-random torques, as raw bits.</summary>
    private static List<long> Record(Pendulum env, ulong seed)
    {
        var torques = new Rng(1);
        var bits = new List<long>();
        bits.AddRange(env.Reset(seed).Select(BitConverter.DoubleToInt64Bits));
        for (int t = 0; t < 50; t++)
        {
            var step = env.Step([torques.Uniform(-2, 2)]);
            bits.AddRange(step.Observation.Select(BitConverter.DoubleToInt64Bits));
            bits.Add(BitConverter.DoubleToInt64Bits(step.Reward));
        }
        return bits;
    }

    private static List<double> ContinueAndReset(Pendulum env)
    {
        var values = new List<double>();
        for (int t = 0; t < 10; t++)
        {
            var step = env.Step([t * 0.3 - 1.5]);
            values.AddRange(step.Observation);
            values.Add(step.Reward);
        }
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
