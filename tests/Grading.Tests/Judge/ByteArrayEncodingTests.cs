using System.Text.Json;
using Rl.Grading.Worker;

namespace Rl.Grading.Tests.Judge;

/// <summary>Arrays on the worker protocol: their bytes in base64, back bit for bit; anything else is refused.</summary>
public sealed class ByteArrayEncodingTests
{
    [Fact]
    public void Doubles_ComeBackBitForBit_SpecialValuesIncluded()
    {
        double[] values = [0.1 + 0.2, -0.0, double.NaN, BitConverter.Int64BitsToDouble(0x7ff8_0000_dead_beef),
            double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, -double.MaxValue, 1e-310];
        var random = new System.Random(5);
        for (int n = 0; n < 50; n++)
        {
            double[] sample = [.. values.Take(n % values.Length), .. Enumerable.Range(0, n).Select(_ => random.NextDouble() * 1e6 - 5e5)];
            string json = JsonSerializer.Serialize(sample, WorkerProtocol.Options);
            double[] back = JsonSerializer.Deserialize<double[]>(json, WorkerProtocol.Options)!;
            Assert.Equal(sample.Select(BitConverter.DoubleToInt64Bits), back.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Fact]
    public void Bools_AndRecordsHoldingArrays_ComeBack()
    {
        var input = new BatchedGaeInput([1.5, -2.0, 3.25], [0.5, 0.25, 0.125], [true, false, true], [false, false, true],
            [0.0, 0.0, 9.0], [7.0], 0.99, 0.95);
        string json = JsonSerializer.Serialize(input, WorkerProtocol.Options);
        var back = JsonSerializer.Deserialize<BatchedGaeInput>(json, WorkerProtocol.Options)!;
        Assert.Equal(input.Rewards, back.Rewards);
        Assert.Equal(input.Terminated, back.Terminated);
        Assert.Equal(input.Truncated, back.Truncated);
        Assert.Equal(input.LastValues, back.LastValues);
        Assert.Null(JsonSerializer.Deserialize<double[]>("null", WorkerProtocol.Options));
    }

    [Theory]
    [InlineData("\"AAAAAAAA8D8A\"", "9 bytes are not a whole number of Double values")] // 1.0 and one byte more
    [InlineData("[1.0, 2.0]", "base64 string")]
    public void AMalformedDoubleArray_IsRefused(string json, string message)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<double[]>(json, WorkerProtocol.Options));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void ABoolByteOtherThanZeroOrOne_IsRefused()
    {
        string json = JsonSerializer.Serialize(Convert.ToBase64String([1, 0, 2]));
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<bool[]>(json, WorkerProtocol.Options));
        Assert.Contains("0 or 1", error.Message);
    }
}
