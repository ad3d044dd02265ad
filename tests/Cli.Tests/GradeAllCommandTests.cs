using System.IO.Compression;
using System.Text.Json;

namespace Cli.Tests;

/// <summary>
/// `grade` and `grade-all` on a zip that holds none of the assignment's files, as a TA meets it: the
/// warning, the results where --out says, the class summary and report, and a second run that grades
/// nothing; and grade-all's bad options.
/// </summary>
public sealed class GradeAllCommandTests : IDisposable
{
    private readonly DirectoryInfo _temporary = Directory.CreateTempSubdirectory("rl-cli-grade-all-");

    private string ZipWithoutTheAssignmentsFiles(string folder, string name)
    {
        string path = Path.Combine(Directory.CreateDirectory(folder).FullName, name);
        using var zip = new ZipArchive(File.Create(path), ZipArchiveMode.Create);
        using var writer = new StreamWriter(zip.CreateEntry("handin/README.md").Open());
        writer.Write("I forgot my code.");
        return path;
    }

    [Fact]
    public void Grade_AZipWithoutTheAssignmentsFiles_Warns_AndWritesResultsWhereOutSays()
    {
        string zip = ZipWithoutTheAssignmentsFiles(Path.Combine(_temporary.FullName, "in"), "alice.zip");
        string results = Path.Combine(_temporary.FullName, "graded", "alice.json");
        var (exitCode, output, error) = CliProcess.Run("grade", "--submission", zip, "--out", results);
        Assert.True(exitCode == 0, error);
        Assert.Contains("warning: --submission:", error);
        Assert.Contains("holds none of the assignment's files (BatchedGae.cs,", error);
        Assert.Contains("Score: 0 / 100, extra credit 0 / 5, total 0.", output);
        using var json = JsonDocument.Parse(File.ReadAllText(results));
        Assert.Equal(0, json.RootElement.GetProperty("score").GetDouble());
        Assert.Equal("md", json.RootElement.GetProperty("output_format").GetString());
    }

    [Fact]
    public void GradeAll_GradesTheClass_WritesTheSummaryAndReport_AndSkipsItTheSecondTime()
    {
        string submissions = Path.Combine(_temporary.FullName, "class");
        ZipWithoutTheAssignmentsFiles(submissions, "bob.zip");
        string output = Path.Combine(_temporary.FullName, "out");

        var first = CliProcess.Run("grade-all", "--submissions", submissions, "--out", output, "--jobs", "1");
        Assert.True(first.ExitCode == 0, first.Error + first.Output);
        Assert.Contains("graded 1, up to date 0, failed 0", first.Output);
        string summary = Path.Combine(output, "summary.csv");
        Assert.Equal([0xEF, 0xBB, 0xBF], File.ReadAllBytes(summary)[..3]); // UTF-8's BOM, for spreadsheets
        var csv = File.ReadAllLines(summary);
        Assert.StartsWith("student,sid,email,submission,status,score,extra_credit,total,1.1,", csv[0]);
        Assert.StartsWith("bob,,,bob,graded,0,0,0,0,", csv[1]);
        Assert.Contains("Plotly.newPlot", File.ReadAllText(Path.Combine(output, "report.html")));
        Assert.True(File.Exists(Path.Combine(output, "bob", "results.json")));

        var second = CliProcess.Run("grade-all", "--submissions", submissions, "--out", output);
        Assert.True(second.ExitCode == 0, second.Error + second.Output);
        Assert.Contains("graded 0, up to date 1, failed 0", second.Output);
    }

    [Fact]
    public void BadOptions_ExitWith2_NamingTheOptionAndTheRule()
    {
        string submissions = Directory.CreateDirectory(Path.Combine(_temporary.FullName, "empty")).FullName;
        string output = Path.Combine(_temporary.FullName, "out");
        string export = Path.Combine(_temporary.FullName, "export.zip"); // Gradescope's export as downloaded, of nobody
        using (var zip = new ZipArchive(File.Create(export), ZipArchiveMode.Create))
        using (var writer = new StreamWriter(zip.CreateEntry("assignment_1_export/submission_metadata.yml").Open()))
            writer.Write("{}\n");
        foreach (var (arguments, named, rule) in new (string[], string, string)[]
                 {
                     (["--submissions", "/nowhere/at/all", "--out", output], "--submissions", "no folder or .zip file at /nowhere/at/all"),
                     (["--submissions", submissions, "--out", output], "--submissions", "holds no submission"),
                     (["--submissions", export, "--out", output], "--submissions", "holds no submission"),
                     (["--submissions", submissions, "--out", Path.Combine(submissions, "out")], "--out", "must not lie inside --submissions"),
                     (["--submissions", submissions, "--out", output, "--jobs", "0"], "--jobs", "must be in [1, 64]"),
                     (["--submissions", submissions, "--out", output, "--minutes", "0"], "--minutes", "must be in (0, 120]"),
                 })
        {
            var (exitCode, _, error) = CliProcess.Run(["grade-all", .. arguments]);
            Assert.Equal(2, exitCode);
            Assert.Contains(named, error);
            Assert.Contains(rule, error);
        }
        Assert.False(Directory.Exists(output));
    }

    public void Dispose() => _temporary.Delete(recursive: true);
}
