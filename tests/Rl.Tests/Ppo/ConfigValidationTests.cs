using Rl.Ppo;

namespace Rl.Tests.Ppo;

/// <summary>PpoConfig.Validate on inputs that once escaped it: a missing layer list and rollouts too large to index.</summary>
public class ConfigValidationTests
{
    [Fact]
    public void NullHiddenSizes_IsAnArgumentException_NamingHiddenSizes()
    {
        var e = Assert.IsType<ArgumentNullException>(Record.Exception(() => (PpoConfig.CartPole with { HiddenSizes = null! }).Validate()));
        Assert.Equal("HiddenSizes", e.ParamName);
    }

    [Theory]
    [InlineData(65536, 32768)] // 2^31: BatchSize overflowed an int to -2^31 and passed
    [InlineData(int.MaxValue, 2)]
    [InlineData(4096, 4097)] // just above 2^24
    public void RolloutsAboveMaxBatchSize_AreArgumentExceptions_NamingStepsPerRollout(int environments, int steps)
    {
        var config = PpoConfig.CartPole with { Environments = environments, StepsPerRollout = steps, TotalSteps = long.MaxValue };
        var e = Assert.IsType<ArgumentOutOfRangeException>(Record.Exception(config.Validate));
        Assert.Equal("StepsPerRollout", e.ParamName);
        Assert.Contains($"({environments} x {steps})", e.Message);
    }

    [Fact]
    public void ARolloutOfExactlyMaxBatchSize_IsAccepted()
    {
        var config = PpoConfig.CartPole with { Environments = 4096, StepsPerRollout = 4096, Minibatches = 4, TotalSteps = 1L << 24 };
        config.Validate();
        Assert.Equal(PpoConfig.MaxBatchSize, config.BatchSize);
        Assert.Equal(1, config.Updates);
    }

    [Fact]
    public void MoreUpdatesThanAnIntHolds_IsAnArgumentException_NamingTotalSteps()
    {
        var config = PpoConfig.CartPole with { Environments = 1, StepsPerRollout = 1, Minibatches = 1, TotalSteps = int.MaxValue + 1L };
        var e = Assert.IsType<ArgumentOutOfRangeException>(Record.Exception(config.Validate));
        Assert.Equal("TotalSteps", e.ParamName);
        (config with { TotalSteps = int.MaxValue }).Validate();
        Assert.Equal(int.MaxValue, (config with { TotalSteps = int.MaxValue }).Updates);
    }
}
