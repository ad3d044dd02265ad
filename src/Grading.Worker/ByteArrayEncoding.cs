using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rl.Grading.Worker;

/// <summary>
/// A double[] or bool[] on the wire as one base64 string of its bytes (the judge and the worker run on
/// the same machine, so in the same byte order): bit for bit by construction (NaN payloads, -0 and
/// infinities included), about 11 characters a double instead of up to 24, and a copy instead of a
/// decimal conversion per number. Test 9.1's training makes thousands of calls, and this conversion
/// was most of what each one cost. A string that is not a whole number of elements, or a bool byte
/// other than 0 or 1, is refused.
/// </summary>
public sealed class ByteArrayEncoding<T> : JsonConverter<T[]> where T : unmanaged
{
    /// <inheritdoc/>
    public override T[]? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"a {typeof(T).Name}[] is a base64 string of its bytes, not {reader.TokenType}.");
        byte[] bytes = reader.GetBytesFromBase64();
        int size = Unsafe.SizeOf<T>();
        if (bytes.Length % size != 0)
            throw new JsonException($"{bytes.Length} bytes are not a whole number of {typeof(T).Name} values.");
        if (typeof(T) == typeof(bool) && bytes.AsSpan().IndexOfAnyExcept((byte)0, (byte)1) >= 0)
            throw new JsonException("a bool is the byte 0 or 1.");
        return MemoryMarshal.Cast<byte, T>(bytes).ToArray();
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T[] value, JsonSerializerOptions options) =>
        writer.WriteBase64StringValue(MemoryMarshal.AsBytes(value.AsSpan()));
}
