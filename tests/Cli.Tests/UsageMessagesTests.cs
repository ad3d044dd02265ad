namespace Cli.Tests;

/// <summary>
/// Mistakes on the command line, answered in the user's words: the option, the value typed and what is
/// expected; the valid commands or options for an unknown one; option names, never the library's field
/// names or .NET's type names; never a stack trace. Exit code 2 for each.
/// </summary>
public class UsageMessagesTests
{
    /// <summary>Words a user should never meet: .NET types, exception text, PpoConfig's field names.</summary>
    private static readonly string[] Internal =
    [
        "System.", "Exception", "   at ", "Nullable", "Int32", "Path: $", "Actual value", "(Parameter",
        "TotalSteps", "StepsPerRollout", "Environments", "Minibatches", "HiddenSizes", "LearningRate", "Required command was not provided",
    ];

    [Theory]
    [InlineData("train --lr abc", "--lr abc: expected a number, e.g. 0.001 or 2.5e-4.")]
    [InlineData("train --hidden 64,64", "--hidden 64,64: expected whole numbers separated by spaces, e.g. 64 64.")]
    [InlineData("train --seed -1", "--seed -1: expected a whole number from 0 to 18446744073709551615.")]
    [InlineData("train --anneal-lr maybe", "--anneal-lr maybe: expected true or false.")]
    [InlineData("gae --lambda 2", "--lambda 2: must be in [0, 1].")]
    [InlineData("gae --gamma -0.5", "--gamma -0.5: must be in [0, 1].")]
    [InlineData("train --total-steps 100", "--total-steps 100: must be at least one rollout, --envs x --steps-per-rollout = 512.")]
    [InlineData("train --minibatches 3", "--minibatches 3: must divide --envs x --steps-per-rollout = 512.")]
    [InlineData("train --envs 65536 --steps-per-rollout 32768", "--envs x --steps-per-rollout (65536 x 32768) must be at most 16,777,216 samples per rollout.")]
    [InlineData("train --hidden 0", "--hidden 0: must list at least one layer, each of at least 1 unit.")]
    [InlineData("train --lr NaN", "--lr NaN: must be a positive finite number.")]
    [InlineData("bench --seeds 0", "--seeds 0: must be at least 1.")]
    [InlineData("eval", "--policy is missing; it is required.")]
    [InlineData("", "name a command: train, eval, bench, gae, notebooks, assignment, grade, grade-all.")]
    [InlineData("notebooks", "notebooks needs a command: run.")]
    public void AMistake_IsOneLine_NamingTheOptionTheValueAndWhatIsExpected(string arguments, string message)
    {
        var (exitCode, output, error) = CliProcess.Run(arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.StartsWith($"error: {message}", error);
        AssertInUsersWords(error);
    }

    [Theory]
    [InlineData("trian", "unknown command 'trian' (did you mean train?). The commands: train, eval, bench, gae, notebooks, assignment, grade, grade-all.")]
    [InlineData("frobnicate", "unknown command 'frobnicate'. The commands: train, eval, bench, gae, notebooks, assignment, grade, grade-all.")]
    [InlineData("train --totl-steps 5", "train has no option --totl-steps (did you mean --total-steps?). Its options: --env, --seed, --total-steps,")]
    [InlineData("eval --bogus", "eval has no option --bogus. Its options: --policy, --episodes, --seed")]
    public void AnUnknownCommandOrOption_ListsTheValidOnes(string arguments, string message)
    {
        var (exitCode, _, error) = CliProcess.Run(arguments.Split(' '));
        Assert.Equal(2, exitCode);
        Assert.StartsWith($"error: {message}", error);
        AssertInUsersWords(error);
    }

    [Fact]
    public void EvalOfAFileThatIsNotJson_SaysSo_WithTheLine()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "update,steps\n1,512\n");
            var (exitCode, _, error) = CliProcess.Run("eval", "--policy", path);
            Assert.Equal(2, exitCode);
            Assert.StartsWith($"error: --policy {path}: not a policy file: it is not the JSON that train writes to policy.json (line 1, column 1).", error);
            AssertInUsersWords(error);

            File.WriteAllText(path, "{}");
            (exitCode, _, error) = CliProcess.Run("eval", "--policy", path);
            Assert.Equal(2, exitCode);
            Assert.StartsWith($"error: --policy {path}: not a policy file written by train.", error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void AssertInUsersWords(string error)
    {
        foreach (string word in Internal) Assert.DoesNotContain(word, error);
    }
}
