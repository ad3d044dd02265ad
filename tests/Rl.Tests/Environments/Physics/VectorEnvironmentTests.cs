using Rl.Environments;
using Rl.Random;

namespace Rl.Tests.Environments.Physics;

public class VectorEnvironmentTests
{
    [Fact]
    public void CopyI_EqualsASingleEnvironmentResetWithSeedPlusI_ThroughEveryAutoreset()
    {
        const int n = 4;
        const ulong seed = 100;
        var vector = Gym.MakeVector<int>("CartPole-v1", n);
        var singles = new IEnvironment<double[], int>[n];
        vector.Reset(seed);
        for (int i = 0; i < n; i++)
        {
            singles[i] = Gym.Make<int>("CartPole-v1");
            Assert.Equal(singles[i].Reset(seed + (ulong)i), vector.Observation(i).ToArray());
        }

        var rng = new Rng(5);
        var actions = new int[n];
        int episodes = 0;
        for (int t = 0; t < 400; t++)
        {
            for (int i = 0; i < n; i++) actions[i] = rng.NextInt(2);
            vector.Step(actions);
            for (int i = 0; i < n; i++)
            {
                var step = singles[i].Step(actions[i]);
                Assert.Equal(step.Reward, vector.Rewards[i]);
                Assert.Equal(step.Terminated, vector.Terminated[i]);
                Assert.Equal(step.Truncated, vector.Truncated[i]);
                double[] current = step.Observation;
                if (step.Done)
                {
                    Assert.Equal(step.Observation, vector.FinalObservation(i).ToArray());
                    current = singles[i].Reset(); // Gymnasium's autoreset: no seed, the stream goes on
                    episodes++;
                }
                else
                {
                    Assert.Equal(new double[4], vector.FinalObservation(i).ToArray()); // no stale final rows
                }
                Assert.Equal(current, vector.Observation(i).ToArray());
            }
        }
        Assert.True(episodes > 40, $"only {episodes} episodes ended: autoreset barely exercised");
    }

    [Fact]
    public void OnTermination_FinalObservationIsTheTerminalState_AndObservationIsTheNextResetOfTheSameStream()
    {
        var vector = Gym.MakeVector<int>("CartPole-v1", 1);
        vector.Reset(9);
        var twin = new CartPole();
        double[] firstReset = twin.Reset(9);
        double[] secondReset = twin.Reset(); // what the copy's generator gives next
        double threshold = 12 * 2 * Math.PI / 360;

        int steps = 0;
        do
        {
            vector.Step([1]); // always push right: the pole falls to the left
            steps++;
            if (!vector.Terminated[0]) Assert.Equal(new double[4], vector.FinalObservation(0).ToArray());
        } while (!vector.Terminated[0] && steps < 500);

        Assert.True(vector.Terminated[0]);
        Assert.False(vector.Truncated[0]);
        Assert.Equal(1.0, vector.Rewards[0]);
        Assert.True(vector.FinalObservation(0)[2] < -threshold, "the final observation is not the fallen pole");
        Assert.Equal(secondReset, vector.Observation(0).ToArray());
        Assert.NotEqual(firstReset, secondReset);
        Assert.Equal([new CompletedEpisode(0, steps, steps)], vector.CompletedEpisodes.ToArray());
    }

    [Fact]
    public void OnTruncation_FlagsTruncatedNotTerminated_WithTheFinalObservationAndTheEpisodeReturn()
    {
        const ulong seed = 30;
        var vector = Gym.MakeVector<double[]>("Pendulum-v1", 2);
        vector.Reset(seed);
        var twins = new[] { Gym.Make<double[]>("Pendulum-v1"), Gym.Make<double[]>("Pendulum-v1") };
        for (int i = 0; i < 2; i++) twins[i].Reset(seed + (ulong)i);
        double[][] actions = [[0.5], [-1.0]];
        var returns = new double[2];

        for (int t = 1; t <= 200; t++)
        {
            vector.Step(actions);
            for (int i = 0; i < 2; i++)
            {
                var step = twins[i].Step(actions[i]);
                returns[i] += step.Reward;
                Assert.False(vector.Terminated[i]);
                Assert.Equal(t == 200, vector.Truncated[i]);
                if (t < 200) continue;
                Assert.Equal(step.Observation, vector.FinalObservation(i).ToArray());
                Assert.Equal(twins[i].Reset(), vector.Observation(i).ToArray());
            }
            Assert.Equal(t == 200 ? 2 : 0, vector.CompletedEpisodes.Length);
        }

        Assert.Equal([new CompletedEpisode(0, returns[0], 200), new CompletedEpisode(1, returns[1], 200)],
            vector.CompletedEpisodes.ToArray());
    }

    [Fact]
    public void CompletedEpisodes_ReportEachEndedEpisodesReturnAndLength_InCopyOrder()
    {
        const int n = 3;
        var vector = Gym.MakeVector<int>("CartPole-v1", n);
        vector.Reset(1);
        var rng = new Rng(2);
        var actions = new int[n];
        var returns = new double[n];
        var lengths = new int[n];
        int reported = 0;
        for (int t = 0; t < 600; t++)
        {
            // A biased random policy, so that episode lengths vary.
            for (int i = 0; i < n; i++) actions[i] = rng.NextDouble() < 0.4 + 0.1 * i ? 1 : 0;
            vector.Step(actions);
            var expected = new List<CompletedEpisode>();
            for (int i = 0; i < n; i++)
            {
                returns[i] += vector.Rewards[i];
                lengths[i]++;
                if (!vector.Terminated[i] && !vector.Truncated[i]) continue;
                expected.Add(new CompletedEpisode(i, returns[i], lengths[i]));
                (returns[i], lengths[i]) = (0, 0);
            }
            Assert.Equal(expected, vector.CompletedEpisodes.ToArray());
            reported += expected.Count;
        }
        Assert.True(reported > 30, $"only {reported} episodes ended");
    }

    [Fact]
    public void SameSeed_GivesTheSameRunBitForBit_AlsoAfterResettingTheSameVector()
    {
        var vector = Gym.MakeVector<int>("CartPole-v1", 3);
        var first = Record(vector, seed: 8);
        var again = Record(vector, seed: 8);
        var fresh = Record(Gym.MakeVector<int>("CartPole-v1", 3), seed: 8);
        var other = Record(Gym.MakeVector<int>("CartPole-v1", 3), seed: 9);

        Assert.Equal(first, again);
        Assert.Equal(first, fresh);
        Assert.NotEqual(first.Take(12), other.Take(12));
    }

    [Fact]
    public void Step_AllocatesNothingItself()
    {
        var vector = new VectorEnvironment<int>(() => new CountingEnvironment(), 8, CountingEnvironment.Size);
        vector.Reset(0);
        var actions = new int[8];
        for (int t = 0; t < 1000; t++) vector.Step(actions); // warm up (JIT, tiering)

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int t = 0; t < 1000; t++) vector.Step(actions);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(CountingEnvironment.EpisodeLength, vector.CompletedEpisodes[0].Length);
    }

    [Fact]
    public void Step_BeforeReset_Throws()
    {
        var vector = Gym.MakeVector<int>("CartPole-v1", 2);
        Assert.Throws<InvalidOperationException>(() => vector.Step([0, 1]));
    }

    [Fact]
    public void Step_WithOneActionTooFew_ThrowsNamingActions()
    {
        var vector = Gym.MakeVector<int>("CartPole-v1", 2);
        vector.Reset(0);

        var error = Assert.Throws<ArgumentException>(() => vector.Step([0]));
        Assert.Equal("actions", error.ParamName);
    }

    [Fact]
    public void Constructor_FactoryReturningOneSharedInstance_Throws()
    {
        var shared = Gym.Make<int>("CartPole-v1");
        Assert.Throws<ArgumentException>(() => new VectorEnvironment<int>(() => shared, 2, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => new VectorEnvironment<int>(() => Gym.Make<int>("CartPole-v1"), 0, 4));
    }

    [Fact]
    public void Step_ObservationOfTheWrongSize_Throws()
    {
        var vector = new VectorEnvironment<int>(() => Gym.Make<int>("CartPole-v1"), 2, observationSize: 3);
        Assert.Throws<InvalidOperationException>(() => vector.Reset(0));
    }

    /// <summary>Every buffer after each of 300 steps of fixed pseudo-random actions, as raw bits.</summary>
    private static List<long> Record(VectorEnvironment<int> vector, ulong seed)
    {
        var rng = new Rng(77);
        var actions = new int[vector.Count];
        var bits = new List<long>();
        vector.Reset(seed);
        foreach (double x in vector.Observations) bits.Add(BitConverter.DoubleToInt64Bits(x));
        for (int t = 0; t < 300; t++)
        {
            for (int i = 0; i < actions.Length; i++) actions[i] = rng.NextInt(2);
            vector.Step(actions);
            foreach (double x in vector.Observations) bits.Add(BitConverter.DoubleToInt64Bits(x));
            foreach (double x in vector.FinalObservations) bits.Add(BitConverter.DoubleToInt64Bits(x));
            foreach (double r in vector.Rewards) bits.Add(BitConverter.DoubleToInt64Bits(r));
            foreach (bool d in vector.Terminated) bits.Add(d ? 1 : 0);
            foreach (bool d in vector.Truncated) bits.Add(d ? 1 : 0);
            foreach (var e in vector.CompletedEpisodes) bits.AddRange([e.EnvironmentIndex, BitConverter.DoubleToInt64Bits(e.Return), e.Length]);
        }
        return bits;
    }

    /// <summary>
    /// A fake that allocates nothing: it returns the same observation array every time and
    /// terminates every <see cref="EpisodeLength"/> steps, so any allocation measured is the vector's own.
    /// </summary>
    private sealed class CountingEnvironment : IEnvironment<double[], int>
    {
        public const int Size = 2, EpisodeLength = 5;
        private readonly double[] _observation = new double[Size];
        private int _t;

        public double[] Reset(ulong seed) => Reset();

        public double[] Reset()
        {
            _t = 0;
            return _observation;
        }

        public StepResult<double[]> Step(int action)
        {
            _t++;
            _observation[0] = _t;
            return new StepResult<double[]>(_observation, 1.0, _t == EpisodeLength, false);
        }

        public EnvironmentSnapshot Snapshot() => throw new NotSupportedException();

        public void Restore(EnvironmentSnapshot snapshot) => throw new NotSupportedException();

        public void Reseed(ulong seed) { }
    }
}
