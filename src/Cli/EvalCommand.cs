using System.CommandLine;
using Rl.Ppo;

namespace Rl.Cli;

/// <summary>`eval`: replays a saved policy deterministically and prints the mean and std of the return.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var policy = new Option<string>("--policy") { Description = "A policy.json written by train.", Required = true };
        var episodes = new Option<int>("--episodes") { Description = "Episodes to run.", DefaultValueFactory = _ => 100 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the first episode (then seed + 1, ...).", DefaultValueFactory = _ => 1_000_000UL };
        var command = new Command("eval", "Evaluate a saved policy: the most likely action in every state.") { policy, episodes, seed };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(policy)!;
            int count = parse.GetValue(episodes);
            if (count < 1) { Console.Error.WriteLine($"error: --episodes {count}: must be at least 1."); return 2; }
            if (Directory.Exists(path)) { Console.Error.WriteLine($"error: --policy {path}: is a folder; name the policy.json in it."); return 2; }
            if (!File.Exists(path)) { Console.Error.WriteLine($"error: --policy {path}: no such file."); return 2; }
            ActorCritic agent;
            try { agent = PolicyFile.Load(path); }
            catch (System.Text.Json.JsonException e)
            {
                string where = e.LineNumber is long line ? $" (line {line + 1}, column {e.BytePositionInLine + 1})" : "";
                Console.Error.WriteLine($"error: --policy {path}: not a policy file: it is not the JSON that train writes to policy.json{where}.");
                return 2;
            }
            catch (Exception e) when (e is InvalidDataException or ArgumentException)
            {
                // JSON of another shape: parameters of the wrong size, an unknown environment, ...
                string reason = e is ArgumentException a ? Messages.WithoutParameter(a) : e.Message;
                Console.Error.WriteLine($"error: --policy {path}: not a policy file written by train. {reason}");
                return 2;
            }
            var result = Evaluation.Run(agent, count, parse.GetValue(seed));
            Console.WriteLine($"{agent.Spec.Id}: mean return {result.Mean:F2} +- {result.StandardDeviation:F2} (std) over {count} episodes.");
            return 0;
        });
        return command;
    }
}
