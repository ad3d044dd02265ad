namespace Rl.Grading;

/// <summary>Where the kit's sources are: the nearest folder, from a start folder upwards, holding Teaching.sln.</summary>
public static class RepositoryRoot
{
    /// <summary>The repository root above <paramref name="start"/> (default: this assembly's folder).</summary>
    public static string Find(string? start = null)
    {
        for (var directory = new DirectoryInfo(start ?? AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Teaching.sln"))) return directory.FullName;
        throw new DirectoryNotFoundException($"No folder above {start ?? AppContext.BaseDirectory} holds Teaching.sln: run from inside the kit's repository.");
    }
}
