namespace Rl.Grading.Release;

/// <summary>
/// The source files of a repository subtree: every file below it except build output and installed
/// or version-control folders (bin/, obj/, artifacts/, node_modules/, .git, TestResults/). Paths are
/// relative to the repository root, with '/' separators, sorted ordinally, so every copy made from
/// them is the same on every machine.
/// </summary>
public static class SourceTree
{
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "bin", "obj", "artifacts", "node_modules", ".git", "TestResults" };

    /// <summary>The files below <paramref name="relativeFolder"/> of <paramref name="repositoryRoot"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static IReadOnlyList<string> Files(string repositoryRoot, string relativeFolder)
    {
        string folder = Path.Combine(repositoryRoot, relativeFolder);
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"{relativeFolder}/ is missing from {repositoryRoot}: the release needs it.");
        var files = new List<string>();
        Collect(new DirectoryInfo(folder), repositoryRoot, files);
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>Whether a relative path ('/' separators) passes through a skipped folder.</summary>
    public static bool IsSkipped(string relativePath) => relativePath.Split('/').SkipLast(1).Any(Skipped.Contains);

    /// <summary>Copies <paramref name="relativePath"/> from <paramref name="repositoryRoot"/> to the same place under <paramref name="outputDirectory"/>.</summary>
    public static void Copy(string repositoryRoot, string relativePath, string outputDirectory) =>
        Write(outputDirectory, relativePath, File.ReadAllBytes(Path.Combine(repositoryRoot, relativePath)));

    /// <summary>Writes <paramref name="contents"/> to <paramref name="relativePath"/> under <paramref name="outputDirectory"/>, creating folders.</summary>
    public static void Write(string outputDirectory, string relativePath, byte[] contents)
    {
        string target = Path.Combine(outputDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllBytes(target, contents);
    }

    private static void Collect(DirectoryInfo folder, string repositoryRoot, List<string> files)
    {
        foreach (var file in folder.EnumerateFiles())
            files.Add(Path.GetRelativePath(repositoryRoot, file.FullName).Replace(Path.DirectorySeparatorChar, '/'));
        foreach (var child in folder.EnumerateDirectories())
            if (!Skipped.Contains(child.Name) && !child.Attributes.HasFlag(FileAttributes.ReparsePoint))
                Collect(child, repositoryRoot, files);
    }
}
