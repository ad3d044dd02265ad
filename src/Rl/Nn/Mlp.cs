using Rl.Random;

namespace Rl.Nn;

/// <summary>
/// A multilayer perceptron: <see cref="Linear"/> layers with <see cref="Tanh"/> between them and a
/// linear output, the shape of PPO's actor and critic. Sizes [4, 64, 64, 2] mean
/// <code>
///   x [B x 4] -> Linear -> tanh -> [B x 64] -> Linear -> tanh -> [B x 64] -> Linear -> y [B x 2]
/// </code>
/// </summary>
/// <remarks>
/// <para>
/// All parameters live in one flat array, <see cref="Parameters"/>: for each layer in order, its
/// weights W [out x in] row by row, then its biases b [out]. <see cref="Gradients"/> is laid out
/// the same way, so an optimiser, gradient clipping, saving and gradient checks all work on one
/// span and need not know the network's shape.
/// </para>
/// <para>
/// <see cref="Forward"/> keeps what <see cref="Backward(ReadOnlySpan{double})"/> needs (each layer's
/// input) in buffers that are allocated for the largest batch seen and reused after that, so a
/// training loop allocates nothing once warm. Inside, batches are feature-major (see
/// <see cref="Linear"/>), with the batch padded by zero columns to a multiple of the vector width
/// W (<see cref="SimdKernels.LaneCount"/>), so that no vector loop has lanes left over. The padding
/// is exact, not approximate: its output gradient is zero, so every gradient it could touch gets
/// exact zeros added. Not thread-safe: one network, one thread.
/// </para>
/// </remarks>
public sealed partial class Mlp
{
    /// <summary>
    /// Gain of the hidden layers' orthogonal initialisation, sqrt 2: the value PPO implementations
    /// use (CleanRL's <c>layer_init</c>), and the gain PyTorch recommends for ReLU.
    /// </summary>
    public static readonly double HiddenGain = Math.Sqrt(2.0);

    private readonly int[] _sizes;
    private readonly Linear[] _layers;
    private readonly int[] _offsets; // _offsets[l]: where layer l's slice starts in the flat arrays

    // Batch buffers, feature-major [size x columns]: _activations[0] is X^T, _activations[l + 1]
    // the output of layer l (after tanh for hidden layers); _backward[l] the gradient with respect to it.
    private readonly double[][] _activations;
    private readonly double[][] _backward;
    private double[] _output = [];
    private int _capacity; // columns the batch buffers hold
    private int _batch;    // rows of the last Forward, 0 before the first
    private int _columns;  // _batch rounded up to a multiple of W: the row length of the batch buffers

    // Single-row buffers for ForwardRow, each as long as the widest layer.
    private readonly double[] _rowA, _rowB;

    /// <summary>A network with the given layer sizes and every parameter zero (to be loaded or initialised).</summary>
    /// <param name="layerSizes">[in, hidden..., out]: at least two sizes, each at least 1.</param>
    public Mlp(ReadOnlySpan<int> layerSizes)
    {
        if (layerSizes.Length < 2)
            throw new ArgumentException("need at least an input and an output size.", nameof(layerSizes));
        foreach (int size in layerSizes) Guard.AtLeast(size, 1, nameof(layerSizes));
        _sizes = layerSizes.ToArray();
        _layers = new Linear[_sizes.Length - 1];
        _offsets = new int[_layers.Length];
        int count = 0;
        for (int l = 0; l < _layers.Length; l++)
        {
            _layers[l] = new Linear(_sizes[l], _sizes[l + 1]);
            _offsets[l] = count;
            count += _layers[l].ParameterCount;
        }
        Parameters = new double[count];
        Gradients = new double[count];
        _activations = new double[_sizes.Length][];
        _backward = new double[_sizes.Length][];
        int widest = _sizes.Max();
        _rowA = new double[widest];
        _rowB = new double[widest];
    }

    /// <summary>
    /// A network with orthogonal weights (<see cref="Orthogonal"/>) and zero biases: gain
    /// <see cref="HiddenGain"/> for the hidden layers and <paramref name="outputGain"/> for the last.
    /// </summary>
    /// <param name="layerSizes">[in, hidden..., out].</param>
    /// <param name="outputGain">0.01 for a policy head (initial logits near 0, so the first policy
    /// is near uniform), 1 for a value head.</param>
    /// <param name="rng">The only source of randomness: the same seed gives the same network.</param>
    public Mlp(ReadOnlySpan<int> layerSizes, double outputGain, Rng rng) : this(layerSizes) =>
        InitializeOrthogonal(outputGain, rng);

    /// <summary>[in, hidden..., out], as given to the constructor.</summary>
    public ReadOnlySpan<int> LayerSizes => _sizes;

    /// <summary>Features per input row.</summary>
    public int InputSize => _sizes[0];

    /// <summary>Features per output row.</summary>
    public int OutputSize => _sizes[^1];

    /// <summary>The linear layers, first to last; a tanh follows each but the last.</summary>
    public IReadOnlyList<Linear> Layers => _layers;

    /// <summary>All parameters: per layer, W [out x in] row-major, then b [out].</summary>
    public double[] Parameters { get; }

    /// <summary>dL/dParameters, laid out like <see cref="Parameters"/>; backward passes add to it.</summary>
    public double[] Gradients { get; }

    /// <summary>The length of <see cref="Parameters"/>: sum over layers of out * in + out.</summary>
    public int ParameterCount => Parameters.Length;

    /// <summary>Layer <paramref name="layer"/>'s W [out x in] inside <see cref="Parameters"/>.</summary>
    public Span<double> Weights(int layer) => Parameters.AsSpan(_offsets[layer], _layers[layer].WeightCount);

    /// <summary>Layer <paramref name="layer"/>'s b [out] inside <see cref="Parameters"/>.</summary>
    public Span<double> Biases(int layer) =>
        Parameters.AsSpan(_offsets[layer] + _layers[layer].WeightCount, _layers[layer].Outputs);

    /// <summary>Redraws every weight orthogonally and zeroes every bias (see the constructor).</summary>
    public void InitializeOrthogonal(double outputGain, Rng rng)
    {
        for (int l = 0; l < _layers.Length; l++)
        {
            double gain = l == _layers.Length - 1 ? outputGain : HiddenGain;
            Orthogonal.Initialize(Weights(l), _layers[l].Outputs, _layers[l].Inputs, gain, rng);
            Biases(l).Clear();
        }
    }

    /// <summary>
    /// The outputs for a batch, y = f(x) row by row, keeping what <see cref="Backward(ReadOnlySpan{double})"/>
    /// needs. The returned span is [batch x out] row-major and is valid until the next call.
    /// </summary>
    /// <param name="input">[batch x in] row-major.</param>
    /// <param name="batch">The number of rows B, at least 1.</param>
    public ReadOnlySpan<double> Forward(ReadOnlySpan<double> input, int batch)
    {
        Guard.AtLeast(batch, 1, nameof(batch));
        Guard.Length(input.Length, batch * InputSize, nameof(input), "[batch x inputs] row-major");
        Reserve(batch);
        int n = _columns;
        ToFeatureMajor(input, batch, InputSize, _activations[0], n); // X [B x in] -> X^T [in x n]
        for (int l = 0; l < _layers.Length; l++)
        {
            var layer = _layers[l];
            var y = _activations[l + 1].AsSpan(0, layer.Outputs * n); // [out x n]
            layer.Forward(LayerSlice(Parameters, l), _activations[l].AsSpan(0, layer.Inputs * n), y, n);
            if (l < _layers.Length - 1) Tanh.Forward(y, y);
        }
        var output = _output.AsSpan(0, batch * OutputSize);
        ToRowMajor(_activations[^1], n, batch, OutputSize, output); // Y^T [out x n] -> Y [B x out]
        return output;
    }

    /// <summary>
    /// Backpropagates dL/dY through the last <see cref="Forward"/> and adds dL/dParameters to
    /// <see cref="Gradients"/> (call <see cref="ZeroGradients"/> first to start afresh).
    /// </summary>
    /// <param name="outputGradient">dL/dY, [batch x out] row-major, for the batch of the last Forward.</param>
    public void Backward(ReadOnlySpan<double> outputGradient) => Backward(outputGradient, Span<double>.Empty);

    /// <summary>
    /// As <see cref="Backward(ReadOnlySpan{double})"/>, and also writes dL/dX, [batch x in]
    /// row-major, to <paramref name="inputGradient"/> (skipped when it is empty).
    /// </summary>
    public void Backward(ReadOnlySpan<double> outputGradient, Span<double> inputGradient)
    {
        if (_batch == 0) throw new InvalidOperationException("Backward needs a Forward first.");
        Guard.Length(outputGradient.Length, _batch * OutputSize, nameof(outputGradient), "[batch x outputs] of the last Forward");
        if (!inputGradient.IsEmpty)
            Guard.Length(inputGradient.Length, _batch * InputSize, nameof(inputGradient), "[batch x inputs] of the last Forward, or empty");
        int n = _columns;
        ToFeatureMajor(outputGradient, _batch, OutputSize, _backward[^1], n); // dY^T [out x n], zero padding
        for (int l = _layers.Length - 1; l >= 0; l--)
        {
            var layer = _layers[l];
            var dy = _backward[l + 1].AsSpan(0, layer.Outputs * n);
            if (l < _layers.Length - 1) Tanh.Backward(_activations[l + 1].AsSpan(0, dy.Length), dy, dy);
            var dx = l > 0 || !inputGradient.IsEmpty ? _backward[l].AsSpan(0, layer.Inputs * n) : Span<double>.Empty;
            layer.Backward(LayerSlice(Parameters, l), _activations[l].AsSpan(0, layer.Inputs * n), dy,
                LayerSlice(Gradients, l), dx, n);
        }
        if (!inputGradient.IsEmpty) ToRowMajor(_backward[0], n, _batch, InputSize, inputGradient); // dX^T -> dX
    }

    /// <summary>Sets every entry of <see cref="Gradients"/> to zero.</summary>
    public void ZeroGradients() => Array.Clear(Gradients);

    /// <summary>
    /// The output for one input row, for acting in an environment: allocation-free, and it leaves
    /// the cached batch of <see cref="Forward"/> alone. Each output is a dot product of a weight
    /// row with the layer's input, so it costs one pass over the weights.
    /// </summary>
    /// <param name="input">One row, [in].</param>
    /// <param name="output">One row, [out], overwritten.</param>
    public void ForwardRow(ReadOnlySpan<double> input, Span<double> output)
    {
        Guard.Length(input.Length, InputSize, nameof(input), "one row of inputs");
        Guard.Length(output.Length, OutputSize, nameof(output), "one row of outputs");
        ReadOnlySpan<double> x = input;
        for (int l = 0; l < _layers.Length; l++)
        {
            var layer = _layers[l];
            var y = (l % 2 == 0 ? _rowA : _rowB).AsSpan(0, layer.Outputs);
            var slice = LayerSlice(Parameters, l);
            slice[layer.WeightCount..].CopyTo(y);                                                              // y = b
            SimdKernels.MatMulTransposedAccumulate(layer.Outputs, 1, layer.Inputs, slice[..layer.WeightCount], x, y); // y += W x
            if (l < _layers.Length - 1) Tanh.Forward(y, y);
            x = y;
        }
        x.CopyTo(output);
    }

    /// <summary>An independent network with the same sizes, parameters and gradients (no cached batch).</summary>
    public Mlp Clone()
    {
        var copy = new Mlp(_sizes);
        Parameters.CopyTo(copy.Parameters, 0);
        Gradients.CopyTo(copy.Gradients, 0);
        return copy;
    }

    private Span<double> LayerSlice(double[] flat, int layer) => flat.AsSpan(_offsets[layer], _layers[layer].ParameterCount);

    /// <summary>Sets the batch size, growing the buffers if it has never been this large.</summary>
    private void Reserve(int batch)
    {
        int w = SimdKernels.LaneCount;
        _batch = batch;
        _columns = (batch + w - 1) / w * w;
        if (_columns > _capacity)
        {
            _capacity = _columns;
            for (int l = 0; l < _sizes.Length; l++)
            {
                _activations[l] = new double[_sizes[l] * _capacity];
                _backward[l] = new double[_sizes[l] * _capacity];
            }
            _output = new double[OutputSize * _capacity];
        }
    }

    /// <summary>rows [batch x width] -> featureMajor [width x columns], zero in columns batch .. columns - 1.</summary>
    private static void ToFeatureMajor(ReadOnlySpan<double> rows, int batch, int width, Span<double> featureMajor, int columns)
    {
        for (int f = 0; f < width; f++)
        {
            var row = featureMajor.Slice(f * columns, columns); // feature f, all samples
            for (int s = 0; s < batch; s++) row[s] = rows[s * width + f];
            row[batch..].Clear();
        }
    }

    /// <summary>featureMajor [width x columns] -> rows [batch x width], dropping the padding columns.</summary>
    private static void ToRowMajor(ReadOnlySpan<double> featureMajor, int columns, int batch, int width, Span<double> rows)
    {
        for (int f = 0; f < width; f++)
            for (int s = 0; s < batch; s++)
                rows[s * width + f] = featureMajor[f * columns + s];
    }
}
