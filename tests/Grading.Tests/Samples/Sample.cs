using System.Text.Json;

namespace Rl.Grading.Tests.Samples;

/// <summary>
/// A sample submission of the NPG and PPO assignment: a folder under assignments/ppo-gae/submissions with
/// a sample.json (what it is, its base, the grade it must get) and zero or more unified diffs
/// (*.patch) that turn its base into the submission.
/// </summary>
/// <param name="Name">The folder's name.</param>
/// <param name="Folder">The folder's full path.</param>
/// <param name="Kind">"reference", "blank", "bug" (one classic mistake) or "hostile" (attacks the judge).</param>
/// <param name="Description">What the submission does, in a sentence or two.</param>
/// <param name="Base">"reference" (the allowed files as in src/) or "blank" (as the student release hands them out).</param>
/// <param name="Expected">The grade it must get.</param>
/// <param name="Forbidden">Text no test output may contain (what a hostile sample marks stolen content with).</param>
/// <param name="Marker">Text in the command line of every process the sample starts: none may outlive the grading.</param>
/// <param name="SettleSeconds">How long after the grading results.json must still be unchanged.</param>
/// <param name="HiddenOnly">Text that must show in some test that is not visible, and in no visible test nor the top-level output (what a sample prints from hidden tests).</param>
/// <param name="Special">Special files the harness makes in the submission (git cannot carry them): paths of named pipes and of Unix sockets.</param>
/// <param name="ClutterFiles">Other .cs files the harness adds around the real ones (a large tree).</param>
internal sealed record Sample(
    string Name, string Folder, string Kind, string Description, string Base, ExpectedGrade Expected,
    IReadOnlyList<string> Forbidden, string? Marker, int SettleSeconds,
    IReadOnlyList<string> HiddenOnly, SpecialFiles Special, int ClutterFiles)
{
    /// <summary>The kinds a sample may be.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["reference", "blank", "bug", "hostile"];

    /// <summary>Where the samples are: assignments/ppo-gae/submissions of the repository.</summary>
    public static string Root(string repositoryRoot) => Path.Combine(repositoryRoot, "assignments", "ppo-gae", "submissions");

    /// <summary>The names of the sample folders under <paramref name="root"/>, sorted ordinally.</summary>
    public static IReadOnlyList<string> Names(string root) =>
        Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    /// <summary>The patches that make the submission from its base, applied in ordinal order of their names.</summary>
    public IReadOnlyList<string> Patches =>
        Directory.GetFiles(Folder, "*.patch").Order(StringComparer.Ordinal).ToList();

    /// <summary>Reads <paramref name="name"/>'s sample.json; every field is checked and a bad one named.</summary>
    public static Sample Load(string root, string name)
    {
        string folder = Path.Combine(root, name);
        string file = Path.Combine(folder, "sample.json");
        if (!File.Exists(file)) throw new FileNotFoundException($"sample {name} has no sample.json.", file);
        SampleFile? parsed;
        try { parsed = JsonSerializer.Deserialize<SampleFile>(File.ReadAllText(file), Options); }
        catch (JsonException e) { throw new InvalidDataException($"{file}: {e.Message}", e); }
        if (parsed is null) throw new InvalidDataException($"{file}: null instead of an object.");
        if (!Kinds.Contains(parsed.Kind)) throw new InvalidDataException($"{file}: kind is \"{parsed.Kind}\"; it must be one of {string.Join(", ", Kinds)}.");
        if (parsed.Base is not ("reference" or "blank")) throw new InvalidDataException($"{file}: base is \"{parsed.Base}\"; it must be \"reference\" or \"blank\".");
        var expected = parsed.Expected;
        if (!(expected.Score is >= 0 and <= 100)) throw new InvalidDataException($"{file}: expected.score is {expected.Score}; it must lie in [0, 100].");
        if (!(expected.ExtraCredit is >= 0 and <= 5)) throw new InvalidDataException($"{file}: expected.extraCredit is {expected.ExtraCredit}; it must lie in [0, 5].");
        if (parsed.SettleSeconds is < 0 or > 30) throw new InvalidDataException($"{file}: settleSeconds is {parsed.SettleSeconds}; it must lie in [0, 30].");
        if (parsed.ClutterFiles is < 0 or > 100_000) throw new InvalidDataException($"{file}: clutterFiles is {parsed.ClutterFiles}; it must lie in [0, 100000].");
        foreach (string path in (parsed.Fifos ?? []).Concat(parsed.Sockets ?? []))
            if (Path.IsPathRooted(path) || path.Split('/').Contains(".."))
                throw new InvalidDataException($"{file}: special file {path} must be a relative path inside the submission.");
        return new Sample(name, folder, parsed.Kind, parsed.Description, parsed.Base, expected,
            parsed.Forbidden ?? [], parsed.Marker, parsed.SettleSeconds ?? 0,
            parsed.HiddenOnly ?? [], new SpecialFiles(parsed.Fifos ?? [], parsed.Sockets ?? []), parsed.ClutterFiles ?? 0);
    }

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private sealed record SampleFile(
        string Kind, string Description, string Base, ExpectedGrade Expected,
        IReadOnlyList<string>? Forbidden = null, string? Marker = null, int? SettleSeconds = null,
        IReadOnlyList<string>? HiddenOnly = null, IReadOnlyList<string>? Fifos = null, IReadOnlyList<string>? Sockets = null,
        int? ClutterFiles = null);
}

/// <summary>Special files a sample's submission holds, by path relative to it.</summary>
internal sealed record SpecialFiles(IReadOnlyList<string> Fifos, IReadOnlyList<string> Sockets);

/// <summary>The grade a sample must get.</summary>
/// <param name="Score">Points of the regular tests, out of 100.</param>
/// <param name="ExtraCredit">Points of the extra-credit tests, out of 5.</param>
/// <param name="Failing">The numbers of the tests that must fail; every other test must pass.</param>
/// <param name="Hint">Text that some failing test's output must contain, or null.</param>
internal sealed record ExpectedGrade(double Score, double ExtraCredit, IReadOnlyList<string> Failing, string? Hint);
