using Rl.Grading.Class;

namespace Rl.Grading.Tests.Class;

/// <summary>Finding a class's submissions: plain folders and zips, or Gradescope's export with its metadata.</summary>
public sealed class ClassSubmissionTests : IDisposable
{
    private readonly DirectoryInfo _temporary = Directory.CreateTempSubdirectory("rl-class-");

    /// <summary>As Gradescope's export writes it (Ruby's YAML: symbol keys, quoted ids, escapes in double quotes).</summary>
    public const string Metadata = """
        submission_1001:
          :submitters:
          - :name: Ada Lovelace
            :sid: '1815'
            :email: ada@example.edu
          :created_at: 2026-12-01 10:00:00.000000000 -08:00
          :score: 100.0
        submission_1002:
          :submitters:
          - :name: "Jos\xE9 Garc\xEDa"
            :sid: '2001'
            :email: jose@example.edu
          - :name: Grace Hopper
            :sid: '1906'
            :email: grace@example.edu
          :history: []
        """;

    [Fact]
    public void GradescopesExport_NamesEachSubmissionsSubmitters_EvenOneFolderDown()
    {
        string export = Directory.CreateDirectory(Path.Combine(_temporary.FullName, "assignment_77_export")).FullName;
        File.WriteAllText(Path.Combine(export, GradescopeExport.MetadataFile), Metadata);
        Directory.CreateDirectory(Path.Combine(export, "submission_1001"));
        File.WriteAllText(Path.Combine(export, "submission_1002.zip"), "");
        Directory.CreateDirectory(Path.Combine(export, "submission_1003"));
        Directory.CreateDirectory(Path.Combine(export, "__MACOSX"));
        Directory.CreateDirectory(Path.Combine(export, ".git"));

        var found = ClassSubmission.Find(_temporary.FullName);

        Assert.Equal(["submission_1001", "submission_1002", "submission_1003"], found.Select(s => s.Id));
        Assert.Equal([new Submitter("Ada Lovelace", "1815", "ada@example.edu")], found[0].Submitters);
        Assert.Equal(["José García", "Grace Hopper"], found[1].Submitters.Select(s => s.Name));
        Assert.Equal("José García & Grace Hopper", found[1].Student);
        Assert.EndsWith("submission_1002.zip", found[1].Path);
        Assert.Empty(found[2].Submitters);
        Assert.Equal("submission_1003", found[2].Student);
    }

    [Fact]
    public void APlainFolder_HasAFolderOrZipPerSubmission()
    {
        Directory.CreateDirectory(Path.Combine(_temporary.FullName, "bob"));
        File.WriteAllText(Path.Combine(_temporary.FullName, "alice.zip"), "");
        File.WriteAllText(Path.Combine(_temporary.FullName, "notes.txt"), "");
        Assert.Equal(["alice", "bob"], ClassSubmission.Find(_temporary.FullName).Select(s => s.Id));
        Directory.CreateDirectory(Path.Combine(_temporary.FullName, "alice"));
        Assert.Contains("two submissions named alice", Assert.Throws<InvalidDataException>(() => ClassSubmission.Find(_temporary.FullName)).Message);
    }

    [Fact]
    public void BrokenMetadata_IsAClearError()
    {
        File.WriteAllText(Path.Combine(_temporary.FullName, GradescopeExport.MetadataFile), "submission_1: [unclosed");
        var e = Assert.Throws<InvalidDataException>(() => ClassSubmission.Find(_temporary.FullName));
        Assert.Contains("not valid YAML", e.Message);
    }

    public void Dispose() => _temporary.Delete(recursive: true);
}
