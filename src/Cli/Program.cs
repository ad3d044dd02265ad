using System.CommandLine;
using Rl.Cli;

// One command line over the kit. Exit codes: 0 success, 1 failure, 2 bad options.
var root = new RootCommand("PPO and GAE teaching kit: the lecture's estimators and algorithms from the command line.")
{
    TrainCommand.Create(),
    EvalCommand.Create(),
    BenchCommand.Create(),
    GaeExampleCommand.Create(),
    NotebooksCommand.Create(),
    AssignmentCommand.Create(),
    GradeCommand.Create(),
    GradeAllCommand.Create(),
};
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (string error in UsageErrors.Describe(parsed)) Console.Error.WriteLine($"error: {error}");
    Console.Error.WriteLine(UsageErrors.Hint(parsed));
    return 2;
}
return parsed.Invoke();
