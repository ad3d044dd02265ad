using Rl.Environments;

namespace Rl.Ppo;

/// <summary>
/// A vector environment seen through actions stored as doubles, so the trainer need not be generic
/// over the action type. Discrete actions are indices; continuous ones are clipped to the action
/// space's bounds on their way to the environment, while the buffer keeps the unclipped sample
/// (its log-probability is the one the policy gave).
/// </summary>
internal abstract class VectorTask
{
    /// <summary>A vector of <paramref name="count"/> copies of the environment <paramref name="id"/>.</summary>
    public static VectorTask Create(string id, int count) => Gym.Spec(id).ActionSpace switch
    {
        DiscreteActionSpace => new Discrete(Gym.MakeVector<int>(id, count)),
        ContinuousActionSpace space => new Continuous(Gym.MakeVector<double[]>(id, count), space),
        var space => throw new NotSupportedException($"action space {space} of {id}"),
    };

    public abstract int Count { get; }
    public abstract ReadOnlySpan<double> Observations { get; }
    public abstract ReadOnlySpan<double> Rewards { get; }
    public abstract ReadOnlySpan<bool> Terminated { get; }
    public abstract ReadOnlySpan<bool> Truncated { get; }
    public abstract ReadOnlySpan<double> FinalObservations { get; }
    public abstract ReadOnlySpan<CompletedEpisode> CompletedEpisodes { get; }
    public abstract void Reset(ulong seed);

    /// <summary>Steps every copy with <paramref name="actions"/> [Count x ActionSize].</summary>
    public abstract void Step(ReadOnlySpan<double> actions);

    /// <summary>What both kinds share: everything but turning stored actions into the environment's.</summary>
    private abstract class Typed<TAction>(VectorEnvironment<TAction> environments) : VectorTask
    {
        protected VectorEnvironment<TAction> Environments => environments;
        public override int Count => environments.Count;
        public override ReadOnlySpan<double> Observations => environments.Observations;
        public override ReadOnlySpan<double> Rewards => environments.Rewards;
        public override ReadOnlySpan<bool> Terminated => environments.Terminated;
        public override ReadOnlySpan<bool> Truncated => environments.Truncated;
        public override ReadOnlySpan<double> FinalObservations => environments.FinalObservations;
        public override ReadOnlySpan<CompletedEpisode> CompletedEpisodes => environments.CompletedEpisodes;
        public override void Reset(ulong seed) => environments.Reset(seed);
    }

    private sealed class Discrete(VectorEnvironment<int> environments) : Typed<int>(environments)
    {
        private readonly int[] _actions = new int[environments.Count];

        public override void Step(ReadOnlySpan<double> actions)
        {
            for (int i = 0; i < _actions.Length; i++) _actions[i] = (int)actions[i];
            Environments.Step(_actions);
        }
    }

    private sealed class Continuous(VectorEnvironment<double[]> environments, ContinuousActionSpace space) : Typed<double[]>(environments)
    {
        private readonly double[][] _actions = Enumerable.Range(0, environments.Count).Select(_ => new double[space.Dimension]).ToArray();

        public override void Step(ReadOnlySpan<double> actions)
        {
            int d = space.Dimension;
            for (int i = 0; i < _actions.Length; i++)
                for (int j = 0; j < d; j++)
                    _actions[i][j] = Math.Clamp(actions[i * d + j], space.Low, space.High);
            Environments.Step(_actions);
        }
    }
}
