using Rl.Environments;

namespace Rl.Tests.Environments.Physics;

public class GymTests
{
    [Fact]
    public void Spec_CartPoleV1_HasFourObservationsTwoActionsAnd500Steps()
    {
        Assert.Equal(new EnvironmentSpec("CartPole-v1", 4, new DiscreteActionSpace(2), 500), Gym.Spec("CartPole-v1"));
    }

    [Fact]
    public void Spec_PendulumV1_HasThreeObservationsOneTorqueInPlusMinus2And200Steps()
    {
        Assert.Equal(new EnvironmentSpec("Pendulum-v1", 3, new ContinuousActionSpace(1, -2.0, 2.0), 200), Gym.Spec("Pendulum-v1"));
    }

    [Fact]
    public void Make_WrapsEachEnvironmentInItsTimeLimit()
    {
        var cartPole = Assert.IsType<TimeLimit<double[], int>>(Gym.Make<int>("CartPole-v1"));
        var pendulum = Assert.IsType<TimeLimit<double[], double[]>>(Gym.Make<double[]>("Pendulum-v1"));

        Assert.IsType<CartPole>(cartPole.Inner);
        Assert.Equal(500, cartPole.MaxSteps);
        Assert.IsType<Pendulum>(pendulum.Inner);
        Assert.Equal(200, pendulum.MaxSteps);
    }

    [Fact]
    public void Make_ObservationsHaveTheSpecsSize()
    {
        foreach (var id in Gym.Ids)
        {
            int size = Gym.Spec(id).ObservationSize;
            int observed = Gym.Spec(id).ActionSpace is DiscreteActionSpace
                ? Gym.Make<int>(id).Reset(0).Length
                : Gym.Make<double[]>(id).Reset(0).Length;
            Assert.Equal(size, observed);
        }
    }

    [Fact]
    public void Make_ReturnsANewInstanceEachCall()
    {
        Assert.NotSame(Gym.Make<int>("CartPole-v1"), Gym.Make<int>("CartPole-v1"));
    }

    [Fact]
    public void Make_UnknownId_ThrowsListingTheKnownIds()
    {
        var error = Assert.Throws<ArgumentException>(() => Gym.Make<int>("CartPole-v0"));

        Assert.Equal("id", error.ParamName);
        Assert.Contains("CartPole-v1", error.Message);
        Assert.Contains("Pendulum-v1", error.Message);
        Assert.Throws<ArgumentException>(() => Gym.Spec("MountainCar-v0"));
    }

    [Fact]
    public void Make_WithTheWrongActionType_ThrowsNamingTheRightOne()
    {
        var error = Assert.Throws<ArgumentException>(() => Gym.Make<double[]>("CartPole-v1"));

        Assert.Contains("Make<int>", error.Message);
        Assert.Contains("Make<double[]>", Assert.Throws<ArgumentException>(() => Gym.Make<int>("Pendulum-v1")).Message);
    }
}
