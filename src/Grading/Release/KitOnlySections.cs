namespace Rl.Grading.Release;

/// <summary>
/// Markdown the kit ships to students with the parts about files the release lacks (the command
/// line, the kit's test projects) left out: every line from a <see cref="Begin"/> line through the
/// next <see cref="End"/> line is removed. Both markers are HTML comments, so the kit's own page
/// renders them as nothing.
/// </summary>
public static class KitOnlySections
{
    /// <summary>The line that opens a section only the kit has.</summary>
    public const string Begin = "<!-- BEGIN KIT ONLY -->";
    /// <summary>The line that closes it.</summary>
    public const string End = "<!-- END KIT ONLY -->";

    /// <summary><paramref name="markdown"/> without its kit-only sections.</summary>
    /// <exception cref="FormatException">A marker is unpaired or nested; <paramref name="file"/> names the file in the message.</exception>
    public static string Strip(string markdown, string file)
    {
        var kept = new List<string>();
        int? open = null;
        string[] lines = markdown.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string trimmed = lines[i].Trim();
            if (trimmed == Begin)
            {
                if (open is int line) throw new FormatException($"{file}, line {i + 1}: {Begin} inside the section opened on line {line}; close it with {End} first.");
                open = i + 1;
            }
            else if (trimmed == End)
            {
                if (open is null) throw new FormatException($"{file}, line {i + 1}: {End} without a {Begin} before it.");
                open = null;
            }
            else if (open is null) kept.Add(lines[i]);
        }
        if (open is int unclosed) throw new FormatException($"{file}, line {unclosed}: {Begin} is never closed by {End}.");
        return string.Join('\n', kept);
    }
}
