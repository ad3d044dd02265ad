namespace Rl.Grading.Release;

/// <summary>
/// The text only the solution has: the trimmed lines inside the solution regions of the C# files
/// under src/ (markers excluded), longer than 12 characters, that no file under src/ holds outside a
/// region. Lines such as <c>for (int e = 0; e &lt; envs; e++)</c> also occur in the given code, so they
/// reveal nothing. The release redacts this text wherever else it appears (a notebook showing the
/// code), and the release tests look for it in every released file.
/// </summary>
public static class SolutionText
{
    /// <summary>Shortest line counted: shorter ones (a brace, <c>return loss;</c>) say nothing of the solution.</summary>
    public const int MinLength = 13;

    /// <summary>Every solution-only line with the file it comes from, distinct.</summary>
    public static IReadOnlyList<(string File, string Line)> Lines(string repositoryRoot)
    {
        var inside = new List<(string File, string Line)>();
        var outside = new HashSet<string>(StringComparer.Ordinal);
        foreach (string file in SourceTree.Files(repositoryRoot, "src").Where(path => path.EndsWith(".cs", StringComparison.Ordinal)))
        {
            string text = File.ReadAllText(Path.Combine(repositoryRoot, file));
            string[] lines = text.Split('\n');
            var regions = SolutionRegions.Find(text, file);
            var regionLines = regions.SelectMany(r => Enumerable.Range(r.BeginLine, r.EndLine - r.BeginLine + 1)).ToHashSet();
            var markers = regions.SelectMany(r => new[] { r.BeginLine, r.EndLine }).ToHashSet();
            for (int i = 0; i < lines.Length; i++)
            {
                string trimmed = lines[i].Trim();
                if (!regionLines.Contains(i + 1)) outside.Add(trimmed);
                else if (!markers.Contains(i + 1)) inside.Add((file, trimmed));
            }
        }
        string given = string.Join('\n', outside);
        return [.. inside.Where(entry => entry.Line.Length >= MinLength && !given.Contains(entry.Line, StringComparison.Ordinal)).Distinct()];
    }

    /// <summary>Whether <paramref name="text"/> holds any of <paramref name="lines"/>.</summary>
    public static bool Reveals(string text, IReadOnlyList<(string File, string Line)> lines) =>
        lines.Any(entry => text.Contains(entry.Line, StringComparison.Ordinal));
}
