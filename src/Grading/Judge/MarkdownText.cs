using System.Text;

namespace Rl.Grading.Judge;

/// <summary>
/// Plain text as Markdown that renders as the same text (Gradescope's "md" output format): every ASCII
/// punctuation character is backslash-escaped (CommonMark lets any of them be), so no text, whoever wrote
/// it, can become a link, an image, HTML, a heading or a list; a line's leading spaces become
/// <c>&amp;nbsp;</c> so indentation survives; lines of a paragraph end in a hard break; blank lines
/// separate paragraphs.
/// </summary>
public static class MarkdownText
{
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

    /// <summary>Undoes <see cref="Of"/> for one line: the escapes and the indentation removed.</summary>
    public static string Unescape(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var plain = new StringBuilder(markdown.Length);
        string text = markdown.Replace("&nbsp;", " ", StringComparison.Ordinal);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1]) is false && text[i + 1] < 128 && !char.IsWhiteSpace(text[i + 1]))
                i++;
            plain.Append(text[i]);
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
        int i = 0;
        for (; i < line.Length && line[i] is ' ' or '\t'; i++) escaped.Append(line[i] == ' ' ? "&nbsp;" : "&nbsp;&nbsp;&nbsp;&nbsp;");
        for (; i < line.Length; i++)
        {
            char c = line[i];
            if (c < 128 && char.IsAsciiLetterOrDigit(c) is false && !char.IsWhiteSpace(c) && !char.IsControl(c)) escaped.Append('\\');
            if (char.IsControl(c) && c != '\t') continue; // no terminal escapes or NULs in a web page
            escaped.Append(c);
        }
        return escaped.ToString().TrimEnd();
    }
}
