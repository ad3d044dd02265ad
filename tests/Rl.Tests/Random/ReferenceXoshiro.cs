namespace Rl.Tests.Random;

/// <summary>
/// An independent transcription of the reference C code: Vigna's splitmix64.c for seeding and
/// Blackman and Vigna's xoshiro256starstar.c for the stream, written as plainly as the C, with no
/// code shared with <see cref="Rl.Random.Rng"/>. Pinned to published test vectors in
/// <see cref="RngReferenceTests"/> before it is used as the oracle.
/// </summary>
internal sealed class ReferenceXoshiro
{
    private readonly ulong[] _s;

    public ReferenceXoshiro(ulong s0, ulong s1, ulong s2, ulong s3) => _s = [s0, s1, s2, s3];

    /// <summary>The state SplitMix64 gives for <paramref name="seed"/>: its first four outputs.</summary>
    public static ReferenceXoshiro Seeded(ulong seed)
    {
        ulong x = seed;
        return new ReferenceXoshiro(SplitMix64Next(ref x), SplitMix64Next(ref x), SplitMix64Next(ref x), SplitMix64Next(ref x));
    }

    public ulong[] State => (ulong[])_s.Clone();

    /// <summary>splitmix64.c: next().</summary>
    public static ulong SplitMix64Next(ref ulong x)
    {
        unchecked
        {
            x += 0x9e3779b97f4a7c15;
            ulong z = x;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
            z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
            return z ^ (z >> 31);
        }
    }

    /// <summary>xoshiro256starstar.c: next().</summary>
    public ulong Next()
    {
        unchecked
        {
            ulong result = Rotl(_s[1] * 5, 7) * 9;
            ulong t = _s[1] << 17;
            _s[2] ^= _s[0];
            _s[3] ^= _s[1];
            _s[1] ^= _s[2];
            _s[0] ^= _s[3];
            _s[2] ^= t;
            _s[3] = Rotl(_s[3], 45);
            return result;
        }
    }

    private static ulong Rotl(ulong x, int k) => (x << k) | (x >> (64 - k));
}
