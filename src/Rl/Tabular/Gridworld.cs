namespace Rl.Tabular;

/// <summary>
/// A small stochastic gridworld in the style of Russell and Norvig's 4 x 3 world. A move goes the
/// intended way with probability 1 - slip and to each perpendicular side with probability slip / 2;
/// a move into a wall or off the grid leaves the agent where it is. Entering the goal pays +1,
/// entering the pit pays -1, both are terminal, and every other step pays the step reward.
/// </summary>
/// <remarks>
/// The layout is a list of rows of equal length: 'S' start, '.' free, '#' wall (not a state),
/// 'G' goal, 'P' pit. States are the non-wall cells in row-major order, labelled "(row,column)"
/// with row 0 at the top. The default layout, with the start top-left and the goal bottom-right:
/// <code>
///   S . . .
///   . # P .
///   . . . .
///   . . . G
/// </code>
/// The policy is the same in every state and leans towards the goal,
/// pi(up, right, down, left) = (0.1, 0.4, 0.4, 0.1), so it sometimes walks into the pit and A^pi
/// differs across actions.
/// </remarks>
public static class Gridworld
{
    /// <summary>Towards row 0.</summary>
    public const int Up = 0;

    /// <summary>Towards the last column.</summary>
    public const int Right = 1;

    /// <summary>Towards the last row.</summary>
    public const int Down = 2;

    /// <summary>Towards column 0.</summary>
    public const int Left = 3;

    /// <summary>The 4 x 4 layout that <see cref="Create"/> uses by default.</summary>
    public static IReadOnlyList<string> DefaultLayout { get; } = ["S...", ".#P.", "....", "...G"];

    private static readonly (int Row, int Column)[] Moves = [(-1, 0), (0, 1), (1, 0), (0, -1)]; // up, right, down, left

    /// <summary>The gridworld of <paramref name="layout"/> with the policy that leans right and down.</summary>
    /// <param name="layout">Rows of 'S', '.', '#', 'G', 'P' (one 'S'); default <see cref="DefaultLayout"/>.</param>
    /// <param name="slip">The probability of moving perpendicular to the intended direction, in [0, 1]
    /// (split evenly between the two sides); 0.2 gives the classic 0.8 / 0.1 / 0.1.</param>
    /// <param name="stepReward">The reward of a step that does not end in the goal or the pit; the
    /// classic -0.04 makes long walks slightly costly.</param>
    public static TabularProblem Create(IReadOnlyList<string>? layout = null, double slip = 0.2, double stepReward = -0.04)
    {
        layout ??= DefaultLayout;
        CheckLayout(layout);
        Guard.UnitInterval(slip, nameof(slip));
        Guard.Finite(stepReward, nameof(stepReward));

        int rows = layout.Count, columns = layout[0].Length;
        var stateOf = new int[rows, columns];
        var cells = new List<(int Row, int Column)>();
        for (int row = 0; row < rows; row++)
            for (int column = 0; column < columns; column++)
            {
                stateOf[row, column] = layout[row][column] == '#' ? -1 : cells.Count;
                if (stateOf[row, column] >= 0) cells.Add((row, column));
            }

        int stateCount = cells.Count;
        var transitions = new double[stateCount, Moves.Length, stateCount];
        var rewards = new double[stateCount, Moves.Length, stateCount];
        var terminal = new List<int>();
        var start = new double[stateCount];
        for (int s = 0; s < stateCount; s++)
        {
            var (row, column) = cells[s];
            char cell = layout[row][column];
            if (cell == 'S') start[s] = 1.0;
            if (cell is 'G' or 'P')
            {
                terminal.Add(s);
                for (int a = 0; a < Moves.Length; a++) transitions[s, a, s] = 1.0; // an unused self-loop
                continue;
            }
            for (int a = 0; a < Moves.Length; a++)
            {
                // intended direction a, and the two perpendicular ones a +- 1 (mod 4)
                foreach (var (direction, probability) in new[] { (a, 1.0 - slip), ((a + 1) % 4, slip / 2), ((a + 3) % 4, slip / 2) })
                {
                    int next = Destination(layout, stateOf, row, column, direction, s);
                    transitions[s, a, next] += probability;
                    char arrival = layout[cells[next].Row][cells[next].Column];
                    rewards[s, a, next] = arrival == 'G' ? 1.0 : arrival == 'P' ? -1.0 : stepReward;
                }
            }
        }

        var labels = cells.Select(c => $"({c.Row},{c.Column})").ToArray();
        var mdp = new TabularMdp(transitions, rewards, terminal, start, labels);
        return new TabularProblem(mdp, TabularPolicy.SameInEveryState(stateCount, 0.1, 0.4, 0.4, 0.1));
    }

    /// <summary>The state one move away, or <paramref name="state"/> itself if a wall or the edge is in the way.</summary>
    private static int Destination(IReadOnlyList<string> layout, int[,] stateOf, int row, int column, int direction, int state)
    {
        int r = row + Moves[direction].Row, c = column + Moves[direction].Column;
        bool blocked = r < 0 || r >= layout.Count || c < 0 || c >= layout[0].Length || stateOf[r, c] < 0;
        return blocked ? state : stateOf[r, c];
    }

    private static void CheckLayout(IReadOnlyList<string> layout)
    {
        if (layout.Count == 0 || layout[0] is null || layout[0].Length == 0)
            throw new ArgumentException("layout must have at least one non-empty row.", nameof(layout));
        for (int row = 0; row < layout.Count; row++)
        {
            if (layout[row] is null || layout[row].Length != layout[0].Length)
                throw new ArgumentException($"layout row {row} must have the length of row 0, {layout[0].Length}.", nameof(layout));
            int bad = layout[row].AsSpan().IndexOfAnyExcept("S.#GP");
            if (bad >= 0)
                throw new ArgumentException(
                    $"layout[{row}][{bad}] is '{layout[row][bad]}'; cells must be 'S', '.', '#', 'G' or 'P'.", nameof(layout));
        }
        int starts = layout.Sum(line => line.Count(c => c == 'S'));
        if (starts != 1)
            throw new ArgumentException($"layout has {starts} start cells 'S' but must have exactly one.", nameof(layout));
    }
}
