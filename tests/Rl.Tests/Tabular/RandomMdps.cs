using Rl.Random;
using Rl.Tabular;

namespace Rl.Tests.Tabular;

/// <summary>
/// Random finite MDPs and policies for property tests: 2 to 7 states (one or two of them terminal),
/// 1 to 4 actions, sparse random transition rows, Gaussian rewards. Each is fixed by its seed.
/// </summary>
internal static class RandomMdps
{
    public static TabularProblem Create(ulong seed)
    {
        var rng = new Rng(seed);
        int stateCount = 2 + rng.NextInt(6), actionCount = 1 + rng.NextInt(4);
        int terminalCount = Math.Min(1 + rng.NextInt(2), stateCount - 1);
        var terminal = Enumerable.Range(stateCount - terminalCount, terminalCount).ToArray();

        var transitions = new double[stateCount, actionCount, stateCount];
        var rewards = new double[stateCount, actionCount, stateCount];
        for (int s = 0; s < stateCount; s++)
            for (int a = 0; a < actionCount; a++)
            {
                var row = Distribution(rng, stateCount);
                for (int next = 0; next < stateCount; next++)
                {
                    transitions[s, a, next] = row[next];
                    rewards[s, a, next] = rng.NextGaussian();
                }
            }

        var start = new double[stateCount];
        start[0] = 1.0;
        var policy = new double[stateCount, actionCount];
        for (int s = 0; s < stateCount; s++)
        {
            var row = Distribution(rng, actionCount);
            for (int a = 0; a < actionCount; a++) policy[s, a] = row[a];
        }
        return new TabularProblem(new TabularMdp(transitions, rewards, terminal, start), new TabularPolicy(policy));
    }

    /// <summary>Normalised exponentials with about a third of the entries zeroed (at least one kept).</summary>
    private static double[] Distribution(Rng rng, int length)
    {
        var row = new double[length];
        for (int i = 0; i < length; i++) row[i] = rng.NextDouble() < 1.0 / 3 ? 0.0 : -Math.Log(1.0 - rng.NextDouble());
        if (row.All(p => p == 0)) row[rng.NextInt(length)] = 1.0;
        double sum = row.Sum();
        for (int i = 0; i < length; i++) row[i] /= sum;
        return row;
    }
}
