namespace Rl.Tabular;

/// <summary>
/// A finite Markov decision process whose dynamics are known: S states, A actions, transition
/// probabilities P(s' | s, a), a reward r(s, a, s') for every transition, a set of terminal states,
/// and a start-state distribution mu(s). It is the ground truth that
/// <see cref="PolicyEvaluation.Exact"/> solves exactly and that <see cref="TabularEnvironment"/>
/// simulates, so sampled advantage estimates can be compared with the true A^pi.
/// </summary>
/// <remarks>
/// The reward is a fixed function of the transition (s, a, s'), so the reward of a step is random
/// only through the next state. Terminal states are absorbing with value 0: an episode ends on
/// entering one, so their rows of P and r are never used. They must still be probability
/// distributions; a self-loop with reward 0 is customary.
/// </remarks>
public sealed class TabularMdp
{
    /// <summary>How far a probability row may sum from 1 and still count as a distribution.</summary>
    public const double ProbabilityTolerance = 1e-12;

    private readonly double[] _transitions; // P(s' | s, a) at (s * A + a) * S + s'
    private readonly double[] _rewards;     // r(s, a, s') at the same index
    private readonly bool[] _terminal;
    private readonly double[] _start;
    private readonly string[] _labels;

    /// <summary>
    /// An MDP from <paramref name="transitions"/>[s, a, s'] = P(s' | s, a) and
    /// <paramref name="rewards"/>[s, a, s'] = r(s, a, s'). Both arrays are copied.
    /// </summary>
    /// <param name="transitions">P(s' | s, a), shape S x A x S; every row P(. | s, a) is a distribution.</param>
    /// <param name="rewards">r(s, a, s'), shape S x A x S, finite.</param>
    /// <param name="terminalStates">The absorbing states of value 0 (indices in [0, S)).</param>
    /// <param name="startDistribution">mu(s), length S: a distribution with no mass on terminal states.</param>
    /// <param name="stateLabels">Names for plots (grid coordinates, say), length S; default "0", "1", ...</param>
    public TabularMdp(
        double[,,] transitions, double[,,] rewards, IEnumerable<int> terminalStates,
        double[] startDistribution, IReadOnlyList<string>? stateLabels = null)
    {
        ArgumentNullException.ThrowIfNull(transitions);
        ArgumentNullException.ThrowIfNull(rewards);
        ArgumentNullException.ThrowIfNull(terminalStates);
        ArgumentNullException.ThrowIfNull(startDistribution);

        int stateCount = transitions.GetLength(0), actionCount = transitions.GetLength(1);
        if (stateCount == 0 || actionCount == 0 || transitions.GetLength(2) != stateCount)
            throw new ArgumentException(
                $"transitions has shape {Shape(transitions)} but must be S x A x S with S, A >= 1.", nameof(transitions));
        if (rewards.GetLength(0) != stateCount || rewards.GetLength(1) != actionCount || rewards.GetLength(2) != stateCount)
            throw new ArgumentException(
                $"rewards has shape {Shape(rewards)} but must match transitions, {Shape(transitions)}.", nameof(rewards));
        StateCount = stateCount;
        ActionCount = actionCount;

        _transitions = Flatten(transitions);
        _rewards = Flatten(rewards);
        for (int s = 0; s < stateCount; s++)
            for (int a = 0; a < actionCount; a++)
                CheckDistribution(NextStateDistribution(s, a), nameof(transitions), $"transitions[{s}, {a}, :]");
        Guard.Finite(_rewards, nameof(rewards));

        _terminal = new bool[stateCount];
        foreach (int s in terminalStates)
        {
            if (s < 0 || s >= stateCount)
                throw new ArgumentOutOfRangeException(nameof(terminalStates), s, $"terminal states must be in [0, {stateCount}).");
            _terminal[s] = true;
        }

        Guard.Length(startDistribution.Length, stateCount, nameof(startDistribution), "one probability per state");
        _start = (double[])startDistribution.Clone();
        CheckDistribution(_start, nameof(startDistribution), nameof(startDistribution));
        for (int s = 0; s < stateCount; s++)
            if (_terminal[s] && _start[s] > 0)
                throw new ArgumentException(
                    $"startDistribution[{s}] is {_start[s]}, but state {s} is terminal: an episode cannot start there.",
                    nameof(startDistribution));

        if (stateLabels is null)
        {
            _labels = Enumerable.Range(0, stateCount).Select(s => s.ToString()).ToArray();
        }
        else
        {
            Guard.Length(stateLabels.Count, stateCount, nameof(stateLabels), "one label per state");
            if (stateLabels.Any(label => label is null))
                throw new ArgumentException("stateLabels must not contain null.", nameof(stateLabels));
            _labels = stateLabels.ToArray();
        }
    }

    /// <summary>S, the number of states.</summary>
    public int StateCount { get; }

    /// <summary>A, the number of actions (the same in every state).</summary>
    public int ActionCount { get; }

    /// <summary>A name for each state, for plots and messages.</summary>
    public IReadOnlyList<string> StateLabels => _labels;

    /// <summary>mu(s): where episodes start.</summary>
    public ReadOnlySpan<double> StartDistribution => _start;

    /// <summary>P(<paramref name="next"/> | <paramref name="state"/>, <paramref name="action"/>).</summary>
    public double Transition(int state, int action, int next) => _transitions[Index(state, action, next)];

    /// <summary>r(<paramref name="state"/>, <paramref name="action"/>, <paramref name="next"/>).</summary>
    public double Reward(int state, int action, int next) => _rewards[Index(state, action, next)];

    /// <summary>The row P(. | <paramref name="state"/>, <paramref name="action"/>), length S.</summary>
    public ReadOnlySpan<double> NextStateDistribution(int state, int action)
    {
        CheckState(state, nameof(state));
        CheckAction(action, nameof(action));
        return _transitions.AsSpan((state * ActionCount + action) * StateCount, StateCount);
    }

    /// <summary>
    /// The expected reward of one step,
    /// r(s, a) = sum_{s'} P(s' | s, a) r(s, a, s').
    /// </summary>
    public double ExpectedReward(int state, int action)
    {
        var p = NextStateDistribution(state, action);
        int offset = (state * ActionCount + action) * StateCount;
        double sum = 0;
        for (int next = 0; next < StateCount; next++) sum += p[next] * _rewards[offset + next];
        return sum;
    }

    /// <summary>Whether <paramref name="state"/> is terminal: absorbing, with value 0.</summary>
    public bool IsTerminal(int state)
    {
        CheckState(state, nameof(state));
        return _terminal[state];
    }

    private int Index(int state, int action, int next)
    {
        CheckState(state, nameof(state));
        CheckAction(action, nameof(action));
        CheckState(next, nameof(next));
        return (state * ActionCount + action) * StateCount + next;
    }

    private void CheckState(int state, string name)
    {
        if (state < 0 || state >= StateCount)
            throw new ArgumentOutOfRangeException(name, state, $"{name} must be a state in [0, {StateCount}).");
    }

    private void CheckAction(int action, string name)
    {
        if (action < 0 || action >= ActionCount)
            throw new ArgumentOutOfRangeException(name, action, $"{name} must be an action in [0, {ActionCount}).");
    }

    /// <summary>Non-negative finite entries summing to 1 within <see cref="ProbabilityTolerance"/>.</summary>
    internal static void CheckDistribution(ReadOnlySpan<double> row, string name, string what)
    {
        double sum = 0;
        for (int i = 0; i < row.Length; i++)
        {
            if (!(row[i] >= 0) || !double.IsFinite(row[i]))
                throw new ArgumentException($"{what} has entry {i} = {row[i]}; probabilities must be finite and non-negative.", name);
            sum += row[i];
        }
        if (Math.Abs(sum - 1.0) > ProbabilityTolerance)
            throw new ArgumentException($"{what} sums to {sum:R}; a probability distribution must sum to 1 (within {ProbabilityTolerance}).", name);
    }

    private static double[] Flatten(double[,,] array)
    {
        var flat = new double[array.Length];
        int i = 0;
        foreach (double x in array) flat[i++] = x; // row-major: [s, a, s'] -> (s * A + a) * S + s'
        return flat;
    }

    private static string Shape(double[,,] array) => $"{array.GetLength(0)} x {array.GetLength(1)} x {array.GetLength(2)}";
}
