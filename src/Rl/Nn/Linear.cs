namespace Rl.Nn;

/// <summary>
/// A fully connected layer: each sample x (a row of <c>in</c> features) maps to
/// <code>
///   y = x W^T + b          W: [out x in] row-major, b: [out]
/// </code>
/// and its backward pass, for a batch X [B x in] with upstream gradient dY = dL/dY [B x out], is
/// <code>
///   dW += dY^T X           [out x in]
///   db += sum_rows dY      [out]
///   dX  = dY W             [B x in]
/// </code>
/// </summary>
/// <remarks>
/// <para>
/// The layer owns no numbers, only its shape: its parameters are a slice of the network's flat
/// parameter array, <c>[W row by row | b]</c>, and its gradients the same slice of the flat
/// gradient array. That is what lets Adam, clipping and saving treat a network as one span.
/// </para>
/// <para>
/// Layout: batches are passed feature-major, transposed from the formulas above: one row per
/// feature, one column per sample, so X^T is [in x n] with sample s of feature f at
/// <c>f * n + s</c>. The same formulas, transposed, are what the code computes:
/// <code>
///   Y^T  = W X^T + b 1^T       (forward)
///   dW  += dY^T (X^T)^T        (a row of dY^T dotted with a row of X^T)
///   db  += dY^T 1              (row sums)
///   dX^T = W^T dY^T
/// </code>
/// Why: the batch (n, 128 in PPO) is then the contiguous axis of every large operand, long and the
/// same for every layer, so the vector lanes run along it even when a layer has 1, 2 or 4 features.
/// <see cref="Mlp"/> transposes at its edges, where the widths are small.
/// </para>
/// </remarks>
public sealed class Linear
{
    /// <summary>A layer from <paramref name="inputs"/> features to <paramref name="outputs"/> features.</summary>
    public Linear(int inputs, int outputs)
    {
        Guard.AtLeast(inputs, 1, nameof(inputs));
        Guard.AtLeast(outputs, 1, nameof(outputs));
        Inputs = inputs;
        Outputs = outputs;
    }

    /// <summary>Features in, <c>in</c>: the columns of W.</summary>
    public int Inputs { get; }

    /// <summary>Features out, <c>out</c>: the rows of W and the length of b.</summary>
    public int Outputs { get; }

    /// <summary>Entries of W, <c>out * in</c>: they come first in the layer's parameter slice.</summary>
    public int WeightCount => Outputs * Inputs;

    /// <summary>Entries of W and b together, <c>out * in + out</c>: the length of the parameter slice.</summary>
    public int ParameterCount => WeightCount + Outputs;

    /// <summary>
    /// <c>Y^T = W X^T + b 1^T</c>, i.e. <c>Y^T[o, s] = b[o] + sum_i W[o, i] X^T[i, s]</c>:
    /// y = x W^T + b for each of the <paramref name="columns"/> samples.
    /// </summary>
    /// <param name="parameters">The layer's slice: W [out x in] then b [out].</param>
    /// <param name="input">X^T, [in x columns].</param>
    /// <param name="output">Y^T, [out x columns], overwritten.</param>
    /// <param name="columns">The number of samples n.</param>
    public void Forward(ReadOnlySpan<double> parameters, ReadOnlySpan<double> input, Span<double> output, int columns)
    {
        CheckShapes(parameters.Length, input.Length, output.Length, nameof(output), columns);
        // [out x n] = [out x in] [in x n]: A = W, row stride in, column stride 1.
        SimdKernels.MatMul(Outputs, columns, Inputs, parameters[..WeightCount], Inputs, 1, input,
            parameters[WeightCount..], output);
    }

    /// <summary>
    /// The backward pass, given the forward input X^T and dY^T = dL/dY^T:
    /// <c>dW += dY^T X</c> and <c>db += sum_rows dY</c> are added to <paramref name="gradients"/>;
    /// <c>dX = dY W</c> is written to <paramref name="inputGradient"/> unless it is empty
    /// (the first layer's input is data, whose gradient PPO never needs).
    /// </summary>
    /// <param name="parameters">The layer's slice: W [out x in] then b [out].</param>
    /// <param name="input">X^T, [in x columns], as given to <see cref="Forward"/>.</param>
    /// <param name="outputGradient">dY^T, [out x columns].</param>
    /// <param name="gradients">The layer's gradient slice, dW [out x in] then db [out]: added to.</param>
    /// <param name="inputGradient">dX^T, [in x columns], overwritten; or empty to skip it.</param>
    /// <param name="columns">The number of samples n.</param>
    public void Backward(ReadOnlySpan<double> parameters, ReadOnlySpan<double> input, ReadOnlySpan<double> outputGradient,
        Span<double> gradients, Span<double> inputGradient, int columns)
    {
        CheckShapes(parameters.Length, input.Length, outputGradient.Length, nameof(outputGradient), columns);
        Guard.Length(gradients.Length, ParameterCount, nameof(gradients), "dW [out x in] then db [out]");
        // dW[o, i] += sum_s dY^T[o, s] X^T[i, s]: [out x in] += [out x n] [in x n]^T.
        SimdKernels.MatMulTransposedAccumulate(Outputs, Inputs, columns, outputGradient, input, gradients[..WeightCount]);
        // db[o] += sum_s dY^T[o, s].
        SimdKernels.AccumulateRowSums(Outputs, columns, outputGradient, gradients[WeightCount..]);
        if (inputGradient.IsEmpty) return;
        Guard.Length(inputGradient.Length, Inputs * columns, nameof(inputGradient), "dX^T is [in x columns], or empty");
        // dX^T = W^T dY^T: [in x n] = [in x out] [out x n]; A = W^T, so A(i, o) = W[o, i]: row stride 1, column stride in.
        SimdKernels.MatMul(Inputs, columns, Outputs, parameters[..WeightCount], 1, Inputs, outputGradient,
            ReadOnlySpan<double>.Empty, inputGradient);
    }

    private void CheckShapes(int parameters, int input, int output, string outputName, int columns)
    {
        Guard.AtLeast(columns, 1, nameof(columns));
        Guard.Length(parameters, ParameterCount, nameof(parameters), "W [out x in] then b [out]");
        Guard.Length(input, Inputs * columns, nameof(input), "X^T is [in x columns]");
        Guard.Length(output, Outputs * columns, outputName, "[out x columns]");
    }
}
