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
            if (count < 1) { Console.Error.WriteLine("error: --episodes: must be at least 1."); return 2; }
            if (!File.Exists(path)) { Console.Error.WriteLine($"error: --policy: no file at {path}."); return 2; }
            ActorCritic agent;
            try { agent = PolicyFile.Load(path); }
            catch (Exception e) when (e is InvalidDataException or System.Text.Json.JsonException or ArgumentException)
            {
                Console.Error.WriteLine($"error: --policy: {path} is not a policy file: {e.Message}");
                return 2;
            }
            var result = Evaluation.Run(agent, count, parse.GetValue(seed));
            Console.WriteLine($"{agent.Spec.Id}: mean return {result.Mean:F2} +- {result.StandardDeviation:F2} (std) over {count} episodes.");
            return 0;
        });
        return command;
    }
}
