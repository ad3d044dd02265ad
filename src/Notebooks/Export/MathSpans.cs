using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Rl.Notebooks.Export;

/// <summary>
/// Keeps LaTeX away from the markdown parser, as Jupyter does: every <c>$...$</c>, <c>$$...$$</c> and
/// <c>\begin{env}...\end{env}</c> outside code is swapped for a placeholder before Markdig runs and put
/// back, HTML-escaped, afterwards, for MathJax to typeset. So <c>_</c>, <c>*</c>, <c>\\</c> and line
/// breaks inside a formula (a multi-line <c>$$\begin{aligned} ... \end{aligned}$$</c>) reach MathJax intact.
/// </summary>
/// <remarks>A formula ends at its closing delimiter and never spans a blank line; <c>\$</c> is a literal dollar.</remarks>
internal sealed partial class MathSpans
{
    private readonly List<string> _formulas = [];

    /// <summary>The markdown with each formula replaced by a placeholder "@@n@@".</summary>
    public string Protect(string markdown)
    {
        var text = new StringBuilder(markdown.Length);
        int i = 0;
        while (i < markdown.Length)
        {
            int end = CodeEnd(markdown, i);
            if (end > i)
            {
                text.Append(markdown, i, end - i);
                i = end;
            }
            else if (FormulaEnd(markdown, i) is int close)
            {
                text.Append(Placeholder(markdown[i..close]));
                i = close;
            }
            else if (markdown[i] == '\\' && i + 1 < markdown.Length)
            {
                // \$ is a literal dollar (MathJax, with processEscapes, shows \$ as $); other escapes are markdown's.
                text.Append(markdown[i + 1] == '$' ? Placeholder(@"\$") : markdown[i..(i + 2)]);
                i += 2;
            }
            else
            {
                text.Append(markdown[i++]);
            }
        }
        return text.ToString();
    }

    /// <summary>Puts the formulas back into the rendered HTML, escaped.</summary>
    public string Restore(string html) => PlaceholderPattern().Replace(html, m => WebUtility.HtmlEncode(_formulas[int.Parse(m.Groups[1].Value)]));

    private string Placeholder(string formula)
    {
        _formulas.Add(formula);
        return $"@@{_formulas.Count - 1}@@";
    }

    /// <summary>The end of a fenced code block or code span starting at <paramref name="i"/>, or <paramref name="i"/>.</summary>
    private static int CodeEnd(string s, int i)
    {
        if (s[i] != '`' && s[i] != '~') return i;
        int run = i;
        while (run < s.Length && s[run] == s[i]) run++;
        string fence = s[i..run];
        if (fence.Length >= 3 && AtLineStart(s, i))
        {
            int close = s.IndexOf("\n" + fence, run, StringComparison.Ordinal);
            return close < 0 ? s.Length : close + 1 + fence.Length;
        }
        if (s[i] != '`') return i;
        int span = s.IndexOf(fence, run, StringComparison.Ordinal);
        return span < 0 ? run : span + fence.Length;
    }

    private static bool AtLineStart(string s, int i)
    {
        int k = i - 1;
        while (k >= 0 && s[k] == ' ') k--;
        return k < 0 || s[k] == '\n';
    }

    /// <summary>The end of a formula starting at <paramref name="i"/>, or null if none starts there.</summary>
    private static int? FormulaEnd(string s, int i)
    {
        string closing;
        int j;
        if (s.AsSpan(i).StartsWith("$$")) (closing, j) = ("$$", i + 2);
        else if (s[i] == '$') (closing, j) = ("$", i + 1);
        else if (s[i] == '\\' && BeginEnvironment().Match(s, i) is { Success: true } begin) (closing, j) = ($"\\end{{{begin.Groups[1].Value}}}", i + begin.Length);
        else return null;
        for (; j < s.Length; j++)
        {
            if (s.AsSpan(j).StartsWith(closing)) return j + closing.Length;
            if (s[j] == '\\') j++; // an escaped character: \$ does not close, \\ is a LaTeX line break
            else if (s[j] == '\n' && s.AsSpan(j + 1).TrimStart(" \t\r").StartsWith("\n")) return null; // a blank line ends the paragraph
        }
        return null;
    }

    [GeneratedRegex(@"\G\\begin\{([a-zA-Z]+\*?)\}")]
    private static partial Regex BeginEnvironment();

    [GeneratedRegex("@@([0-9]+)@@")]
    private static partial Regex PlaceholderPattern();
}
