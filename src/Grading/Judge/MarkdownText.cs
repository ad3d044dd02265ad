using System.Text;

namespace Rl.Grading.Judge;

/// <summary>
/// Plain text as Markdown that renders as the same text (Gradescope's "md" output format), and back.
/// The characters that make Markdown's syntax (<c>\ ` * _ [ ] &lt; &gt; # + - ! | ~ &amp;</c>, and a
/// line's leading "1." or "=") are backslash-escaped, as CommonMark allows for any ASCII punctuation,
/// so no text, whoever wrote it, becomes an image, HTML, a heading, a list or emphasis; a line's
/// leading spaces become <c>&amp;nbsp;</c> so indentation survives; the lines of a paragraph end in a
/// hard break (a backslash); blank lines separate paragraphs; control characters are dropped.
/// </summary>
public static class MarkdownText
{
    private const string Always = "\\`*_[]<>#+-!|~&";
    private const string Space = "&nbsp;";

    /// <summary><paramref name="text"/> as inert Markdown.</summary>
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var paragraphs = new List<string>();
        var lines = new List<string>();
        foreach (string line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.Trim().Length == 0)
            {
                Flush(paragraphs, lines);
                continue;
            }
            lines.Add(Line(line));
        }
        Flush(paragraphs, lines);
        return string.Join("\n\n", paragraphs);
    }

    /// <summary>
    /// The plain text of Markdown made by <see cref="Of"/>, leaving out paragraphs that start with "**"
    /// (the bold lines a renderer adds around such text; an escaped text never starts with one).
    /// </summary>
    public static string ToPlain(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var paragraphs = markdown.Split("\n\n").Where(p => !p.StartsWith("**", StringComparison.Ordinal));
        return string.Join("\n\n", paragraphs.Select(p => string.Join('\n', p.Split("\\\n").Select(Unescape))));
    }

    /// <summary>One line of <see cref="Of"/>'s output back to text.</summary>
    private static string Unescape(string line)
    {
        var plain = new StringBuilder(line.Length);
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\' && i + 1 < line.Length && char.IsAsciiLetterOrDigit(line[i + 1]) is false && line[i + 1] is > ' ' and < (char)127)
                plain.Append(line[++i]);
            else if (string.CompareOrdinal(line, i, Space, 0, Space.Length) == 0)
            {
                plain.Append(' ');
                i += Space.Length - 1;
            }
            else plain.Append(line[i]);
        }
        return plain.ToString();
    }

    private static void Flush(List<string> paragraphs, List<string> lines)
    {
        if (lines.Count == 0) return;
        paragraphs.Add(string.Join("\\\n", lines));
        lines.Clear();
    }

    private static string Line(string line)
    {
        var escaped = new StringBuilder(line.Length * 2);
        string text = new([.. line.TrimEnd().Where(c => c == '\t' || !char.IsControl(c))]);
        int i = 0;
        for (; i < text.Length && text[i] is ' ' or '\t'; i++) escaped.Append(text[i] == ' ' ? Space : string.Concat(Enumerable.Repeat(Space, 4)));
        int digits = i;
        while (digits < text.Length && char.IsAsciiDigit(text[digits])) digits++;
        for (int start = i; i < text.Length; i++)
        {
            char c = text[i];
            bool lineStart = (i == start && c == '=') || (i == digits && digits > start && c is '.' or ')');
            if (Always.Contains(c) || lineStart) escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
