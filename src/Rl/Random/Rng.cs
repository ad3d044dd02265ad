using System.Numerics;

namespace Rl.Random;

/// <summary>
/// The kit's random generator: xoshiro256** (Blackman and Vigna, 2018) seeded through SplitMix64.
/// </summary>
/// <remarks>
/// Why not <see cref="System.Random"/>: its state cannot be read or restored, and its algorithm is an
/// implementation detail that may change between .NET versions. Environments must snapshot and
/// restore their generator ("go back to s and roll out again", lecture item 1), and a seed must give
/// the same numbers bit for bit. This class derives from <see cref="System.Random"/> so that
/// MathNet.Numerics distributions can sample from it, and overrides every member so that none of
/// the base class's own algorithm is ever used.
/// </remarks>
public sealed class Rng : System.Random
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>A generator whose whole stream is fixed by <paramref name="seed"/>.</summary>
    public Rng(ulong seed) => Reseed(seed);

    private Rng(RngState state) => State = state;

    /// <summary>The generator's whole state: restoring it replays the same stream.</summary>
    public RngState State
    {
        get => new(_s0, _s1, _s2, _s3);
        set
        {
            if ((value.S0 | value.S1 | value.S2 | value.S3) == 0)
                throw new ArgumentException("xoshiro256** state must not be all zero.", nameof(value));
            (_s0, _s1, _s2, _s3) = (value.S0, value.S1, value.S2, value.S3);
        }
    }

    /// <summary>Starts the stream that <paramref name="seed"/> names, as if newly constructed.</summary>
    public void Reseed(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>An independent copy at the same point of the stream.</summary>
    public Rng Clone() => new(State);

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public override double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform on [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public double Uniform(double low, double high)
    {
        if (!(low <= high) || !double.IsFinite(high - low))
            throw new ArgumentException($"need finite low <= high, got [{low}, {high}].", nameof(high));
        return low + (high - low) * NextDouble();
    }

    /// <summary>A standard normal sample by the Box-Muller transform (one of the pair is used).</summary>
    public double NextGaussian()
    {
        double u1 = 1.0 - NextDouble(); // (0, 1]: the log is finite
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Uniform on {0, ..., <paramref name="n"/> - 1}, without modulo bias (Lemire's method).</summary>
    public int NextInt(int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "must be positive.");
        return (int)NextBelow((ulong)n);
    }

    private ulong NextBelow(ulong n)
    {
        ulong high = Math.BigMul(NextUInt64(), n, out ulong low);
        if (low < n)
        {
            ulong threshold = (0 - n) % n;
            while (low < threshold) high = Math.BigMul(NextUInt64(), n, out low);
        }
        return high;
    }

    /// <summary>
    /// Draws index i with probability <c>probabilities[i]</c> (inverse CDF on one uniform). The entries
    /// must be non-negative and sum to 1 within 1e-9.
    /// </summary>
    public int Categorical(ReadOnlySpan<double> probabilities)
    {
        if (probabilities.IsEmpty) throw new ArgumentException("probabilities must not be empty.", nameof(probabilities));
        double total = 0;
        foreach (double p in probabilities)
        {
            if (!(p >= 0)) throw new ArgumentException($"probabilities must be non-negative, got {p}.", nameof(probabilities));
            total += p;
        }
        if (!(Math.Abs(total - 1.0) <= 1e-9))
            throw new ArgumentException($"probabilities must sum to 1 (within 1e-9), got {total:R}.", nameof(probabilities));
        double u = NextDouble();
        double cumulative = 0;
        for (int i = 0; i < probabilities.Length; i++)
        {
            cumulative += probabilities[i];
            if (u < cumulative) return i;
        }
        // Rounding can leave the running total a hair under u: the last non-zero entry takes the rest.
        int last = probabilities.Length - 1;
        while (probabilities[last] == 0) last--;
        return last;
    }

    /// <inheritdoc />
    public override int Next() => (int)NextBelow(int.MaxValue);

    /// <inheritdoc />
    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return maxValue == 0 ? 0 : NextInt(maxValue);
    }

    /// <inheritdoc />
    public override int Next(int minValue, int maxValue)
    {
        if (minValue > maxValue) throw new ArgumentOutOfRangeException(nameof(minValue), "must not exceed maxValue.");
        return minValue == maxValue ? minValue : (int)((long)minValue + (long)NextBelow((ulong)((long)maxValue - minValue)));
    }

    /// <inheritdoc />
    public override long NextInt64() => (long)NextBelow(long.MaxValue);

    /// <inheritdoc />
    public override long NextInt64(long maxValue) => NextInt64(0, maxValue);

    /// <inheritdoc />
    public override long NextInt64(long minValue, long maxValue)
    {
        if (minValue > maxValue) throw new ArgumentOutOfRangeException(nameof(minValue), "must not exceed maxValue.");
        return minValue == maxValue ? minValue : minValue + (long)NextBelow((ulong)(maxValue - minValue));
    }

    /// <inheritdoc />
    public override float NextSingle() => (NextUInt64() >> 40) * (1.0f / (1U << 24));

    /// <inheritdoc />
    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());

    /// <inheritdoc />
    public override void NextBytes(Span<byte> buffer)
    {
        for (int i = 0; i < buffer.Length; i++) buffer[i] = (byte)(NextUInt64() >> 56);
    }

    /// <inheritdoc />
    protected override double Sample() => NextDouble();

    private static ulong SplitMix64(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>The four 64-bit words of an <see cref="Rng"/>: its whole state.</summary>
public readonly record struct RngState(ulong S0, ulong S1, ulong S2, ulong S3);
