using System.IO.Compression;
using Rl.Grading.Class;
using Rl.Grading.Judge;
using Rl.Grading.Tests.Samples;

namespace Rl.Grading.Tests.Class;

/// <summary>
/// A class of two in Gradescope's export layout, graded by the real judge: the reference as a folder
/// and a classic bug as a zip. Each gets its sample's score, the report counts the bug's hint, and a
/// second run grades nothing.
/// </summary>
[Collection(GradingCollection.Name)]
public sealed class ClassGradingEndToEndTests : IDisposable
{
    private readonly DirectoryInfo _temporary = Directory.CreateTempSubdirectory("rl-class-e2e-");

    [SkippableFact]
    public void AGradescopeExport_IsGraded_Summarised_AndNotGradedTwice()
    {
        SandboxRequired.Here();
        string root = RepositoryRoot.Find();
        string export = Directory.CreateDirectory(Path.Combine(_temporary.FullName, "export")).FullName;
        var reference = Sample.Load(Sample.Root(root), "reference");
        var bug = Sample.Load(Sample.Root(root), "no-termination-mask");
        SampleSubmission.Write(reference, root, Directory.CreateDirectory(Path.Combine(export, "submission_1001")).FullName);
        string unzipped = Directory.CreateDirectory(Path.Combine(_temporary.FullName, "bug")).FullName;
        SampleSubmission.Write(bug, root, unzipped);
        ZipFile.CreateFromDirectory(unzipped, Path.Combine(export, "submission_1002.zip"));
        File.WriteAllText(Path.Combine(export, GradescopeExport.MetadataFile), ClassSubmissionTests.Metadata);
        string output = Path.Combine(_temporary.FullName, "out");
        int gradings = 0;
        GradingReport Grade(string folder, string results)
        {
            gradings++;
            return Grader.Grade(new GradingOptions(folder, results) { RepositoryRoot = root });
        }

        var results = ClassGrading.Run(ClassSubmission.Find(export), output, 1, Grade);

        Assert.Equal(2, gradings);
        Assert.Equal((reference.Expected.Score, reference.Expected.ExtraCredit), (results[0].Report!.Score, results[0].Report!.ExtraCredit));
        Assert.Equal((bug.Expected.Score, bug.Expected.ExtraCredit), (results[1].Report!.Score, results[1].Report!.ExtraCredit));
        Assert.Equal(bug.Expected.Failing.Order(), results[1].Report!.Tests.Where(t => !t.Passed).Select(t => t.Number).Order());
        Assert.Equal(105, GradescopeResults.Check(results[0].ResultsPath, 4096));
        var csv = ClassSummary.Csv(results).Split("\r\n");
        Assert.StartsWith("Ada Lovelace,1815,ada@example.edu,submission_1001,graded,100,5,105,", csv[1]);
        Assert.StartsWith($"Grace Hopper,1906,grace@example.edu,submission_1002,graded,{bug.Expected.Score},5,{bug.Expected.Score + 5},", csv[3]);
        var hint = Assert.Single(ClassReport.Hints(results), h => bug.Expected.Hint!.Contains(h.Mistake, StringComparison.Ordinal) || h.Mistake.Contains(bug.Expected.Hint!["Likely mistake: ".Length..], StringComparison.Ordinal));
        Assert.Equal(1, hint.Submissions);

        var again = ClassGrading.Run(ClassSubmission.Find(export), output, 1, Grade);
        Assert.Equal(2, gradings);
        Assert.All(again, r => Assert.Equal(ClassOutcome.UpToDate, r.Outcome));
        Assert.Equal(results.Select(r => r.Report!.Score + r.Report.ExtraCredit), again.Select(r => r.Report!.Score + r.Report.ExtraCredit));
    }

    public void Dispose() => _temporary.Delete(recursive: true);
}
