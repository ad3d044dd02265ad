namespace Rl.Nn;

/// <content>
/// Pearlmutter's R-operator (1994): the directional derivative of the outputs of the last
/// <see cref="Forward"/> along a direction v in parameter space, J v, in one forward-mode pass.
/// Writing R{.} = d/dt (.)(theta + t v) at t = 0, with V, c the parts of v that belong to a
/// layer's W and b:
/// <code>
///   R{x_0} = 0                                    (the input does not depend on theta)
///   R{z_l} = W_l R{x_l} + V_l x_l + c_l           (Linear: product rule)
///   R{x_l+1} = (1 - x_l+1^2) R{z_l}               (tanh, from its output, as in its backward pass)
///   J v = R{z_L}                                  (the last layer is linear)
/// </code>
/// It costs about one forward pass and needs no Jacobian: the natural gradient's Fisher-vector
/// product is J^T M (J v), with J^T by <see cref="Backward(ReadOnlySpan{double})"/>.
/// </content>
public sealed partial class Mlp
{
    private double[][] _tangents = []; // R{x_l}, feature-major [size x columns], like _activations
    private double[] _product = [];    // W_l R{x_l} before it is added

    /// <summary>
    /// J v for the batch of the last <see cref="Forward"/>, [batch x out] row-major, written to
    /// <paramref name="outputTangent"/>. Leaves the cached batch (and so a later Backward) intact.
    /// </summary>
    /// <param name="direction">v, laid out like <see cref="Parameters"/>.</param>
    /// <param name="outputTangent">[batch x out], overwritten.</param>
    public void ForwardTangent(ReadOnlySpan<double> direction, Span<double> outputTangent)
    {
        if (_batch == 0) throw new InvalidOperationException("ForwardTangent needs a Forward first.");
        Guard.Length(direction.Length, ParameterCount, nameof(direction), "one entry per parameter, laid out like Parameters");
        Guard.Length(outputTangent.Length, _batch * OutputSize, nameof(outputTangent), "[batch x outputs] of the last Forward");
        int n = _columns;
        if (_tangents.Length != _sizes.Length || _tangents[^1].Length < OutputSize * n)
        {
            _tangents = _sizes.Select(size => new double[size * _capacity]).ToArray();
            _product = new double[_sizes.Max() * _capacity];
        }
        for (int l = 0; l < _layers.Length; l++)
        {
            var layer = _layers[l];
            var v = direction.Slice(_offsets[l], layer.ParameterCount);
            var x = _activations[l].AsSpan(0, layer.Inputs * n);
            var rz = _tangents[l + 1].AsSpan(0, layer.Outputs * n);
            // R{z} = V x + c 1^T
            SimdKernels.MatMul(layer.Outputs, n, layer.Inputs, v[..layer.WeightCount], layer.Inputs, 1, x, v[layer.WeightCount..], rz);
            if (l > 0)
            {
                // R{z} += W R{x}
                var product = _product.AsSpan(0, rz.Length);
                SimdKernels.MatMul(layer.Outputs, n, layer.Inputs, Weights(l), layer.Inputs, 1,
                    _tangents[l].AsSpan(0, layer.Inputs * n), ReadOnlySpan<double>.Empty, product);
                for (int i = 0; i < rz.Length; i++) rz[i] += product[i];
            }
            if (l < _layers.Length - 1) SimdKernels.TanhBackward(_activations[l + 1].AsSpan(0, rz.Length), rz, rz); // (1 - y^2) R{z}
        }
        ToRowMajor(_tangents[^1], n, _batch, OutputSize, outputTangent);
    }
}
