namespace Rl.Grading.Judge;

/// <summary>
/// Takes the allowed files, and nothing else, out of a submission folder. Each allowed path (e.g.
/// src/Rl/Advantages/Gae.cs) is looked up directly, never by walking the folder, so no number of
/// other files can hide it:
/// <code>
///   1. the file at that path                                  (the repository's layout)
///   2. else the file of that name at the top                  (a flat upload)
///   3. else the path or the name inside one top-level folder  (a zip of the repository's folder);
///      the first <see cref="MaxFolders"/> top-level folders, in name order, are looked in
/// </code>
/// Of 3, a name found in more than one folder is reported and the stub kept. Only regular files are
/// read (lstat: symbolic links, named pipes, devices and sockets are refused with a note), at most
/// <see cref="MaxBytes"/> each. A missing file leaves the release's stub in place; everything else in
/// the submission is ignored.
/// </summary>
public static class SubmissionFiles
{
    /// <summary>Largest file taken.</summary>
    public const int MaxBytes = 512 * 1024;

    /// <summary>Top-level folders looked in (step 3).</summary>
    public const int MaxFolders = 16;

    /// <summary>
    /// Copies the allowed files from <paramref name="submission"/> over their stubs in
    /// <paramref name="buildDirectory"/>, and says what it did, a line per allowed file and one for the rest.
    /// </summary>
    public static IReadOnlyList<string> Copy(string submission, IReadOnlyList<string> allowed, string buildDirectory)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var folders = TopFolders(submission);
        var report = new List<string>();
        foreach (var path in allowed)
        {
            string name = Path.GetFileName(path);
            var (chosen, note) = Find(submission, path, name, folders);
            if (chosen is null)
            {
                report.Add($"{path}: {note ?? "not submitted"}; the release's stub is used.");
                continue;
            }
            var (_, size) = FileKinds.Of(Path.Combine(submission, chosen));
            if (size > MaxBytes)
            {
                report.Add($"{path}: {chosen} has {size} bytes, more than the {MaxBytes} allowed; the stub is used.");
                continue;
            }
            File.Copy(Path.Combine(submission, chosen), Path.Combine(buildDirectory, path), overwrite: true);
            report.Add($"{path}: taken from {chosen}.");
        }
        report.Add("Every other file in the submission is ignored.");
        return report;
    }

    /// <summary>The chosen file (relative to the submission), or null and why.</summary>
    private static (string? Chosen, string? Note) Find(string submission, string path, string name, IReadOnlyList<string> folders)
    {
        string? refused = null;
        foreach (string candidate in new[] { path, name })
        {
            var kind = Kind(submission, candidate, ref refused);
            if (kind == FileKind.Regular) return (candidate, null);
        }
        var found = new List<string>();
        foreach (string folder in folders)
        {
            foreach (string candidate in new[] { $"{folder}/{path}", $"{folder}/{name}" })
            {
                if (Kind(submission, candidate, ref refused) != FileKind.Regular) continue;
                found.Add(candidate);
                break;
            }
        }
        if (found.Count == 1) return (found[0], null);
        if (found.Count > 1) return (null, $"{found.Count} files are called {name} ({string.Join(", ", found)}); put one at {path}");
        return (null, refused);
    }

    /// <summary>The kind of <paramref name="relative"/>; a file of that name that is not a regular file is noted in <paramref name="refused"/>.</summary>
    private static FileKind Kind(string submission, string relative, ref string? refused)
    {
        var (kind, _) = FileKinds.Of(Path.Combine(submission, relative));
        if (kind is FileKind.SymbolicLink or FileKind.Fifo or FileKind.Special)
            refused ??= $"{relative} is {Describe(kind)}, not a regular file, and is not read";
        return kind;
    }

    private static string Describe(FileKind kind) => kind switch
    {
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.Fifo => "a named pipe",
        _ => "a device or socket",
    };

    /// <summary>The first <see cref="MaxFolders"/> top-level folders (not links), in ordinal order of name, of at most 10,000 top-level entries.</summary>
    private static List<string> TopFolders(string submission)
    {
        var options = new EnumerationOptions { AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true, RecurseSubdirectories = false };
        return [.. Directory.EnumerateDirectories(submission, "*", options).Take(10_000)
            .Select(Path.GetFileName).OfType<string>()
            .Order(StringComparer.Ordinal).Take(MaxFolders)];
    }
}
