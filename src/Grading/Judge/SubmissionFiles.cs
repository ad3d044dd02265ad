namespace Rl.Grading.Judge;

/// <summary>
/// Takes the allowed files, and nothing else, out of a submission folder: for each allowed path
/// (e.g. src/Rl/Advantages/Gae.cs), the file at that path if present, else the one file of that name
/// anywhere in the folder. Only regular files are read (symbolic links are never followed), at most
/// <see cref="MaxBytes"/> each. A missing file leaves the release's stub in place.
/// </summary>
public static class SubmissionFiles
{
    /// <summary>Largest file taken.</summary>
    public const int MaxBytes = 512 * 1024;

    /// <summary>
    /// Copies the allowed files from <paramref name="submission"/> over their stubs in
    /// <paramref name="buildDirectory"/>, and says what it did, a line per allowed file.
    /// </summary>
    public static IReadOnlyList<string> Copy(string submission, IReadOnlyList<string> allowed, string buildDirectory)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var files = RegularFiles(submission);
        var report = new List<string>();
        foreach (var path in allowed)
        {
            string name = Path.GetFileName(path);
            var exact = files.FirstOrDefault(file => Relative(submission, file) == path);
            var named = files.Where(file => Path.GetFileName(file) == name).ToArray();
            string? chosen = exact ?? (named.Length == 1 ? named[0] : null);
            if (chosen is null)
            {
                report.Add(named.Length == 0
                    ? $"{path}: not submitted; the release's stub is used."
                    : $"{path}: {named.Length} files are called {name} ({string.Join(", ", named.Select(f => Relative(submission, f)))}); put one at {path}. The stub is used.");
                continue;
            }
            long size = new FileInfo(chosen).Length;
            if (size > MaxBytes)
            {
                report.Add($"{path}: {Relative(submission, chosen)} has {size} bytes, more than the {MaxBytes} allowed; the stub is used.");
                continue;
            }
            File.Copy(chosen, Path.Combine(buildDirectory, path), overwrite: true);
            report.Add($"{path}: taken from {Relative(submission, chosen)}.");
        }
        return report;
    }

    /// <summary>Regular files under <paramref name="folder"/>, without entering linked folders.</summary>
    private static List<string> RegularFiles(string folder)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.ReparsePoint,
            IgnoreInaccessible = true,
            MaxRecursionDepth = 12,
        };
        // A symbolic link, to a file or a folder, carries ReparsePoint: skipping it skips both.
        return [.. Directory.EnumerateFiles(folder, "*.cs", options).Take(10_000)];
    }

    private static string Relative(string root, string file) => Path.GetRelativePath(root, file).Replace('\\', '/');
}
