namespace Rl.NaturalGradient;

/// <summary>
/// Every hyperparameter of the natural policy gradient and TRPO trainer (<see cref="NpgTrainer"/>),
/// each with its symbol, what it does and where its default comes from. The trust-region defaults
/// are Spinning Up's trpo.py (delta 0.01, damping 0.1, 10 conjugate-gradient iterations, backtracking
/// 0.8 up to 10 times, lambda 0.97, gamma 0.99, 64-64 tanh networks, critic Adam at 1e-3); the rollout
/// size, the critic's epochs and the step budget are chosen here for CartPole-v1 (noted per field).
/// With them NPG and TRPO reach a rolling mean of 475 after 31k-41k steps on seeds 1-10
/// (`bench --algo npg|trpo --seeds 10`), against PPO's 170k with CleanRL's settings.
/// </summary>
public sealed record NpgConfig
{
    /// <summary>The Gymnasium id of the environment, e.g. "CartPole-v1".</summary>
    public string EnvironmentId { get; init; } = "CartPole-v1";

    /// <summary>Fixes every random number of a run: environments, initialisation, sampling, shuffling.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Environment steps over the whole run: PPO's 500k budget, ample for CartPole-v1 (475 by about 40k).</summary>
    public long TotalSteps { get; init; } = 500_000;

    /// <summary>N: environments stepped together (as PPO's 4).</summary>
    public int Environments { get; init; } = 4;

    /// <summary>S: steps per environment per rollout; N x S = 2,048 samples per update (chosen for CartPole:
    /// Spinning Up uses 4,000; one natural step per batch needs enough samples for a good F and g).</summary>
    public int StepsPerRollout { get; init; } = 512;

    /// <summary>Use TRPO's backtracking line search (true), or take the plain natural step (false, NPG; Spinning Up's npg mode).</summary>
    public bool LineSearch { get; init; }

    /// <summary>delta: the trust region's radius, the mean KL a step may take (Spinning Up: 0.01).</summary>
    public double MaxKl { get; init; } = 0.01;

    /// <summary>c: damping added to F, (F + c I) x = g (Spinning Up: 0.1).</summary>
    public double Damping { get; init; } = 0.1;

    /// <summary>k: conjugate-gradient iterations per step (Spinning Up: 10).</summary>
    public int ConjugateGradientIterations { get; init; } = 10;

    /// <summary>CG stops early once ||r|| &lt;= this times ||g|| (1e-10: in effect never, as in Spinning Up).</summary>
    public double ConjugateGradientTolerance { get; init; } = 1e-10;

    /// <summary>The line search's shrink factor per backtrack (Spinning Up: 0.8).</summary>
    public double BacktrackRatio { get; init; } = 0.8;

    /// <summary>The line search's tries before it rejects the step (Spinning Up: 10).</summary>
    public int Backtracks { get; init; } = 10;

    /// <summary>gamma: the discount (Spinning Up: 0.99).</summary>
    public double Gamma { get; init; } = 0.99;

    /// <summary>lambda: GAE's bias-variance knob (Spinning Up: 0.97).</summary>
    public double Lambda { get; init; } = 0.97;

    /// <summary>Normalise the advantages over the batch (mean 0, std 1) before the gradient, as Spinning Up's buffer does.
    /// The natural step's length does not depend on their scale; their mean acts as a baseline.</summary>
    public bool NormalizeAdvantages { get; init; } = true;

    /// <summary>Adam's learning rate for the critic (Spinning Up's vf_lr: 1e-3).</summary>
    public double ValueLearningRate { get; init; } = 1e-3;

    /// <summary>Epochs of minibatch Adam steps on the value loss per update (chosen: 10 x 16 minibatches = 160 steps,
    /// in place of Spinning Up's 80 full-batch steps).</summary>
    public int ValueEpochs { get; init; } = 10;

    /// <summary>Minibatches per value epoch: N x S samples shuffled and split into this many.</summary>
    public int ValueMinibatches { get; init; } = 16;

    /// <summary>Hidden layer sizes of the actor and of the critic (Spinning Up: 64, 64; tanh between layers).</summary>
    public IReadOnlyList<int> HiddenSizes { get; init; } = [64, 64];

    /// <summary>N x S, the samples of one rollout.</summary>
    public int BatchSize => Environments * StepsPerRollout;

    /// <summary>The samples of one value minibatch.</summary>
    public int ValueMinibatchSize => BatchSize / ValueMinibatches;

    /// <summary>T, the number of rollout-and-update iterations.</summary>
    public int Updates => (int)(TotalSteps / BatchSize);

    /// <summary>The natural policy gradient preset for CartPole-v1: the defaults.</summary>
    public static NpgConfig Npg { get; } = new();

    /// <summary>TRPO: the defaults with the line search on.</summary>
    public static NpgConfig Trpo { get; } = new() { LineSearch = true };

    /// <summary>Checks every field; each failure names the field and its rule.</summary>
    public void Validate()
    {
        static void Positive(double value, string name)
        {
            if (!(value > 0 && double.IsFinite(value))) throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive finite number.");
        }
        static void NonNegative(double value, string name)
        {
            if (!(value >= 0 && double.IsFinite(value))) throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and non-negative.");
        }
        if (string.IsNullOrWhiteSpace(EnvironmentId)) throw new ArgumentException("EnvironmentId must name an environment.", nameof(EnvironmentId));
        Guard.AtLeast(Environments, 1, nameof(Environments));
        Guard.AtLeast(StepsPerRollout, 1, nameof(StepsPerRollout));
        Guard.AtLeast(ValueMinibatches, 1, nameof(ValueMinibatches));
        Guard.AtLeast(ValueEpochs, 1, nameof(ValueEpochs));
        Guard.AtLeast(ConjugateGradientIterations, 1, nameof(ConjugateGradientIterations));
        Guard.AtLeast(Backtracks, 1, nameof(Backtracks));
        if (BatchSize % ValueMinibatches != 0)
            throw new ArgumentException($"ValueMinibatches ({ValueMinibatches}) must divide Environments x StepsPerRollout ({BatchSize}).", nameof(ValueMinibatches));
        if (TotalSteps < BatchSize)
            throw new ArgumentOutOfRangeException(nameof(TotalSteps), TotalSteps, $"TotalSteps must be at least one rollout, Environments x StepsPerRollout = {BatchSize}.");
        Positive(MaxKl, nameof(MaxKl));
        NonNegative(Damping, nameof(Damping));
        NonNegative(ConjugateGradientTolerance, nameof(ConjugateGradientTolerance));
        if (!(BacktrackRatio > 0 && BacktrackRatio < 1))
            throw new ArgumentOutOfRangeException(nameof(BacktrackRatio), BacktrackRatio, "BacktrackRatio must be in (0, 1).");
        Guard.UnitInterval(Gamma, nameof(Gamma));
        Guard.UnitInterval(Lambda, nameof(Lambda));
        Positive(ValueLearningRate, nameof(ValueLearningRate));
        if (HiddenSizes.Count == 0 || HiddenSizes.Any(h => h < 1))
            throw new ArgumentException("HiddenSizes must list at least one layer, each of at least 1 unit.", nameof(HiddenSizes));
    }
}
