using System.IO.Compression;
using System.Text;
using Rl.Grading.Class;

namespace Rl.Grading.Tests.Class;

/// <summary>A student's zip, unpacked without trusting it: nothing outside the folder, no links, bounded.</summary>
public sealed class SubmissionArchiveTests : IDisposable
{
    private readonly DirectoryInfo _temporary = Directory.CreateTempSubdirectory("rl-archive-");

    /// <summary>Unix mode bits in a zip entry's external attributes: S_IFREG / S_IFLNK with 0644 / 0777.</summary>
    private const int RegularMode = (0x8000 | 0b110_100_100) << 16, LinkMode = unchecked((0xA000 | 0b111_111_111) << 16);

    private string Zip(params (string Name, string Text, int Mode)[] entries)
    {
        string path = Path.Combine(_temporary.FullName, $"{Guid.NewGuid():N}.zip");
        using var zip = new ZipArchive(File.Create(path), ZipArchiveMode.Create);
        foreach (var (name, text, mode) in entries)
        {
            var entry = zip.CreateEntry(name);
            entry.ExternalAttributes = mode;
            using var stream = entry.Open();
            stream.Write(Encoding.UTF8.GetBytes(text));
        }
        return path;
    }

    private string Target() => Path.Combine(_temporary.FullName, "out-" + Guid.NewGuid().ToString("N"));

    private static string[] Files(string folder) =>
        [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    [Fact]
    public void RegularFiles_AreUnpackedWithTheirFolders()
    {
        string target = Target();
        var skipped = SubmissionArchive.Extract(Zip(("src/Rl/Advantages/Gae.cs", "class Gae {}", RegularMode), ("notes/", "", 0), ("README.md", "hi", 0)), target, SubmissionArchive.Limits.Submission);
        Assert.Empty(skipped);
        Assert.Equal(["README.md", "src/Rl/Advantages/Gae.cs"], Files(target));
        Assert.Equal("class Gae {}", File.ReadAllText(Path.Combine(target, "src/Rl/Advantages/Gae.cs")));
    }

    [Theory]
    [InlineData("../escaped.cs")]
    [InlineData("src/../../escaped.cs")]
    [InlineData("/tmp/absolute.cs")]
    [InlineData("..\\escaped.cs")]
    [InlineData("C:/escaped.cs")]
    [InlineData("./here.cs")]
    public void PathsLeavingTheFolder_AreSkipped_AndNothingIsWrittenOutside(string name)
    {
        string target = Target();
        var skipped = SubmissionArchive.Extract(Zip((name, "x", RegularMode), ("ok.cs", "y", RegularMode)), target, SubmissionArchive.Limits.Submission);
        Assert.Single(skipped);
        Assert.Contains("skipped", skipped[0]);
        Assert.Equal(["ok.cs"], Files(target));
        Assert.False(File.Exists(Path.Combine(_temporary.FullName, "escaped.cs")));
        Assert.False(File.Exists("/tmp/absolute.cs"));
    }

    [Fact]
    public void SymbolicLinks_AreSkipped()
    {
        string target = Target();
        var skipped = SubmissionArchive.Extract(Zip(("Gae.cs", "/etc/passwd", LinkMode)), target, SubmissionArchive.Limits.Submission);
        Assert.Equal(["Gae.cs: skipped, it is a symbolic link."], skipped);
        Assert.Empty(Files(target));
    }

    [Fact]
    public void ANameTwice_KeepsTheFirst()
    {
        string target = Target();
        var skipped = SubmissionArchive.Extract(Zip(("Gae.cs", "first", RegularMode), ("Gae.cs", "second", RegularMode)), target, SubmissionArchive.Limits.Submission);
        Assert.Single(skipped);
        Assert.Equal("first", File.ReadAllText(Path.Combine(target, "Gae.cs")));
    }

    [Fact]
    public void AZipBomb_IsStoppedByTheBytesInflated_AndTheFolderRemoved()
    {
        string target = Target();
        var limits = new SubmissionArchive.Limits(10, 1 << 20, 1 << 20, 4);
        string zip = Zip(("zeros.cs", new string('0', 3 << 20), RegularMode));
        Assert.True(new FileInfo(zip).Length < 100_000, "the test's zip should compress");
        var e = Assert.Throws<InvalidDataException>(() => SubmissionArchive.Extract(zip, target, limits));
        Assert.Contains("more than 1 MiB", e.Message);
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public void TooManyEntries_OrTooDeep_AreRefusedOrSkipped()
    {
        var limits = new SubmissionArchive.Limits(3, 1 << 20, 1 << 20, 2);
        var e = Assert.Throws<InvalidDataException>(() => SubmissionArchive.Extract(Zip(("a", "", 0), ("b", "", 0), ("c", "", 0), ("d", "", 0)), Target(), limits));
        Assert.Contains("4 entries, more than the 3 allowed", e.Message);
        var skipped = SubmissionArchive.Extract(Zip(("a/b/c/d.cs", "", 0)), Target(), limits);
        Assert.Contains("more than 2 folders deep", Assert.Single(skipped));
    }

    [Fact]
    public void NotAZip_IsAClearError()
    {
        string path = Path.Combine(_temporary.FullName, "fake.zip");
        File.WriteAllText(path, "not a zip");
        var e = Assert.Throws<InvalidDataException>(() => SubmissionArchive.Extract(path, Target(), SubmissionArchive.Limits.Submission));
        Assert.Contains("fake.zip is not a zip archive", e.Message);
    }

    [Fact]
    public void SubmissionInput_OpensAZip_FindsTheAllowedFiles_AndRemovesItsCopy()
    {
        string zip = Zip(("handin/Gae.cs", "x", RegularMode), ("handin/Other.cs", "y", RegularMode));
        string folder;
        using (var input = SubmissionInput.Open(zip))
        {
            folder = input.Folder;
            Assert.Equal(["src/Rl/Advantages/Gae.cs"], input.AllowedFound(["src/Rl/Advantages/BatchedGae.cs", "src/Rl/Advantages/Gae.cs"]));
        }
        Assert.False(Directory.Exists(folder));
        string uploads = Directory.CreateDirectory(Path.Combine(_temporary.FullName, "uploads")).FullName;
        File.Move(zip, Path.Combine(uploads, "handin.zip"));
        using (var zipped = SubmissionInput.Open(uploads))
            Assert.Equal("x", File.ReadAllText(Path.Combine(zipped.Folder, "handin", "Gae.cs")));
        using var plain = SubmissionInput.Open(_temporary.FullName);
        Assert.Equal(_temporary.FullName, plain.Folder);
        Assert.Throws<FileNotFoundException>(() => SubmissionInput.Open(Path.Combine(_temporary.FullName, "missing")));
    }

    public void Dispose() => _temporary.Delete(recursive: true);
}
