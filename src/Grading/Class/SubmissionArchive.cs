using System.IO.Compression;

namespace Rl.Grading.Class;

/// <summary>
/// Unpacks a submission's .zip without trusting it: only regular files are written (a symbolic link,
/// a device or any other special entry is skipped, and said so), every name must stay inside the
/// target folder (no absolute path, no "..", no drive, no NUL), and the archive is bounded in entries,
/// depth, bytes per file and bytes in all, counted while inflating rather than read from the headers
/// (which a zip bomb fills in as it likes). Nothing is ever written outside the fresh folder it fills.
/// </summary>
public static class SubmissionArchive
{
    /// <summary>The bounds of one archive.</summary>
    /// <param name="MaxEntries">Most entries (files and folders) read.</param>
    /// <param name="MaxFileBytes">Largest file unpacked.</param>
    /// <param name="MaxTotalBytes">Most bytes unpacked in all.</param>
    /// <param name="MaxDepth">Most folders a name may nest.</param>
    public sealed record Limits(int MaxEntries, long MaxFileBytes, long MaxTotalBytes, int MaxDepth)
    {
        /// <summary>A student's own zip: ample for the fourteen files, tight for anything else.</summary>
        public static Limits Submission { get; } = new(2_000, 4L << 20, 64L << 20, 16);

        /// <summary>A whole class's export: many submissions, each bounded again when graded.</summary>
        public static Limits Class { get; } = new(200_000, 64L << 20, 4L << 30, 24);
    }

    /// <summary>
    /// Unpacks <paramref name="zipPath"/> into <paramref name="destination"/>, which must not exist yet.
    /// Returns a line per entry it skipped and why.
    /// </summary>
    /// <exception cref="InvalidDataException">The archive is not a zip, or breaks a limit (the message says which); the folder is then removed.</exception>
    public static IReadOnlyList<string> Extract(string zipPath, string destination, Limits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        string root = Path.GetFullPath(destination);
        if (Path.Exists(root)) throw new IOException($"{root} exists already; a zip is only unpacked into a new folder.");
        Directory.CreateDirectory(root);
        try
        {
            return ExtractInto(zipPath, root, limits);
        }
        catch
        {
            Directory.Delete(root, recursive: true);
            throw;
        }
    }

    private static List<string> ExtractInto(string zipPath, string root, Limits limits)
    {
        var skipped = new List<string>();
        using var stream = new FileStream(zipPath, FileMode.Open, FileAccess.Read, FileShare.Read);
        ZipArchive archive;
        try { archive = new ZipArchive(stream, ZipArchiveMode.Read); }
        catch (InvalidDataException e) { throw new InvalidDataException($"{Path.GetFileName(zipPath)} is not a zip archive: {e.Message}", e); }
        using (archive)
        {
            if (archive.Entries.Count > limits.MaxEntries)
                throw new InvalidDataException($"{Path.GetFileName(zipPath)} has {archive.Entries.Count} entries, more than the {limits.MaxEntries} allowed.");
            long total = 0;
            foreach (var entry in archive.Entries)
            {
                string? problem = Problem(entry, limits);
                if (problem is not null)
                {
                    skipped.Add($"{Shown(entry.FullName)}: skipped, {problem}.");
                    continue;
                }
                string name = entry.FullName.Replace('\\', '/');
                if (name.EndsWith('/')) continue; // a folder: made when a file needs it
                string target = Path.GetFullPath(Path.Combine(root, name));
                if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    skipped.Add($"{Shown(entry.FullName)}: skipped, it points outside the submission.");
                    continue;
                }
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                if (Path.Exists(target))
                {
                    skipped.Add($"{Shown(entry.FullName)}: skipped, the zip holds that name twice.");
                    continue;
                }
                total += Copy(entry, target, limits, total, zipPath);
            }
        }
        return skipped;
    }

    /// <summary>Why <paramref name="entry"/> is not unpacked, or null when it may be.</summary>
    private static string? Problem(ZipArchiveEntry entry, Limits limits)
    {
        string name = entry.FullName.Replace('\\', '/');
        if (name.Length == 0 || name.Length > 1024) return "its name is empty or longer than 1024 characters";
        if (name.Contains('\0') || name.Any(char.IsControl)) return "its name holds control characters";
        if (name.StartsWith('/') || (name.Length >= 2 && name[1] == ':')) return "its path is absolute";
        var parts = name.TrimEnd('/').Split('/');
        if (parts.Any(part => part is ".." or "." or "")) return "its path holds \"..\", \".\" or an empty folder name";
        if (parts.Length > limits.MaxDepth + 1) return $"it lies more than {limits.MaxDepth} folders deep";
        // Unix mode in the high 16 bits of the external attributes (zip's "version made by" Unix):
        // file type S_IFMT = 0170000; a regular file is 0100000, a folder 0040000. 0 means "not recorded" (e.g. Windows).
        int type = (entry.ExternalAttributes >> 16) & 0xF000;
        bool folder = name.EndsWith('/');
        if (type != 0 && type != (folder ? 0x4000 : 0x8000)) return type == 0xA000 ? "it is a symbolic link" : "it is not a regular file";
        return null;
    }

    /// <summary>Inflates <paramref name="entry"/> into <paramref name="target"/>, counting the bytes; returns how many.</summary>
    private static long Copy(ZipArchiveEntry entry, string target, Limits limits, long before, string zipPath)
    {
        using var input = entry.Open();
        using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
        var buffer = new byte[81920];
        long written = 0;
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            written += read;
            if (written > limits.MaxFileBytes)
                throw new InvalidDataException($"{Shown(entry.FullName)} in {Path.GetFileName(zipPath)} unpacks to more than {limits.MaxFileBytes >> 20} MiB, the most one file may have.");
            if (before + written > limits.MaxTotalBytes)
                throw new InvalidDataException($"{Path.GetFileName(zipPath)} unpacks to more than {limits.MaxTotalBytes >> 20} MiB, the most a zip may hold.");
            output.Write(buffer, 0, read);
        }
        return written;
    }

    /// <summary>An entry's name as a message shows it: printable, at most 200 characters.</summary>
    private static string Shown(string name)
    {
        string printable = new([.. name.Select(c => char.IsControl(c) ? '?' : c)]);
        return printable.Length <= 200 ? printable : printable[..200] + "...";
    }
}
