using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Rl.Grading.Tests.Release;

/// <summary>
/// Each notebook says at its top which tasks of the handout it needs before it runs on a student's
/// library, naming them as the handout's task table does, and notebooks/README.md's table of tasks
/// says the same: a renumbered or renamed task fails here until the notebooks follow.
/// </summary>
public sealed partial class NotebookTasksTests
{
    private static readonly string Root = RepositoryRoot.Find();

    public static TheoryData<string> Notebooks() =>
        new(Directory.GetFiles(Path.Combine(Root, "notebooks"), "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_NamesTheTasksItNeeds_AsTheHandoutDoes_AndAsTheReadmeDoes(string file)
    {
        string note = Note(file);
        var handout = HandoutTasks();
        var named = NamedTask().Matches(note).Select(m => (Id: m.Groups["id"].Value == "the extra credit" ? "EC" : m.Groups["id"].Value, Name: m.Groups["name"].Value)).ToList();
        foreach (var (id, name) in named)
            Assert.True(handout.TryGetValue(id, out string? title) && title == name,
                $"{file} names task {id} \"{name}\"; the handout's table has {(title is null ? "no such task" : $"\"{title}\"")}");
        bool needsNone = note.Contains("needs no task", StringComparison.Ordinal);
        Assert.True(needsNone != (named.Count > 0), $"{file}'s note names no task and does not say it needs none: {note}");

        string row = ReadmeRow(file[..2]);
        var listed = Regex.Matches(row, @"\b\d+\b").Select(m => m.Value).ToHashSet();
        if (row.Contains("extra credit", StringComparison.Ordinal)) listed.Add("EC");
        Assert.Equal(named.Select(task => task.Id).Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.Contains($"`notebooks/html/{Path.GetFileNameWithoutExtension(file)}.html`", note);
    }

    /// <summary>The paragraph of the notebook's first cell that starts "**In the student release**".</summary>
    private static string Note(string file)
    {
        var first = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "notebooks", file)))!["cells"]![0]!;
        string source = string.Concat(first["source"]!.AsArray().Select(line => (string?)line));
        var note = source.Split("\n\n").FirstOrDefault(paragraph => paragraph.StartsWith("**In the student release**", StringComparison.Ordinal));
        Assert.True(note is not null, $"{file}: its first cell has no paragraph \"**In the student release** ...\" naming the tasks it needs");
        return note!;
    }

    /// <summary>The handout's task table: "| 3 GAE, backward recursion | ..." gives 3 -> "GAE, backward recursion".</summary>
    private static Dictionary<string, string> HandoutTasks()
    {
        var tasks = HandoutRow().Matches(File.ReadAllText(Path.Combine(Root, "assignments/ppo-gae/handout.md")))
            .ToDictionary(m => m.Groups["id"].Value, m => m.Groups["name"].Value.Trim());
        Assert.True(tasks.Count >= 8, $"only {tasks.Count} tasks read from the handout's table");
        return tasks;
    }

    /// <summary>The tasks cell of notebooks/README.md's row "| 03 | 1, 2 |".</summary>
    private static string ReadmeRow(string number)
    {
        var row = Regex.Match(File.ReadAllText(Path.Combine(Root, "notebooks/README.md")), $@"^\| {number} \| (?<tasks>[^|\n]+) \|\s*$", RegexOptions.Multiline);
        Assert.True(row.Success, $"notebooks/README.md has no row \"| {number} | <tasks> |\" in its table of tasks");
        return row.Groups["tasks"].Value;
    }

    [GeneratedRegex(@"(?<id>\d+|the extra credit) \((?<name>[^)]+)\)")]
    private static partial Regex NamedTask();

    [GeneratedRegex(@"^\| (?<id>\d+|EC) (?<name>[^|]+)\|", RegexOptions.Multiline)]
    private static partial Regex HandoutRow();
}
