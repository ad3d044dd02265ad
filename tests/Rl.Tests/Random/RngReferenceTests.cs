using Rl.Random;

namespace Rl.Tests.Random;

/// <summary>
/// Rng against the published algorithms: first the independent <see cref="ReferenceXoshiro"/> is
/// pinned to published test vectors, then Rng must reproduce it bit for bit.
/// </summary>
public class RngReferenceTests
{
    // splitmix64.c seeded with 0: the first four outputs, as published with the algorithm.
    private static readonly ulong[] SplitMix64SeedZero =
        [0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F, 0xF88BB8A8724C81EC];

    // xoshiro256starstar.c from the state {1, 2, 3, 4}: the vector in rand_xoshiro's reference test.
    private static readonly ulong[] XoshiroStateOneTwoThreeFour =
    [
        11520, 0, 1509978240, 1215971899390074240, 1216172134540287360,
        607988272756665600, 16172922978634559625, 8476171486693032832,
        10595114339597558777, 2904607092377533576,
    ];

    [Fact]
    public void ReferenceSplitMix64_MatchesPublishedOutputsForSeedZero()
    {
        ulong x = 0;
        var outputs = Enumerable.Range(0, 4).Select(_ => ReferenceXoshiro.SplitMix64Next(ref x)).ToArray();
        Assert.Equal(SplitMix64SeedZero, outputs);
    }

    [Fact]
    public void ReferenceXoshiro_MatchesPublishedVectorFromState1234()
    {
        var reference = new ReferenceXoshiro(1, 2, 3, 4);
        Assert.Equal(XoshiroStateOneTwoThreeFour, XoshiroStateOneTwoThreeFour.Select(_ => reference.Next()).ToArray());
    }

    [Fact]
    public void Rng_FromState1234_MatchesPublishedVector()
    {
        var rng = new Rng(seed: 99) { State = new RngState(1, 2, 3, 4) };
        Assert.Equal(XoshiroStateOneTwoThreeFour, XoshiroStateOneTwoThreeFour.Select(_ => rng.NextUInt64()).ToArray());
    }

    [Fact]
    public void Seeding_IsSplitMix64_SoSeedZeroStateIsItsFirstFourOutputs()
    {
        var state = new Rng(0).State;
        Assert.Equal(SplitMix64SeedZero, new[] { state.S0, state.S1, state.S2, state.S3 });
    }

    [Fact]
    public void FirstValueForSeedZero_EqualsReferenceImplementation()
    {
        // Computed, not pasted: the reference is pinned to the published vectors above.
        ulong expected = ReferenceXoshiro.Seeded(0).Next();
        Assert.Equal(expected, new Rng(0).NextUInt64());
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(1UL)]
    [InlineData(42UL)]
    [InlineData(ulong.MaxValue)]
    public void Stream_EqualsReferenceImplementation_ForThousandDraws(ulong seed)
    {
        var reference = ReferenceXoshiro.Seeded(seed);
        var rng = new Rng(seed);
        for (int i = 0; i < 1000; i++) Assert.Equal(reference.Next(), rng.NextUInt64());
    }

    [Fact]
    public void NextDouble_IsTop53BitsOfNextUInt64()
    {
        var rng = new Rng(5);
        var bits = rng.Clone();
        for (int i = 0; i < 1000; i++)
            Assert.Equal((bits.NextUInt64() >> 11) * Math.Pow(2, -53), rng.NextDouble());
    }
}
