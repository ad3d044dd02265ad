using Rl.Grading.Judge;
using Rl.Grading.Tests.Samples;

namespace Rl.Grading.Tests.Judge;

public sealed class SubmissionFilesTests : IDisposable
{
    private readonly DirectoryInfo _temporary = Directory.CreateTempSubdirectory("rl-submission-files-");
    private string Submission => Path.Combine(_temporary.FullName, "submission");
    private string Build => Path.Combine(_temporary.FullName, "build");
    private static readonly string[] Allowed = ["src/Rl/Advantages/Gae.cs", "src/Rl/Ppo/ValueLoss.cs"];

    public SubmissionFilesTests()
    {
        foreach (var path in Allowed) Write(Build, path, "stub");
    }

    private static void Write(string root, string path, string text)
    {
        string full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private string Built(string path) => File.ReadAllText(Path.Combine(Build, path));

    [Fact]
    public void AFlatUpload_IsMatchedByFileName_AndAMissingFileKeepsTheStub()
    {
        Write(Submission, "Gae.cs", "mine");
        Write(Submission, "Notes.cs", "ignored");
        var report = SubmissionFiles.Copy(Submission, Allowed, Build);
        Assert.Equal("mine", Built(Allowed[0]));
        Assert.Equal("stub", Built(Allowed[1]));
        Assert.Contains("taken from Gae.cs", report[0]);
        Assert.Contains("not submitted", report[1]);
        Assert.False(File.Exists(Path.Combine(Build, "Notes.cs")));
    }

    [Fact]
    public void TheExactPath_WinsOverOtherFilesOfTheSameName()
    {
        Write(Submission, "old/Gae.cs", "old");
        Write(Submission, "src/Rl/Advantages/Gae.cs", "exact");
        SubmissionFiles.Copy(Submission, Allowed, Build);
        Assert.Equal("exact", Built(Allowed[0]));
    }

    [Fact]
    public void TwoFilesOfTheSameNameElsewhere_AreReported_AndTheStubKept()
    {
        Write(Submission, "a/Gae.cs", "a");
        Write(Submission, "b/Gae.cs", "b");
        var report = SubmissionFiles.Copy(Submission, Allowed, Build);
        Assert.Equal("stub", Built(Allowed[0]));
        Assert.Contains("2 files are called Gae.cs", report[0]);
    }

    [Fact]
    public void ASymbolicLink_IsNeverFollowed()
    {
        Directory.CreateDirectory(Submission);
        string secret = Path.Combine(_temporary.FullName, "secret.txt");
        File.WriteAllText(secret, "the judge's file");
        File.CreateSymbolicLink(Path.Combine(Submission, "Gae.cs"), secret);
        Directory.CreateSymbolicLink(Path.Combine(Submission, "linked"), Path.GetDirectoryName(secret)!);
        SubmissionFiles.Copy(Submission, Allowed, Build);
        Assert.Equal("stub", Built(Allowed[0]));
    }

    [Fact]
    public void AnOversizedFile_IsRefused()
    {
        Write(Submission, "ValueLoss.cs", new string('x', SubmissionFiles.MaxBytes + 1));
        var report = SubmissionFiles.Copy(Submission, Allowed, Build);
        Assert.Equal("stub", Built(Allowed[1]));
        Assert.Contains($"more than the {SubmissionFiles.MaxBytes} allowed", report[1]);
    }

    [Fact]
    public void ANamedPipeOrASocket_IsRefusedWithANote_WithoutOpeningIt()
    {
        Directory.CreateDirectory(Path.Combine(Submission, "src/Rl/Advantages"));
        SpecialFileMaker.Fifo(Path.Combine(Submission, Allowed[0]));
        SpecialFileMaker.Socket(Path.Combine(Submission, "ValueLoss.cs"));
        Assert.Equal(FileKind.Fifo, FileKinds.Of(Path.Combine(Submission, Allowed[0])).Kind);
        var report = SubmissionFiles.Copy(Submission, Allowed, Build);
        Assert.Equal("stub", Built(Allowed[0]));
        Assert.Contains("src/Rl/Advantages/Gae.cs is a named pipe, not a regular file", report[0]);
        Assert.Contains("ValueLoss.cs is a device or socket, not a regular file", report[1]);
    }

    [Fact]
    public void TheFilesInsideOneTopLevelFolder_AreFound_AndAManyFileTreeHidesNothing()
    {
        for (int i = 0; i < 2_000; i++) Write(Submission, $"aaa/{i % 20}/{i}-Gae.cs", "decoy");
        Write(Submission, "my-repo/src/Rl/Advantages/Gae.cs", "mine");
        Write(Submission, "my-repo/ValueLoss.cs", "also mine");
        var report = SubmissionFiles.Copy(Submission, Allowed, Build);
        Assert.Equal("mine", Built(Allowed[0]));
        Assert.Equal("also mine", Built(Allowed[1]));
        Assert.Contains("taken from my-repo/src/Rl/Advantages/Gae.cs", report[0]);
        Assert.Equal("Every other file in the submission is ignored.", report[^1]);
    }

    [Fact]
    public void FileKinds_TellRegularFilesFoldersLinksAndMissingPaths()
    {
        Write(Submission, "file.cs", "x");
        File.CreateSymbolicLink(Path.Combine(Submission, "link.cs"), Path.Combine(Submission, "file.cs"));
        Assert.Equal((FileKind.Regular, 1L), FileKinds.Of(Path.Combine(Submission, "file.cs")));
        Assert.Equal(FileKind.SymbolicLink, FileKinds.Of(Path.Combine(Submission, "link.cs")).Kind);
        Assert.Equal(FileKind.Directory, FileKinds.Of(Submission).Kind);
        Assert.Equal(FileKind.Missing, FileKinds.Of(Path.Combine(Submission, "none.cs")).Kind);
        Assert.Equal(FileKind.Special, FileKinds.Of("/dev/null").Kind);
    }

    public void Dispose() => _temporary.Delete(recursive: true);
}
