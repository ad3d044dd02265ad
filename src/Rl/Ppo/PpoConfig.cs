namespace Rl.Ppo;

/// <summary>
/// Every hyperparameter of PPO in one place (lecture item 9: "PPO is complicated: count its
/// hyperparameters"). Each field gives its usual symbol, what it does, and why its default was
/// chosen. The defaults are CleanRL's ppo.py for CartPole-v1 (Huang et al., "The 37 implementation
/// details of PPO", 2022), which follow the PPO paper's Atari/MuJoCo settings scaled down.
/// </summary>
public sealed record PpoConfig
{
    /// <summary>The Gymnasium id of the environment, e.g. "CartPole-v1" or "Pendulum-v1".</summary>
    public string EnvironmentId { get; init; } = "CartPole-v1";

    /// <summary>Fixes every random number of a run: environments, initialisation, sampling, shuffling.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>T x N x S: environment steps over the whole run. 500k is CleanRL's CartPole budget.</summary>
    public long TotalSteps { get; init; } = 500_000;

    /// <summary>N: environments stepped together. More envs decorrelate a rollout's samples.</summary>
    public int Environments { get; init; } = 4;

    /// <summary>S: steps per environment per rollout. N x S = 512 samples per update.</summary>
    public int StepsPerRollout { get; init; } = 128;

    /// <summary>alpha: Adam's learning rate, for actor and critic alike. 2.5e-4 is the paper's Atari rate.</summary>
    public double LearningRate { get; init; } = 2.5e-4;

    /// <summary>Anneal alpha linearly to 0 over the run: later updates take smaller steps, which steadies the end of training.</summary>
    public bool AnnealLearningRate { get; init; } = true;

    /// <summary>gamma: the discount. 0.99 looks about 100 steps ahead.</summary>
    public double Gamma { get; init; } = 0.99;

    /// <summary>lambda: GAE's bias-variance knob (lecture item 6). 0.95 is the GAE paper's recommendation.</summary>
    public double Lambda { get; init; } = 0.95;

    /// <summary>Minibatches per epoch: the rollout's N x S samples are shuffled and split into this many.</summary>
    public int Minibatches { get; init; } = 4;

    /// <summary>K: epochs of minibatch updates per rollout. More reuse of the data, until the ratio clips.</summary>
    public int Epochs { get; init; } = 4;

    /// <summary>Normalise the advantages within each minibatch (mean 0, std 1).</summary>
    public bool NormalizeAdvantages { get; init; } = true;

    /// <summary>epsilon: the ratio clip of the surrogate objective. 0.2 is the paper's value.</summary>
    public double Clip { get; init; } = 0.2;

    /// <summary>Clip the value loss as max(unclipped, clipped), with the same epsilon (OpenAI baselines' trick).</summary>
    public bool ClipValueLoss { get; init; } = true;

    /// <summary>c_2: weight of the entropy bonus, which keeps the policy exploring. 0.01 as in the paper's Atari runs.</summary>
    public double EntropyCoefficient { get; init; } = 0.01;

    /// <summary>c_1: weight of the value loss in the combined loss l_pi - c_2 H + c_1 l_V.</summary>
    public double ValueCoefficient { get; init; } = 0.5;

    /// <summary>Clip the global gradient norm to this before each Adam step, so one bad minibatch cannot jump far.</summary>
    public double MaxGradientNorm { get; init; } = 0.5;

    /// <summary>Stop an update's epochs early once the approximate KL exceeds this; null never stops.</summary>
    public double? TargetKl { get; init; }

    /// <summary>Hidden layer sizes of the actor and of the critic (separate networks, tanh between layers).</summary>
    public IReadOnlyList<int> HiddenSizes { get; init; } = [64, 64];

    /// <summary>N x S, the samples of one rollout.</summary>
    public int BatchSize => Environments * StepsPerRollout;

    /// <summary>The samples of one minibatch.</summary>
    public int MinibatchSize => BatchSize / Minibatches;

    /// <summary>T, the number of rollout-and-update iterations.</summary>
    public int Updates => (int)(TotalSteps / BatchSize);

    /// <summary>CleanRL's CartPole-v1 configuration: the defaults.</summary>
    public static PpoConfig CartPole { get; } = new();

    /// <summary>
    /// A configuration tuned for Pendulum-v1 (rl-baselines3-zoo's, without gSDE): a shorter horizon
    /// (gamma 0.9: the swing-up pays within tens of steps), longer rollouts and more epochs to squeeze
    /// the continuous-action data, a larger learning rate, no entropy bonus (the Gaussian's log-std is
    /// learned), 200k steps, and no value-loss clipping.
    /// </summary>
    /// <remarks>
    /// Value clipping (<see cref="ClipValueLoss"/>) stops the gradient once V(s) has moved epsilon = 0.2
    /// from its old value, so each update moves the critic by about 0.2 at most. Pendulum's discounted
    /// returns lie in about [-160, 0] (gamma 0.9, rewards down to -16.3), so a clipped critic would need
    /// hundreds of updates to reach its targets (explained variance
    /// still 0.84 after the 48 updates of 200k steps), and the advantages stay noisy until it gets
    /// there. Unclipped, the critic fits within a few updates, and seeds 1-10 reach deterministic
    /// evaluation means of -183 to -195 (against -587 to -808 for seeds 1-3 when clipped).
    /// </remarks>
    public static PpoConfig Pendulum { get; } = new()
    {
        EnvironmentId = "Pendulum-v1",
        TotalSteps = 200_000,
        Environments = 4,
        StepsPerRollout = 1024,
        LearningRate = 1e-3,
        Gamma = 0.9,
        Lambda = 0.95,
        Minibatches = 32,
        Epochs = 10,
        EntropyCoefficient = 0.0,
        ClipValueLoss = false,
    };

    /// <summary>The preset for <paramref name="environmentId"/>: <see cref="Pendulum"/> for Pendulum-v1, else <see cref="CartPole"/>'s values with that id.</summary>
    public static PpoConfig ForEnvironment(string environmentId) =>
        environmentId == Pendulum.EnvironmentId ? Pendulum : CartPole with { EnvironmentId = environmentId };

    /// <summary>
    /// The most samples one rollout may hold, N x S = 2^24. The rollout buffer keeps about a dozen numbers
    /// per sample (observation, action, log-probability, reward, value, advantage, target, ...), so this
    /// is already gigabytes of memory, and it keeps every buffer index within an int.
    /// </summary>
    public const int MaxBatchSize = 1 << 24;

    /// <summary>Checks every field; each failure is an <see cref="ArgumentException"/> whose ParamName is the field and whose message states its rule.</summary>
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
        Guard.AtLeast(Minibatches, 1, nameof(Minibatches));
        Guard.AtLeast(Epochs, 1, nameof(Epochs));
        if ((long)Environments * StepsPerRollout > MaxBatchSize)
            throw new ArgumentOutOfRangeException(nameof(StepsPerRollout), StepsPerRollout,
                $"Environments x StepsPerRollout ({Environments} x {StepsPerRollout}) must be at most {MaxBatchSize:N0} samples per rollout.");
        if (BatchSize % Minibatches != 0)
            throw new ArgumentOutOfRangeException(nameof(Minibatches), Minibatches, $"Minibatches must divide Environments x StepsPerRollout = {BatchSize}.");
        if (TotalSteps < BatchSize)
            throw new ArgumentOutOfRangeException(nameof(TotalSteps), TotalSteps, $"TotalSteps must be at least one rollout, Environments x StepsPerRollout = {BatchSize}.");
        if (TotalSteps / BatchSize > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(TotalSteps), TotalSteps, $"TotalSteps must be at most {int.MaxValue:N0} rollouts of Environments x StepsPerRollout = {BatchSize}.");
        Positive(LearningRate, nameof(LearningRate));
        Guard.UnitInterval(Gamma, nameof(Gamma));
        Guard.UnitInterval(Lambda, nameof(Lambda));
        NonNegative(Clip, nameof(Clip));
        NonNegative(EntropyCoefficient, nameof(EntropyCoefficient));
        NonNegative(ValueCoefficient, nameof(ValueCoefficient));
        Positive(MaxGradientNorm, nameof(MaxGradientNorm));
        if (TargetKl is double kl) Positive(kl, nameof(TargetKl));
        if (HiddenSizes is null) throw new ArgumentNullException(nameof(HiddenSizes), "HiddenSizes must list the hidden layer sizes, e.g. [64, 64].");
        if (HiddenSizes.Count == 0 || HiddenSizes.Any(h => h < 1))
            throw new ArgumentOutOfRangeException(nameof(HiddenSizes), string.Join(' ', HiddenSizes), "HiddenSizes must list at least one layer, each of at least 1 unit.");
    }
}
