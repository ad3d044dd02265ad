using Rl.Grading.Judge;
using Rl.Grading.Worker;
using Rl.Ppo;

namespace Rl.Grading.Tests.Judge;

/// <summary>Every result is checked against its call before the judge uses it.</summary>
public sealed class ResultShapeTests
{
    private static readonly AgentParameters Sent = new("CartPole-v1", [2], new double[16], new double[9], []);

    private static UpdateStepInput Input(int minibatches) =>
        new(Sent, PpoConfig.CartPole, [.. Enumerable.Repeat(new MinibatchData([], [], [], [], [], []), minibatches)]);

    private static StepLosses Losses => new(0, 0, 0, 0, 0);

    private static string Refused(string method, object?[] args, object? result) =>
        Assert.Throws<SubmissionException>(() => ResultShape.Check(method, args, result)).Message;

    [Fact]
    public void ParametersOfAnotherShape_AreRefused_BeforeAnyNetworkIsBuilt()
    {
        var huge = Sent with { HiddenSizes = [6000, 6000] };
        Assert.StartsWith("PpoUpdate.Step returned a result of the wrong shape: the parameters after step 1 have hidden sizes [6000, 6000], not the [2]",
            Refused("UpdateSteps", [Input(1)], new UpdateStepOutput([huge], [Losses])));
        Assert.Contains("environment \"Pendulum-v1\"", Refused("UpdateSteps", [Input(1)], new UpdateStepOutput([Sent with { EnvironmentId = "Pendulum-v1" }], [Losses])));
        Assert.Contains("actor has 17 numbers, expected 16", Refused("UpdateSteps", [Input(1)], new UpdateStepOutput([Sent with { Actor = new double[17] }], [Losses])));
        Assert.Contains("2 parameter sets, expected 1", Refused("UpdateSteps", [Input(1)], new UpdateStepOutput([Sent, Sent], [Losses])));
        Assert.Contains("losses of step 1 are null", Refused("UpdateSteps", [Input(1)], new UpdateStepOutput([Sent], [null!])));
        ResultShape.Check("UpdateSteps", [Input(2)], new UpdateStepOutput([Sent, Sent], [Losses, Losses]));
    }

    [Fact]
    public void ArraysOfTheWrongLength_AndNulls_AreRefused()
    {
        double[] rewards = [1, 2, 3];
        Assert.Contains("4 numbers, expected 3", Refused("Gae", [rewards, new double[4], 0.9, 0.9], new double[4]));
        Assert.Contains("null instead of a result", Refused("Gae", [rewards, new double[4], 0.9, 0.9], null));
        Assert.Contains("the gradient is null", Refused("ValueLoss", [rewards, rewards, rewards, null], new ValueLossOutput(0, null!)));
        Assert.Contains("the gradient has 2 numbers", Refused("ClippedSurrogate", [rewards, rewards, rewards, 0.2], new SurrogateOutput(0, new double[2], 0, 0)));
        Assert.Contains("one per repetition", Refused("OneRolloutSamples", [new OneRolloutInput("gridworld", 0, 0, 0.9, 5, 1)], new double[6]));
        ResultShape.Check("ValueTargets", [rewards, new double[4]], new double[3]);
    }

    [Fact]
    public void NaturalGradientResults_OfTheWrongShape_AreRefused()
    {
        double[] logits = [0, 1, 2, 3], b = [1, 2], matrix = [2, 0, 0, 2];
        Assert.Contains("the result has 3 numbers, expected 4 (one per logit)", Refused("CategoricalFisherProduct", [logits, logits, 2], new double[3]));
        Assert.Contains("the solution has 3 numbers, expected 2", Refused("ConjugateGradient", [matrix, b, 2, 0.0], new ConjugateGradientOutput(new double[3], [1])));
        Assert.Contains("the residual norms are null", Refused("ConjugateGradient", [matrix, b, 2, 0.0], new ConjugateGradientOutput(new double[2], null!)));
        Assert.Contains("4 numbers, expected 1 to 3", Refused("ConjugateGradient", [matrix, b, 2, 0.0], new ConjugateGradientOutput(new double[2], new double[4])));
        Assert.Contains("0 numbers, expected 1 to 3", Refused("ConjugateGradient", [matrix, b, 2, 0.0], new ConjugateGradientOutput(new double[2], [])));
        Assert.Contains("the step has 1 numbers, expected 2", Refused("NaturalDirection", [matrix, b, 0.01, 0.1, 10, 0.0], new NaturalDirectionOutput([1], 1, 0, 1)));
        Assert.Contains("the step is null", Refused("NaturalDirection", [matrix, b, 0.01, 0.1, 10, 0.0], new NaturalDirectionOutput(null!, 1, 0, 1)));
        Assert.Contains("a String, which is not what NaturalStep.Size returns", Refused("NaturalStepSize", [0.01, 1.0], "0.1"));
        ResultShape.Check("CategoricalFisherProduct", [logits, logits, 2], new double[4]);
        ResultShape.Check("ConjugateGradient", [matrix, b, 2, 0.0], new ConjugateGradientOutput(new double[2], [1, 0.5, 0]));
        ResultShape.Check("NaturalStepSize", [0.01, 1.0], 0.1);
        ResultShape.Check("NaturalDirection", [matrix, b, 0.01, 0.1, 10, 0.0], new NaturalDirectionOutput(new double[2], 0.1, 0, 2));
    }
}
