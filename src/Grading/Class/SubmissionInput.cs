namespace Rl.Grading.Class;

/// <summary>
/// A submission as a TA hands it to the judge: a folder, a .zip of one, or a folder holding only such
/// a .zip (as Gradescope may leave an upload); a zip is unpacked by <see cref="SubmissionArchive"/>
/// into a temporary folder that <see cref="Dispose"/> removes. Says
/// which of the assignment's files it holds, by name, without opening any file, so a folder of the
/// wrong thing (a sample's patches, the repository root's parent) is caught before a grading that
/// would score 0.
/// </summary>
public sealed class SubmissionInput : IDisposable
{
    private readonly string? _unpacked;

    private SubmissionInput(string folder, string? unpacked, IReadOnlyList<string> notes)
    {
        Folder = folder;
        _unpacked = unpacked;
        Notes = notes;
    }

    /// <summary>The folder to grade.</summary>
    public string Folder { get; }

    /// <summary>What unpacking skipped, a line each (empty for a folder).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Opens <paramref name="path"/>: a folder as it is, a .zip unpacked.</summary>
    /// <exception cref="FileNotFoundException">Neither a folder nor a .zip file is there.</exception>
    /// <exception cref="InvalidDataException">The zip is broken or breaks <see cref="SubmissionArchive.Limits.Submission"/>.</exception>
    public static SubmissionInput Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            // A folder holding nothing but one .zip (an upload Gradescope left zipped) is that zip.
            var entries = new DirectoryInfo(full).GetFileSystemInfos().Where(e => !GradescopeExport.Hidden(e.Name)).ToArray();
            if (entries is not [FileInfo only] || !IsZip(only.FullName)) return new SubmissionInput(full, null, []);
            full = only.FullName;
        }
        if (File.Exists(full) && IsZip(full))
        {
            string unpacked = Path.Combine(Directory.CreateTempSubdirectory("rl-submission-zip-").FullName, "submission");
            try
            {
                var notes = SubmissionArchive.Extract(full, unpacked, SubmissionArchive.Limits.Submission);
                return new SubmissionInput(unpacked, unpacked, notes);
            }
            catch
            {
                Directory.Delete(Path.GetDirectoryName(unpacked)!, recursive: true);
                throw;
            }
        }
        throw new FileNotFoundException($"{full} is neither a folder nor a .zip file.", full);
    }

    /// <summary>Whether <paramref name="path"/> is a regular file named *.zip.</summary>
    public static bool IsZip(string path) =>
        path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) && new FileInfo(path) is { Exists: true } file && !file.Attributes.HasFlag(FileAttributes.ReparsePoint);

    /// <summary>
    /// The allowed files (paths like src/Rl/Advantages/Gae.cs) of which a regular file of the same name
    /// lies anywhere in the folder; the judge takes each from there (or says why not).
    /// </summary>
    public IReadOnlyList<string> AllowedFound(IReadOnlyList<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Device,
            IgnoreInaccessible = true,
            MaxRecursionDepth = 16,
        };
        foreach (string file in Directory.EnumerateFiles(Folder, "*.cs", options).Take(100_000)) names.Add(Path.GetFileName(file));
        return [.. allowed.Where(path => names.Contains(Path.GetFileName(path)))];
    }

    /// <summary>Removes the unpacked copy, if any.</summary>
    public void Dispose()
    {
        if (_unpacked is null) return;
        try { Directory.Delete(Path.GetDirectoryName(_unpacked)!, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
