using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace Rl.Grading.Release;

/// <summary>
/// The Gradescope autograder: a zip with <c>setup.sh</c> and <c>run_autograder</c> at its root (LF line
/// endings, unix mode 0755) beside the part of the repository the judge is built from: every project
/// folder <c>src/Cli</c> references, transitively (the reference library, the judge, the hidden tests),
/// the repository-wide build files, Teaching.sln (how the judge finds its root) and the notebooks' npm
/// manifests. No build output, no node_modules, nothing else. Gradescope unpacks the zip into
/// /autograder/source, so that folder is the judge's repository root, runs setup.sh there once, and
/// copies run_autograder to /autograder.
/// </summary>
public static class AutograderBundle
{
    private const string Entry = "src/Cli/Cli.csproj";
    private const string ScriptsFolder = "assignments/ppo-gae/autograder";
    private static readonly string[] Scripts = ["setup.sh", "run_autograder"];
    private static readonly string[] RootFiles =
        ["Teaching.sln", "Directory.Build.props", "Directory.Packages.props", ".editorconfig", "notebooks/package.json", "notebooks/package-lock.json"];
    private const string OptionalRootFile = "global.json";

    /// <summary>A fixed time stamp for every entry, so the same sources give the same zip.</summary>
    private static readonly DateTimeOffset Timestamp = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    /// <summary>Unix mode in the high 16 bits of a zip entry's external attributes: regular file (0100000) | permissions.</summary>
    private const int Executable = (0x8000 | 0b111_101_101) << 16, Regular = (0x8000 | 0b110_100_100) << 16;

    /// <summary>Writes the autograder zip to <paramref name="zipPath"/> (replacing it).</summary>
    /// <returns>The zip's entry names, in the order written.</returns>
    public static IReadOnlyList<string> Write(string repositoryRoot, string zipPath)
    {
        var entries = new List<string>();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(zipPath))!);
        using var zip = new ZipArchive(File.Create(zipPath), ZipArchiveMode.Create);
        foreach (string script in Scripts)
        {
            string text = File.ReadAllText(Path.Combine(repositoryRoot, ScriptsFolder, script)).Replace("\r\n", "\n");
            Add(zip, script, Encoding.UTF8.GetBytes(text), Executable, entries);
        }
        foreach (string file in SourceFiles(repositoryRoot))
            Add(zip, file, File.ReadAllBytes(Path.Combine(repositoryRoot, file)), Regular, entries);
        return entries;
    }

    /// <summary>The repository files in the zip: the root files and every file of the project folders the judge's build needs, sorted.</summary>
    public static IReadOnlyList<string> SourceFiles(string repositoryRoot)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string folder in ProjectFolders(repositoryRoot, Entry)) files.UnionWith(SourceTree.Files(repositoryRoot, folder));
        files.UnionWith(RootFiles);
        if (File.Exists(Path.Combine(repositoryRoot, OptionalRootFile))) files.Add(OptionalRootFile);
        return [.. files];
    }

    /// <summary>The folders of <paramref name="project"/> and of every project it references, transitively ('/' separators, relative to the root).</summary>
    public static IReadOnlyList<string> ProjectFolders(string repositoryRoot, string project)
    {
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out string? next))
        {
            string folder = Path.GetDirectoryName(next)!.Replace('\\', '/');
            if (!folders.Add(folder)) continue;
            string path = Path.Combine(repositoryRoot, next);
            if (!File.Exists(path)) throw new FileNotFoundException($"{next} is referenced by the judge's build but missing.", path);
            foreach (var reference in XDocument.Load(path).Descendants("ProjectReference"))
            {
                string include = reference.Attribute("Include")?.Value ?? throw new FormatException($"{next}: a ProjectReference without Include.");
                string full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, include.Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(repositoryRoot, full).Replace(Path.DirectorySeparatorChar, '/'));
            }
        }
        return [.. folders];
    }

    private static void Add(ZipArchive zip, string name, byte[] contents, int attributes, List<string> entries)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.ExternalAttributes = attributes;
        entry.LastWriteTime = Timestamp;
        using (var stream = entry.Open()) stream.Write(contents);
        entries.Add(name);
    }
}
