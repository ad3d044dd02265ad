using System.CommandLine;
using Rl.Environments;
using Rl.Ppo;

namespace Rl.Cli;

/// <summary>
/// The command-line face of <see cref="PpoConfig"/>: one option per hyperparameter. An option left
/// out keeps the environment's preset (CleanRL's CartPole values; the tuned Pendulum preset).
/// </summary>
internal sealed class TrainingOptions
{
    public Option<string> Environment { get; } = new("--env")
    {
        Description = $"Environment id: {string.Join(", ", Gym.Ids)}.",
        DefaultValueFactory = _ => "CartPole-v1",
    };
    public Option<ulong> Seed { get; } = new("--seed") { Description = "Seed of everything random in the run.", DefaultValueFactory = _ => 1UL };
    public Option<long?> TotalSteps { get; } = new("--total-steps") { Description = "Environment steps of the whole run (preset: 500000 CartPole, 200000 Pendulum)." };
    public Option<int?> Environments { get; } = new("--envs") { Description = "N, environments stepped together (preset: 4)." };
    public Option<int?> StepsPerRollout { get; } = new("--steps-per-rollout") { Description = "S, steps per environment per rollout (preset: 128 CartPole, 1024 Pendulum)." };
    public Option<double?> LearningRate { get; } = new("--lr") { Description = "Adam's learning rate (preset: 2.5e-4 CartPole, 1e-3 Pendulum)." };
    public Option<bool?> AnnealLearningRate { get; } = new("--anneal-lr") { Description = "Anneal the learning rate linearly to 0: true or false (preset: true)." };
    public Option<double?> Gamma { get; } = new("--gamma") { Description = "Discount gamma (preset: 0.99 CartPole, 0.9 Pendulum)." };
    public Option<double?> Lambda { get; } = new("--lambda") { Description = "GAE's lambda (preset: 0.95)." };
    public Option<int?> Minibatches { get; } = new("--minibatches") { Description = "Minibatches per epoch (preset: 4 CartPole, 32 Pendulum)." };
    public Option<int?> Epochs { get; } = new("--epochs") { Description = "K, epochs per update (preset: 4 CartPole, 10 Pendulum)." };
    public Option<bool?> NormalizeAdvantages { get; } = new("--norm-adv") { Description = "Normalise advantages per minibatch: true or false (preset: true)." };
    public Option<double?> Clip { get; } = new("--clip") { Description = "epsilon, the ratio clip (preset: 0.2)." };
    public Option<bool?> ClipValueLoss { get; } = new("--clip-vloss") { Description = "Clip the value loss: true or false (preset: true CartPole, false Pendulum)." };
    public Option<double?> EntropyCoefficient { get; } = new("--ent-coef") { Description = "c_2, entropy bonus weight (preset: 0.01 CartPole, 0 Pendulum)." };
    public Option<double?> ValueCoefficient { get; } = new("--vf-coef") { Description = "c_1, value loss weight (preset: 0.5)." };
    public Option<double?> MaxGradientNorm { get; } = new("--max-grad-norm") { Description = "Global gradient-norm clip (preset: 0.5)." };
    public Option<double?> TargetKl { get; } = new("--target-kl") { Description = "Stop an update's epochs once approx KL exceeds this (preset: off)." };
    public Option<int[]> Hidden { get; } = new("--hidden") { Description = "Hidden layer sizes of actor and critic (preset: 64 64).", AllowMultipleArgumentsPerToken = true };

    public IEnumerable<Option> All =>
    [
        Environment, Seed, TotalSteps, Environments, StepsPerRollout, LearningRate, AnnealLearningRate, Gamma, Lambda,
        Minibatches, Epochs, NormalizeAdvantages, Clip, ClipValueLoss, EntropyCoefficient, ValueCoefficient, MaxGradientNorm, TargetKl, Hidden,
    ];

    /// <summary>
    /// <see cref="Read"/>, plus a lower bound for each of <paramref name="counts"/>; on bad input it
    /// prints a message naming the option, the value and the rule, and returns null (the command then
    /// exits with code 2).
    /// </summary>
    public PpoConfig? ReadOrReport(ParseResult parse, params (Option<int> Option, int Minimum)[] counts)
    {
        try
        {
            foreach (var (option, minimum) in counts)
                if (parse.GetValue(option) is var value && value < minimum)
                    throw new ArgumentOutOfRangeException(option.Name, value, $"{option.Name} must be at least {minimum}.");
            return Read(parse);
        }
        catch (ArgumentException e)
        {
            var names = new Dictionary<string, string>(OptionNames);
            foreach (var (option, _) in counts) names[option.Name] = option.Name;
            Console.Error.WriteLine($"error: {Messages.InOptionWords(e, names)}");
            return null;
        }
    }

    /// <summary>The option that sets each <see cref="PpoConfig"/> field, so that messages name options, not fields.</summary>
    public IReadOnlyDictionary<string, string> OptionNames => new Dictionary<string, string>
    {
        [nameof(PpoConfig.EnvironmentId)] = Environment.Name,
        [nameof(PpoConfig.Seed)] = Seed.Name,
        [nameof(PpoConfig.TotalSteps)] = TotalSteps.Name,
        [nameof(PpoConfig.Environments)] = Environments.Name,
        [nameof(PpoConfig.StepsPerRollout)] = StepsPerRollout.Name,
        [nameof(PpoConfig.LearningRate)] = LearningRate.Name,
        [nameof(PpoConfig.AnnealLearningRate)] = AnnealLearningRate.Name,
        [nameof(PpoConfig.Gamma)] = Gamma.Name,
        [nameof(PpoConfig.Lambda)] = Lambda.Name,
        [nameof(PpoConfig.Minibatches)] = Minibatches.Name,
        [nameof(PpoConfig.Epochs)] = Epochs.Name,
        [nameof(PpoConfig.NormalizeAdvantages)] = NormalizeAdvantages.Name,
        [nameof(PpoConfig.Clip)] = Clip.Name,
        [nameof(PpoConfig.ClipValueLoss)] = ClipValueLoss.Name,
        [nameof(PpoConfig.EntropyCoefficient)] = EntropyCoefficient.Name,
        [nameof(PpoConfig.ValueCoefficient)] = ValueCoefficient.Name,
        [nameof(PpoConfig.MaxGradientNorm)] = MaxGradientNorm.Name,
        [nameof(PpoConfig.TargetKl)] = TargetKl.Name,
        [nameof(PpoConfig.HiddenSizes)] = Hidden.Name,
    };

    /// <summary>The preset of the chosen environment with every given option applied, validated.</summary>
    public PpoConfig Read(ParseResult parse)
    {
        string id = parse.GetValue(Environment)!;
        if (!Gym.Ids.Contains(id)) throw new ArgumentException($"{Environment.Name} {id}: unknown environment; known: {string.Join(", ", Gym.Ids)}.", Environment.Name);
        var preset = PpoConfig.ForEnvironment(id);
        int[]? hidden = parse.GetValue(Hidden);
        var config = preset with
        {
            Seed = parse.GetValue(Seed),
            TotalSteps = parse.GetValue(TotalSteps) ?? preset.TotalSteps,
            Environments = parse.GetValue(Environments) ?? preset.Environments,
            StepsPerRollout = parse.GetValue(StepsPerRollout) ?? preset.StepsPerRollout,
            LearningRate = parse.GetValue(LearningRate) ?? preset.LearningRate,
            AnnealLearningRate = parse.GetValue(AnnealLearningRate) ?? preset.AnnealLearningRate,
            Gamma = parse.GetValue(Gamma) ?? preset.Gamma,
            Lambda = parse.GetValue(Lambda) ?? preset.Lambda,
            Minibatches = parse.GetValue(Minibatches) ?? preset.Minibatches,
            Epochs = parse.GetValue(Epochs) ?? preset.Epochs,
            NormalizeAdvantages = parse.GetValue(NormalizeAdvantages) ?? preset.NormalizeAdvantages,
            Clip = parse.GetValue(Clip) ?? preset.Clip,
            ClipValueLoss = parse.GetValue(ClipValueLoss) ?? preset.ClipValueLoss,
            EntropyCoefficient = parse.GetValue(EntropyCoefficient) ?? preset.EntropyCoefficient,
            ValueCoefficient = parse.GetValue(ValueCoefficient) ?? preset.ValueCoefficient,
            MaxGradientNorm = parse.GetValue(MaxGradientNorm) ?? preset.MaxGradientNorm,
            TargetKl = parse.GetValue(TargetKl) ?? preset.TargetKl,
            HiddenSizes = hidden is { Length: > 0 } ? hidden : preset.HiddenSizes,
        };
        config.Validate();
        return config;
    }
}
