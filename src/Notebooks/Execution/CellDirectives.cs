using System.Text.RegularExpressions;
using Rl.Notebooks.Format;

namespace Rl.Notebooks.Execution;

/// <summary>
/// The kernel directives of a code cell, handled before Roslyn sees the code: <c>#r "path.dll"</c>
/// (resolved against the notebook's folder) and <c>#!csharp</c> are taken out; <c>#r "nuget: ..."</c>,
/// <c>#i</c> and every other <c>#!</c> magic are rejected naming the cell and line. Directive lines
/// become empty lines, so compiler line numbers still match the cell.
/// </summary>
internal static partial class CellDirectives
{
    /// <summary>The C# code to compile and the DLLs it references, as full paths.</summary>
    public sealed record PreparedCell(string Code, IReadOnlyList<string> References);

    /// <exception cref="CellFailure">An unsupported directive, or a <c>#r</c> whose file does not exist.</exception>
    public static PreparedCell Prepare(NotebookCell cell, string notebookFolder)
    {
        string[] lines = cell.Source.Split('\n');
        var references = new List<string>();
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line == "#!csharp")
            {
                lines[i] = "";
            }
            else if (line.StartsWith("#!", StringComparison.Ordinal))
            {
                throw CellFailure.At(cell, i + 1, "UnsupportedMagic",
                    $"magic command '{line}' is not supported: the runner executes C# only ('#!csharp' lines are accepted).");
            }
            else if (line.StartsWith("#i ", StringComparison.Ordinal))
            {
                throw CellFailure.At(cell, i + 1, "UnsupportedMagic", $"'{line}' is not supported: the runner adds no package sources.");
            }
            else if (ReferenceDirective().Match(line) is { Success: true } match)
            {
                string target = match.Groups["target"].Value;
                if (target.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
                    throw CellFailure.At(cell, i + 1, "UnsupportedMagic",
                        $"'{line}' is not supported: the runner restores no NuGet packages; reference a built DLL with #r \"path/to/Library.dll\".");
                string path = Path.GetFullPath(Path.Combine(notebookFolder, target));
                if (!File.Exists(path))
                    throw CellFailure.At(cell, i + 1, "MissingReference",
                        $"#r: '{path}' does not exist ('{target}' resolved against the notebook's folder {notebookFolder}). Build the kit first: dotnet build.");
                references.Add(path);
                lines[i] = "";
            }
        }
        return new PreparedCell(string.Join('\n', lines), references);
    }

    /// <summary><c>#r "target"</c>, the one form the C# kernel documents.</summary>
    [GeneratedRegex("""^#r\s+"(?<target>[^"]+)"\s*$""")]
    private static partial Regex ReferenceDirective();
}
