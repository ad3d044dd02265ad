namespace Rl.Environments;

/// <summary>
/// Gymnasium's registry in miniature: <c>Gym.Make&lt;int&gt;("CartPole-v1")</c> builds an environment
/// by id with its time limit, and <see cref="Spec"/> tells a trainer what to size its networks by.
/// </summary>
/// <remarks>
/// Unlike Python's <c>gym.make</c>, the caller names the action type, because C# must know it to
/// type the result: <c>int</c> for a <see cref="DiscreteActionSpace"/>, <c>double[]</c> for a
/// <see cref="ContinuousActionSpace"/>. Every environment is built with seed 0; seed it with
/// <see cref="IEnvironment{TObservation, TAction}.Reset(ulong)"/>.
/// </remarks>
public static class Gym
{
    private static readonly Registration[] Registrations =
    [
        new(new EnvironmentSpec("CartPole-v1", ObservationSize: 4, new DiscreteActionSpace(2), MaxEpisodeSteps: 500),
            spec => new TimeLimit<double[], int>(new CartPole(), spec.MaxEpisodeSteps)),
        new(new EnvironmentSpec("Pendulum-v1", ObservationSize: 3,
                new ContinuousActionSpace(1, Pendulum.ActionLow, Pendulum.ActionHigh), MaxEpisodeSteps: 200),
            spec => new TimeLimit<double[], double[]>(new Pendulum(), spec.MaxEpisodeSteps)),
    ];

    /// <summary>The ids <see cref="Make{TAction}"/> knows, in registration order.</summary>
    public static IReadOnlyList<string> Ids { get; } = Array.ConvertAll(Registrations, r => r.Spec.Id);

    /// <summary>What the environment <paramref name="id"/> observes, accepts, and how long it runs.</summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not one of <see cref="Ids"/>.</exception>
    public static EnvironmentSpec Spec(string id) => Find(id).Spec;

    /// <summary>
    /// A new environment <paramref name="id"/>, wrapped in its
    /// <see cref="TimeLimit{TObservation, TAction}"/> (Gymnasium's <c>max_episode_steps</c>).
    /// </summary>
    /// <typeparam name="TAction"><c>int</c> for discrete actions, <c>double[]</c> for continuous ones.</typeparam>
    /// <exception cref="ArgumentException"><paramref name="id"/> is unknown (the message lists the known
    /// ids), or its actions are not <typeparamref name="TAction"/>.</exception>
    public static IEnvironment<double[], TAction> Make<TAction>(string id)
    {
        var registration = Find(id);
        if (registration.Create(registration.Spec) is IEnvironment<double[], TAction> environment) return environment;
        string actionType = registration.Spec.ActionSpace is DiscreteActionSpace ? "int" : "double[]";
        throw new ArgumentException(
            $"{id} takes {actionType} actions ({registration.Spec.ActionSpace}), not {typeof(TAction).Name}; call Gym.Make<{actionType}>(\"{id}\").",
            nameof(id));
    }

    /// <summary>
    /// <paramref name="count"/> copies of <paramref name="id"/> stepped together, each with its own
    /// time limit: Gymnasium's <c>gym.make_vec(id, num_envs=count)</c> with same-step autoreset.
    /// </summary>
    /// <exception cref="ArgumentException">As <see cref="Make{TAction}"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    public static VectorEnvironment<TAction> MakeVector<TAction>(string id, int count) =>
        new(() => Make<TAction>(id), count, Spec(id).ObservationSize);

    private static Registration Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        foreach (var registration in Registrations)
            if (registration.Spec.Id == id) return registration;
        throw new ArgumentException($"unknown environment id '{id}'; known ids: {string.Join(", ", Ids)}.", nameof(id));
    }

    private sealed record Registration(EnvironmentSpec Spec, Func<EnvironmentSpec, object> Create);
}

/// <summary>What a trainer needs to know about an environment before it has seen one step.</summary>
/// <param name="Id">The registry id, for example <c>CartPole-v1</c>.</param>
/// <param name="ObservationSize">The length of every observation: the policy network's input width.</param>
/// <param name="ActionSpace">What an action is: the policy network's output head.</param>
/// <param name="MaxEpisodeSteps">The time limit: episodes are truncated after this many steps.</param>
public sealed record EnvironmentSpec(string Id, int ObservationSize, ActionSpace ActionSpace, int MaxEpisodeSteps);

/// <summary>The set of actions an environment accepts (Gymnasium's action space).</summary>
public abstract record ActionSpace;

/// <summary>
/// Actions 0 .. <paramref name="Count"/> - 1, passed as <c>int</c> (Gymnasium's <c>Discrete(n)</c>):
/// a categorical policy with <paramref name="Count"/> logits.
/// </summary>
/// <param name="Count">n, the number of actions.</param>
public sealed record DiscreteActionSpace(int Count) : ActionSpace;

/// <summary>
/// Vectors of <paramref name="Dimension"/> reals, passed as <c>double[]</c>, each entry used after
/// clipping to [<paramref name="Low"/>, <paramref name="High"/>] (Gymnasium's <c>Box</c> with the
/// same bounds on every entry): a Gaussian policy with <paramref name="Dimension"/> means, whose
/// samples may be clipped to these bounds.
/// </summary>
/// <param name="Dimension">The action vector's length.</param>
/// <param name="Low">The lower bound of every entry.</param>
/// <param name="High">The upper bound of every entry.</param>
public sealed record ContinuousActionSpace(int Dimension, double Low, double High) : ActionSpace;
