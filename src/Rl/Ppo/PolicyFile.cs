using System.Text.Json;
using Rl.Environments;

namespace Rl.Ppo;

/// <summary>
/// Saves and loads a trained <see cref="ActorCritic"/> as JSON: the environment id, the hidden sizes,
/// and every parameter (actor, critic, and the head's own, such as the Gaussian's log-std).
/// Doubles round-trip exactly (System.Text.Json writes the shortest representation that parses back
/// to the same bits).
/// </summary>
public static class PolicyFile
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    /// <summary>Writes <paramref name="agent"/> to <paramref name="path"/> (via a temporary file, then a rename).</summary>
    public static void Save(ActorCritic agent, string path)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var data = new Contents(agent.Spec.Id, [.. agent.HiddenSizes], agent.Actor.Parameters, agent.Critic.Parameters, agent.Head.Parameters);
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(data, Options));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads an agent written by <see cref="Save"/>.</summary>
    public static ActorCritic Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var data = JsonSerializer.Deserialize<Contents>(File.ReadAllText(path), Options)
            ?? throw new InvalidDataException($"{path} holds no policy.");
        if (data.EnvironmentId is null || data.HiddenSizes is null || data.Actor is null || data.Critic is null || data.Head is null)
            throw new InvalidDataException($"{path} lacks some of a policy's fields: EnvironmentId, HiddenSizes, Actor, Critic, Head.");
        var agent = new ActorCritic(Gym.Spec(data.EnvironmentId), data.HiddenSizes);
        Copy(data.Actor, agent.Actor.Parameters, "actor", path);
        Copy(data.Critic, agent.Critic.Parameters, "critic", path);
        Copy(data.Head, agent.Head.Parameters, "head", path);
        return agent;
    }

    private static void Copy(double[] source, double[] destination, string what, string path)
    {
        if (source.Length != destination.Length)
            throw new InvalidDataException($"{path}: the {what} has {source.Length} parameters, but its shape needs {destination.Length}.");
        source.CopyTo(destination, 0);
    }

    private sealed record Contents(string EnvironmentId, int[] HiddenSizes, double[] Actor, double[] Critic, double[] Head);
}
