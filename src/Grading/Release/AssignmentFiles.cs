namespace Rl.Grading.Release;

/// <summary>
/// The files a student submits: the C# sources under src/ that hold solution regions. The release
/// stubs exactly these, and the judge copies exactly these from a submission into its build.
/// </summary>
public static class AssignmentFiles
{
    /// <summary>The allowed files' paths relative to <paramref name="repositoryRoot"/> ('/' separators), sorted ordinally.</summary>
    /// <exception cref="FormatException">A source has malformed regions (see <see cref="SolutionRegions.Find"/>).</exception>
    public static IReadOnlyList<string> Allowed(string repositoryRoot) =>
        SourceTree.Files(repositoryRoot, "src")
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal))
            .Where(path => SolutionRegions.Find(File.ReadAllText(Path.Combine(repositoryRoot, path)), path).Count > 0)
            .ToList();
}
