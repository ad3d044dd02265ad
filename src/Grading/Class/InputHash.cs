using System.Security.Cryptography;
using System.Text;
using Rl.Grading.Judge;

namespace Rl.Grading.Class;

/// <summary>
/// What a grading depends on, hashed, so that a batch regrading can skip a submission whose
/// results.json was stamped with the same: SHA-256 over the submission's regular files (their
/// relative paths and contents, in ordinal order of path; a .zip's own bytes), and the judge's
/// version (the module version ids of the judge, the worker, the graded tests and the reference library: a
/// rebuilt judge with other code regrades everything).
/// </summary>
public static class InputHash
{
    /// <summary>The judge's version.</summary>
    public static string Judge { get; } = string.Join("+", new[] { typeof(Grader), typeof(Rl.Grading.Worker.ISubmission), typeof(PpoGae.Tests.Submission), typeof(Rl.Advantages.Gae) }
        .Select(type => type.Assembly.ManifestModule.ModuleVersionId.ToString("N")));

    /// <summary>The hash of the submission at <paramref name="path"/> (a folder or a .zip), lowercase hex.</summary>
    public static string Of(string path)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (File.Exists(path))
        {
            Add(hash, "zip", path);
        }
        else
        {
            var options = new EnumerationOptions
            {
                RecurseSubdirectories = true,
                AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Device,
                IgnoreInaccessible = true,
                MaxRecursionDepth = 16,
            };
            var files = Directory.EnumerateFiles(path, "*", options)
                .Where(RegularFile.Is)
                .Select(file => (Relative: Path.GetRelativePath(path, file).Replace('\\', '/'), Full: file))
                .OrderBy(file => file.Relative, StringComparer.Ordinal);
            foreach (var (relative, full) in files) Add(hash, relative, full);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Add(IncrementalHash hash, string name, string file)
    {
        byte[] header = Encoding.UTF8.GetBytes(name);
        hash.AppendData(BitConverter.GetBytes(header.Length));
        hash.AppendData(header);
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read);
        hash.AppendData(BitConverter.GetBytes(stream.Length));
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer)) > 0) hash.AppendData(buffer, 0, read);
    }
}
