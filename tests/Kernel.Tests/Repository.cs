namespace Kernel.Tests;

/// <summary>Where the kit's files are, seen from the test assembly in artifacts/bin/Kernel.Tests/&lt;config&gt;/.</summary>
internal static class Repository
{
    public static readonly string Root = FindRoot();

    public static string NotebooksFolder => Path.Combine(Root, "notebooks");

    /// <summary>The kit's notebooks, in file-name order.</summary>
    public static IReadOnlyList<string> Notebooks =>
        Directory.GetFiles(NotebooksFolder, "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()!;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Teaching.sln"))) return dir.FullName;
        throw new InvalidOperationException("Teaching.sln not found above " + AppContext.BaseDirectory);
    }
}
