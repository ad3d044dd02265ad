namespace Rl.Cli;

/// <summary>
/// Where a command will write, checked before it does any work: a mistake in --out costs the user a
/// message, not a training run or a grading followed by a stack trace. Each check returns the error
/// to print (naming the option and the path), or null when the path will do.
/// </summary>
internal static class OutputPaths
{
    /// <summary>A folder to write files into: created if missing; must not be a file and must take a new file.</summary>
    public static string? PrepareFolder(string folder, string option)
    {
        if (File.Exists(folder)) return $"{option} {folder}: is a file; name a folder (it is created if missing).";
        try
        {
            Directory.CreateDirectory(folder);
            Probe(folder);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"{option} {folder}: cannot write there: {e.Message}";
        }
    }

    /// <summary>A file to write: its folder is created if missing; it must not be a folder and the folder must take a new file.</summary>
    public static string? CheckFile(string path, string option)
    {
        if (Directory.Exists(path)) return $"{option} {path}: is a folder; name the file to write.";
        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (File.Exists(folder)) return $"{option} {path}: {folder} is a file, not a folder.";
        return PrepareFolder(folder, option) is null ? null : $"{option} {path}: cannot create or write its folder {folder}.";
    }

    /// <summary>Creates and deletes an empty file in <paramref name="folder"/>: the one sure test that it is writable.</summary>
    private static void Probe(string folder)
    {
        string probe = Path.Combine(folder, $".write-test-{Environment.ProcessId}");
        using (File.Create(probe, 1, FileOptions.DeleteOnClose)) { }
    }
}
