using System.Text;

namespace Rl.Grading.Release;

/// <summary>One marked region of a reference source: its BEGIN and END lines (1-based) and its hint, if any.</summary>
/// <param name="BeginLine">The line of the BEGIN marker.</param>
/// <param name="EndLine">The line of the END marker.</param>
/// <param name="Hint">The text after "BEGIN SOLUTION:", or null for a region without one (removed in the release).</param>
public sealed record SolutionRegion(int BeginLine, int EndLine, string? Hint);

/// <summary>
/// The solution regions of the reference sources. A region starts at a line that is, trimmed, exactly
/// <c>// BEGIN SOLUTION: hint</c> or <c>// BEGIN SOLUTION</c> and ends at the next line that is, trimmed,
/// exactly <c>// END SOLUTION</c>. In the student release a region with a hint becomes
/// <c>throw new NotImplementedException("hint");</c> at the BEGIN line's indentation, and a region
/// without one (helper members only the solution uses) disappears. Regions neither nest nor overlap;
/// an unbalanced, nested or malformed marker is an error naming the file and the line.
/// </summary>
public static class SolutionRegions
{
    private const string Begin = "// BEGIN SOLUTION";
    private const string End = "// END SOLUTION";

    /// <summary>The regions of <paramref name="source"/>, in order; <paramref name="fileName"/> names it in errors.</summary>
    /// <exception cref="FormatException">A marker is malformed, nested, unbalanced or has an empty hint.</exception>
    public static IReadOnlyList<SolutionRegion> Find(string source, string fileName)
    {
        var regions = new List<SolutionRegion>();
        string[] lines = source.Split('\n');
        (int Line, string? Hint)? open = null;
        for (int i = 0; i < lines.Length; i++)
        {
            string text = lines[i].TrimEnd('\r').Trim();
            int line = i + 1;
            if (text.StartsWith(Begin, StringComparison.Ordinal))
            {
                string? hint = ParseHint(text, fileName, line);
                if (open is { } outer)
                    throw Error(fileName, line, $"BEGIN SOLUTION inside the region opened on line {outer.Line}: regions do not nest; close it with {End} first.");
                open = (line, hint);
            }
            else if (text.StartsWith(End, StringComparison.Ordinal))
            {
                if (text != End) throw Error(fileName, line, $"malformed end marker \"{text}\": write exactly \"{End}\".");
                if (open is not { } region) throw Error(fileName, line, $"{End} without a {Begin} before it.");
                regions.Add(new SolutionRegion(region.Line, line, region.Hint));
                open = null;
            }
        }
        if (open is { } unclosed) throw Error(fileName, unclosed.Line, $"{Begin} is never closed: add {End} after the solution.");
        return regions;
    }

    /// <summary>
    /// <paramref name="source"/> with every region replaced: by <c>throw new NotImplementedException("hint");</c>
    /// (same indentation as the BEGIN line) if it has a hint, by nothing otherwise. Other lines, and the
    /// line endings, are kept as they are.
    /// </summary>
    /// <exception cref="FormatException">As <see cref="Find"/>.</exception>
    public static string Strip(string source, string fileName)
    {
        var regions = Find(source, fileName);
        string[] lines = source.Split('\n');
        var output = new StringBuilder(source.Length);
        int next = 0; // index into regions
        for (int i = 0; i < lines.Length; i++)
        {
            int line = i + 1;
            string ending = i < lines.Length - 1 ? "\n" : "";
            if (next < regions.Count && line == regions[next].BeginLine)
            {
                var region = regions[next++];
                if (region.Hint is { } hint)
                {
                    string begin = lines[i];
                    string indentation = begin[..(begin.Length - begin.TrimStart().Length)];
                    string carriageReturn = begin.EndsWith('\r') ? "\r" : "";
                    output.Append(indentation).Append("throw new NotImplementedException(\"").Append(Escape(hint)).Append("\");")
                          .Append(carriageReturn).Append('\n');
                }
                i = region.EndLine - 1;
                continue;
            }
            output.Append(lines[i]).Append(ending);
        }
        return output.ToString();
    }

    /// <summary>The hint of a BEGIN line: null for exactly "// BEGIN SOLUTION", the trimmed text after "// BEGIN SOLUTION:" otherwise.</summary>
    private static string? ParseHint(string text, string fileName, int line)
    {
        if (text == Begin) return null;
        if (!text.StartsWith(Begin + ":", StringComparison.Ordinal))
            throw Error(fileName, line, $"malformed begin marker \"{text}\": write \"{Begin}: <one-line hint>\" or exactly \"{Begin}\".");
        string hint = text[(Begin.Length + 1)..].Trim();
        if (hint.Length == 0) throw Error(fileName, line, $"empty hint after \"{Begin}:\": write a hint or drop the colon.");
        return hint;
    }

    /// <summary>The hint as the body of a C# string literal: backslashes and double quotes escaped.</summary>
    private static string Escape(string hint) => hint.Replace("\\", "\\\\").Replace("\"", "\\\"");

    private static FormatException Error(string fileName, int line, string message) => new($"{fileName}:{line}: {message}");
}
