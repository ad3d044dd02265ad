namespace Rl.Nn;

/// <summary>
/// The Adam optimiser (Kingma and Ba, 2015) over a flat parameter span, with PyTorch's
/// <c>torch.optim.Adam</c> formula. For each parameter p with gradient g, at step t = 1, 2, ...:
/// <code>
///   m = beta1 m + (1 - beta1) g              (first moment: a running mean of g)
///   v = beta2 v + (1 - beta2) g^2            (second moment: a running mean of g^2)
///   mhat = m / (1 - beta1^t)                 vhat = v / (1 - beta2^t)   (bias corrections)
///   p -= lr mhat / (sqrt(vhat) + eps)
/// </code>
/// Each parameter moves by about lr in the direction of -mhat / sqrt(vhat), whatever the scale of
/// its gradient: on the first step exactly <c>lr g / (|g| + eps)</c>, about <c>lr sign(g)</c>.
/// </summary>
/// <remarks>
/// The state (<see cref="FirstMoment"/>, <see cref="SecondMoment"/>, <see cref="StepCount"/>) is
/// public so that a checkpoint can save and restore it; resuming without it would restart the
/// bias corrections and take a few oversized steps.
/// </remarks>
public sealed class Adam
{
    private double _learningRate;
    private long _stepCount;

    /// <summary>An optimiser for <paramref name="parameterCount"/> parameters, with zero moments and t = 0.</summary>
    /// <param name="parameterCount">The length of the parameter span it will update.</param>
    /// <param name="learningRate">lr, typically denoted alpha; CleanRL's PPO uses 2.5e-4 and anneals it to 0.</param>
    /// <param name="beta1">Decay of the first moment, 0.9 as in the paper and PyTorch.</param>
    /// <param name="beta2">Decay of the second moment, 0.999 as in the paper and PyTorch.</param>
    /// <param name="epsilon">eps, 1e-5 rather than PyTorch's default 1e-8: the value PPO
    /// implementations use (OpenAI baselines, CleanRL), which damps steps of parameters whose
    /// gradients are tiny.</param>
    public Adam(int parameterCount, double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-5)
    {
        Guard.AtLeast(parameterCount, 1, nameof(parameterCount));
        _learningRate = CheckedLearningRate(learningRate, nameof(learningRate));
        if (!(beta1 >= 0.0 && beta1 < 1.0)) throw new ArgumentOutOfRangeException(nameof(beta1), beta1, "beta1 must be in [0, 1).");
        if (!(beta2 >= 0.0 && beta2 < 1.0)) throw new ArgumentOutOfRangeException(nameof(beta2), beta2, "beta2 must be in [0, 1).");
        if (!(epsilon > 0.0) || double.IsInfinity(epsilon))
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "epsilon must be positive and finite.");
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        FirstMoment = new double[parameterCount];
        SecondMoment = new double[parameterCount];
    }

    /// <summary>lr: settable between steps, for annealing. Must be finite and at least 0.</summary>
    public double LearningRate
    {
        get => _learningRate;
        set => _learningRate = CheckedLearningRate(value, nameof(value));
    }

    /// <summary>beta1, the decay of the first moment.</summary>
    public double Beta1 { get; }

    /// <summary>beta2, the decay of the second moment.</summary>
    public double Beta2 { get; }

    /// <summary>eps, added to sqrt(vhat) so that the step stays finite.</summary>
    public double Epsilon { get; }

    /// <summary>m, one entry per parameter.</summary>
    public double[] FirstMoment { get; }

    /// <summary>v, one entry per parameter.</summary>
    public double[] SecondMoment { get; }

    /// <summary>The number of steps taken, t (0 before the first); settable to restore a checkpoint.</summary>
    public long StepCount
    {
        get => _stepCount;
        set => _stepCount = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "the step count must not be negative.");
    }

    /// <summary>One step: t += 1, then the update above for every parameter.</summary>
    public void Step(Span<double> parameters, ReadOnlySpan<double> gradients)
    {
        Guard.Length(parameters.Length, FirstMoment.Length, nameof(parameters), "one entry per parameter the optimiser was made for");
        Guard.Length(gradients.Length, FirstMoment.Length, nameof(gradients), "one gradient per parameter");
        _stepCount++;
        SimdKernels.AdamStep(parameters, gradients, FirstMoment, SecondMoment, _stepCount, LearningRate, Beta1, Beta2, Epsilon);
    }

    private static double CheckedLearningRate(double value, string name) =>
        value >= 0.0 && !double.IsInfinity(value) ? value
            : throw new ArgumentOutOfRangeException(name, value, "the learning rate must be finite and at least 0.");

    /// <summary>Forgets the moments and the step count, as a new optimiser would.</summary>
    public void Reset()
    {
        Array.Clear(FirstMoment);
        Array.Clear(SecondMoment);
        _stepCount = 0;
    }
}
