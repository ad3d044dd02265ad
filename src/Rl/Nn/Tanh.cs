namespace Rl.Nn;

/// <summary>
/// The tanh activation, elementwise, so it works on any layout:
/// <code>
///   forward:   y  = tanh x
///   backward:  dx = dy (1 - y^2)          since d tanh x / dx = 1 - tanh^2 x
/// </code>
/// The backward pass needs only the forward output y, not x, so a network may overwrite x with y
/// (<see cref="Mlp"/> does: one buffer per hidden layer).
/// </summary>
public static class Tanh
{
    /// <summary><c>y = tanh x</c>; <paramref name="output"/> may be <paramref name="input"/>.</summary>
    public static void Forward(ReadOnlySpan<double> input, Span<double> output)
    {
        Guard.Length(output.Length, input.Length, nameof(output), "one output per input");
        SimdKernels.Tanh(input, output);
    }

    /// <summary>
    /// <c>dx = dy (1 - y^2)</c> from the forward output y; <paramref name="inputGradient"/> may be
    /// <paramref name="outputGradient"/>.
    /// </summary>
    public static void Backward(ReadOnlySpan<double> output, ReadOnlySpan<double> outputGradient, Span<double> inputGradient)
    {
        Guard.Length(outputGradient.Length, output.Length, nameof(outputGradient), "one gradient per output");
        Guard.Length(inputGradient.Length, output.Length, nameof(inputGradient), "one gradient per input");
        SimdKernels.TanhBackward(output, outputGradient, inputGradient);
    }
}
