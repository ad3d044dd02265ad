using System.CommandLine;
using System.CommandLine.Parsing;
using Rl.NaturalGradient;

namespace Rl.Cli;

/// <summary>
/// `--algo ppo|npg|trpo` and the options of the natural policy gradient and TRPO
/// (<see cref="NpgConfig"/>), for `train` and `bench`. The environment, seed, budget, rollout size,
/// gamma, lambda, advantage normalisation and hidden sizes are shared with PPO
/// (<see cref="TrainingOptions"/>); an option that belongs to the other algorithm is an error naming it.
/// </summary>
internal sealed class NaturalGradientOptions(TrainingOptions shared)
{
    public const string Ppo = "ppo", Npg = "npg", Trpo = "trpo";

    public Option<string> Algorithm { get; } = CreateAlgorithm();
    public Option<double?> MaxKl { get; } = new("--max-kl") { Description = "NPG/TRPO: delta, the mean KL of a step (preset: 0.01)." };
    public Option<double?> Damping { get; } = new("--damping") { Description = "NPG/TRPO: c in (F + cI) x = g (preset: 0.1)." };
    public Option<int?> ConjugateGradientIterations { get; } = new("--cg-iters") { Description = "NPG/TRPO: conjugate-gradient iterations per step (preset: 10)." };
    public Option<double?> BacktrackRatio { get; } = new("--backtrack-ratio") { Description = "TRPO: the line search's shrink factor (preset: 0.8)." };
    public Option<int?> Backtracks { get; } = new("--backtracks") { Description = "TRPO: the line search's tries (preset: 10)." };
    public Option<double?> ValueLearningRate { get; } = new("--vf-lr") { Description = "NPG/TRPO: the critic's Adam learning rate (preset: 1e-3)." };
    public Option<int?> ValueEpochs { get; } = new("--vf-epochs") { Description = "NPG/TRPO: critic epochs per update (preset: 10)." };
    public Option<int?> ValueMinibatches { get; } = new("--vf-minibatches") { Description = "NPG/TRPO: critic minibatches per epoch (preset: 16)." };

    public IEnumerable<Option> All => [Algorithm, MaxKl, Damping, ConjugateGradientIterations, BacktrackRatio, Backtracks, ValueLearningRate, ValueEpochs, ValueMinibatches];

    private IEnumerable<Option> NaturalGradientOnly => [MaxKl, Damping, ConjugateGradientIterations, BacktrackRatio, Backtracks, ValueLearningRate, ValueEpochs, ValueMinibatches];

    private IEnumerable<Option> TrpoOnly => [BacktrackRatio, Backtracks];

    private IEnumerable<Option> PpoOnly =>
    [
        shared.LearningRate, shared.AnnealLearningRate, shared.Minibatches, shared.Epochs, shared.Clip, shared.ClipValueLoss,
        shared.EntropyCoefficient, shared.ValueCoefficient, shared.MaxGradientNorm, shared.TargetKl,
    ];

    private static Option<string> CreateAlgorithm()
    {
        var option = new Option<string>("--algo")
        {
            Description = "ppo (clipped surrogate, the default), npg (natural policy gradient) or trpo (NPG with TRPO's line search).",
            DefaultValueFactory = _ => Ppo,
        };
        option.Validators.Add(result =>
        {
            string? value = result.GetValueOrDefault<string>();
            if (value is not (Ppo or Npg or Trpo)) result.AddError($"--algo {value}: expected ppo, npg or trpo.");
        });
        return option;
    }

    public string Chosen(ParseResult parse) => parse.GetValue(Algorithm)!;

    /// <summary>False (after printing an error naming the option) when an option of another algorithm was given.</summary>
    public bool CheckCombination(ParseResult parse)
    {
        string algorithm = Chosen(parse);
        const string ppoOnly = "applies to --algo ppo only";
        IEnumerable<(Option Option, string Rule)> forbidden = algorithm switch
        {
            Ppo => NaturalGradientOnly.Select(o => (o, "applies to --algo npg and trpo only")),
            Npg => PpoOnly.Select(o => (o, ppoOnly)).Concat(TrpoOnly.Select(o => (o, "applies to --algo trpo only (npg takes the full natural step, no line search)"))),
            _ => PpoOnly.Select(o => (o, ppoOnly)),
        };
        var (misplaced, rule) = forbidden.FirstOrDefault(f => Given(parse, f.Option));
        if (misplaced is null) return true;
        Console.Error.WriteLine($"error: {misplaced.Name}: {rule}, not with --algo {algorithm}.");
        return false;
    }

    /// <summary>NPG's or TRPO's configuration from the options, validated; on bad input an error naming the option, and null.</summary>
    public NpgConfig? ReadOrReport(ParseResult parse, params (Option<int> Option, int Minimum)[] counts)
    {
        try
        {
            foreach (var (option, minimum) in counts)
                if (parse.GetValue(option) < minimum) throw new ArgumentException($"must be at least {minimum}.", option.Name);
            string id = parse.GetValue(shared.Environment)!;
            if (!Environments.Gym.Ids.Contains(id))
                throw new ArgumentException($"unknown environment '{id}'; known: {string.Join(", ", Environments.Gym.Ids)}.", shared.Environment.Name);
            var preset = Chosen(parse) == Trpo ? NpgConfig.Trpo : NpgConfig.Npg;
            int[]? hidden = parse.GetValue(shared.Hidden);
            var config = preset with
            {
                EnvironmentId = id,
                Seed = parse.GetValue(shared.Seed),
                TotalSteps = parse.GetValue(shared.TotalSteps) ?? preset.TotalSteps,
                Environments = parse.GetValue(shared.Environments) ?? preset.Environments,
                StepsPerRollout = parse.GetValue(shared.StepsPerRollout) ?? preset.StepsPerRollout,
                Gamma = parse.GetValue(shared.Gamma) ?? preset.Gamma,
                Lambda = parse.GetValue(shared.Lambda) ?? preset.Lambda,
                NormalizeAdvantages = parse.GetValue(shared.NormalizeAdvantages) ?? preset.NormalizeAdvantages,
                HiddenSizes = hidden is { Length: > 0 } ? hidden : preset.HiddenSizes,
                MaxKl = parse.GetValue(MaxKl) ?? preset.MaxKl,
                Damping = parse.GetValue(Damping) ?? preset.Damping,
                ConjugateGradientIterations = parse.GetValue(ConjugateGradientIterations) ?? preset.ConjugateGradientIterations,
                BacktrackRatio = parse.GetValue(BacktrackRatio) ?? preset.BacktrackRatio,
                Backtracks = parse.GetValue(Backtracks) ?? preset.Backtracks,
                ValueLearningRate = parse.GetValue(ValueLearningRate) ?? preset.ValueLearningRate,
                ValueEpochs = parse.GetValue(ValueEpochs) ?? preset.ValueEpochs,
                ValueMinibatches = parse.GetValue(ValueMinibatches) ?? preset.ValueMinibatches,
            };
            config.Validate();
            return config;
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {OptionFor(e.ParamName)}: {Messages.WithoutParameter(e)}");
            return null;
        }
    }

    /// <summary>The option that sets <see cref="NpgConfig"/>'s field <paramref name="field"/>, for error messages.</summary>
    private string OptionFor(string? field) => field switch
    {
        nameof(NpgConfig.TotalSteps) => shared.TotalSteps.Name,
        nameof(NpgConfig.Environments) => shared.Environments.Name,
        nameof(NpgConfig.StepsPerRollout) => shared.StepsPerRollout.Name,
        nameof(NpgConfig.Gamma) => shared.Gamma.Name,
        nameof(NpgConfig.Lambda) => shared.Lambda.Name,
        nameof(NpgConfig.HiddenSizes) => shared.Hidden.Name,
        nameof(NpgConfig.MaxKl) => MaxKl.Name,
        nameof(NpgConfig.Damping) => Damping.Name,
        nameof(NpgConfig.ConjugateGradientIterations) => ConjugateGradientIterations.Name,
        nameof(NpgConfig.BacktrackRatio) => BacktrackRatio.Name,
        nameof(NpgConfig.Backtracks) => Backtracks.Name,
        nameof(NpgConfig.ValueLearningRate) => ValueLearningRate.Name,
        nameof(NpgConfig.ValueEpochs) => ValueEpochs.Name,
        nameof(NpgConfig.ValueMinibatches) => ValueMinibatches.Name,
        _ => field ?? shared.Environment.Name,
    };

    private static bool Given(ParseResult parse, Option option) => parse.GetResult(option) is OptionResult { Implicit: false };
}
