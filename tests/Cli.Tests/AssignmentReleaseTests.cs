using System.Net;
using System.Text.RegularExpressions;
using Rl.Grading.Release;
using TestSupport;

namespace Cli.Tests;

/// <summary>
/// `assignment release` end to end: the student release carries every notebook of notebooks/ as an HTML
/// page executed with the reference library (outputs and charts, no error), and no page shows the
/// solution's code.
/// </summary>
public sealed class AssignmentReleaseTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("assignment-release-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [SkippableFact]
    public void Release_ShipsEveryNotebookAsAPageExecutedWithTheReference_ShowingNoSolution()
    {
        OuterLoop.Required("it executes all eight notebooks again for the pages, about 40 s; Notebooks.Tests executes and exports them, Grading.Tests checks the release's sources");
        var (exitCode, output, error) = CliProcess.Run(TimeSpan.FromMinutes(10), "assignment", "release", "--out", folder);
        Assert.True(exitCode == 0, $"exit code {exitCode}:\n{output}\n{error}");

        string root = CliProcess.RepositoryRoot();
        var notebooks = Directory.GetFiles(Path.Combine(root, "notebooks"), "*.ipynb").Select(path => Path.GetFileNameWithoutExtension(path)).Order(StringComparer.Ordinal).ToList();
        string pages = Path.Combine(folder, "student", StudentRelease.PagesFolder);
        Assert.Equal(notebooks.Select(name => name + ".html"), Directory.GetFiles(pages).Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal));

        var solution = SolutionText.Lines(root);
        foreach (string name in notebooks)
        {
            string page = File.ReadAllText(Path.Combine(pages, name + ".html"));
            Assert.DoesNotContain("class=\"output error\"", page);
            Assert.True(Regex.Count(page, "class=\"prompt\">In \\[\\d+\\]") > 0, $"{name}.html shows no executed cell");
            // One Plotly.newPlot( is plotly.js's own, included once when a chart is drawn; each chart adds one.
            Assert.True(Regex.Count(page, @"Plotly\.newPlot\(") > 1, $"{name}.html draws no chart");
            string text = WebUtility.HtmlDecode(page);
            var leaks = solution.Where(entry => text.Contains(entry.Line, StringComparison.Ordinal)).Select(entry => $"{name}.html shows \"{entry.Line}\" of {entry.File}").ToList();
            Assert.True(leaks.Count == 0, string.Join("\n", leaks));
            Assert.Contains($"{name}.ipynb executed with the reference", output);
        }
    }
}
