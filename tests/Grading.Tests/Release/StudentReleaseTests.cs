using System.Text.RegularExpressions;
using System.Xml.Linq;
using Rl.Grading.Release;
using TestSupport;
using Xunit.Abstractions;

namespace Rl.Grading.Tests.Release;

[Collection(Samples.GradingCollection.Name)]
public sealed partial class StudentReleaseTests(StudentReleaseFixture release, ITestOutputHelper output) : IClassFixture<StudentReleaseFixture>
{
    private const string TestsFolder = "assignments/ppo-gae/tests";

    [Fact]
    public void Release_Builds()
    {
        output.WriteLine($"release written in {release.WriteTime.TotalSeconds:F2} s, built in {release.BuildTime.TotalSeconds:F1} s");
        Assert.True(release.Build.ExitCode == 0, $"dotnet build PpoGae.sln failed:\n{release.Build.Output}\n{release.Build.Error}");
        Assert.True(File.Exists(Path.Combine(release.Folder, "artifacts/bin/Rl/debug/Rl.dll")), "the notebooks' #r \"../artifacts/bin/Rl/debug/Rl.dll\" has nothing to load");
        Assert.True(File.Exists(Path.Combine(release.Folder, "artifacts/bin/Rl.Plots/debug/Rl.Plots.dll")), "the notebooks' #r \"../artifacts/bin/Rl.Plots/debug/Rl.Plots.dll\" has nothing to load");
    }

    [Fact]
    public void Release_HoldsTheNotebooksTheLibraryAndTheTestProject()
    {
        foreach (string file in new[] { "PpoGae.sln", "README.md", ".gitignore", "src/Rl/Rl.csproj", "src/Grading.Worker/Grading.Worker.csproj", "src/Plots/Plotly/Rl.Plots.Plotly.csproj", "notebooks/04-gae.ipynb", "notebooks/package-lock.json", $"{TestsFolder}/PpoGae.Tests.csproj", $"{TestsFolder}/Support/Submission.cs" })
            Assert.Contains(file, release.Files);
        Assert.DoesNotContain(release.Files, file => SourceTree.IsSkipped(file));
        string props = File.ReadAllText(Path.Combine(release.Folder, "Directory.Build.props"));
        Assert.Contains("<TreatWarningsAsErrors>false</TreatWarningsAsErrors>", props);
        string readme = File.ReadAllText(Path.Combine(release.Folder, "README.md"));
        foreach (string file in AssignmentFiles.Allowed(release.RepositoryRoot)) Assert.Contains($"`{file}`", readme);
    }

    [Fact]
    public void Release_HoldsAPageForEveryNotebook_MadeFromTheReleasedNotebook()
    {
        var notebooks = Directory.GetFiles(Path.Combine(release.RepositoryRoot, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal).ToList();
        Assert.True(notebooks.Count >= 7, $"only {notebooks.Count} notebooks in notebooks/");
        Assert.Equal(notebooks, release.PageCalls.Select(call => call.Path));
        foreach (var (path, json) in release.PageCalls)
        {
            string name = Path.GetFileNameWithoutExtension(path);
            Assert.Equal(File.ReadAllText(Path.Combine(release.Folder, "notebooks", name + ".ipynb")), json);
            Assert.Contains($"{StudentRelease.PagesFolder}/{name}.html", release.Files);
            Assert.Equal(StudentReleaseFixture.PageText(path, json), File.ReadAllText(Path.Combine(release.Folder, StudentRelease.PagesFolder, name + ".html")));
        }
        Assert.Equal(notebooks.Count, release.Files.Count(file => file.StartsWith(StudentRelease.PagesFolder + "/", StringComparison.Ordinal)));
    }

    [Fact]
    public void ReleaseReadmes_PointToThePages_AndNotToTheCommandLine()
    {
        string readme = File.ReadAllText(Path.Combine(release.Folder, "README.md"));
        string notebooks = File.ReadAllText(Path.Combine(release.Folder, "notebooks/README.md"));
        Assert.Contains($"`{StudentRelease.PagesFolder}/`", readme);
        Assert.Contains("](html/)", notebooks);
        Assert.DoesNotContain("src/Cli", notebooks);
        Assert.DoesNotContain(KitOnlySections.Begin, notebooks);
        Assert.Contains("src/Cli", File.ReadAllText(Path.Combine(release.RepositoryRoot, "notebooks/README.md")));
    }

    /// <summary>A path a released Markdown file names (in backticks or as a link) is in the release, unless the build makes it (artifacts/) or it is elided (src/Rl/...).</summary>
    [Fact]
    public void ReleaseMarkdown_NamesOnlyPathsTheReleaseHolds()
    {
        var missing = new List<string>();
        foreach (string file in release.Files.Where(file => file.EndsWith(".md", StringComparison.Ordinal)))
        {
            string folder = Path.GetDirectoryName(file)!.Replace('\\', '/');
            foreach (Match match in NamedPath().Matches(File.ReadAllText(Path.Combine(release.Folder, file))))
            {
                string named = match.Groups["code"].Success ? match.Groups["code"].Value : Path.Combine(folder, match.Groups["link"].Value).Replace('\\', '/');
                string path = Path.GetFullPath(Path.Combine(release.Folder, named.TrimEnd('/')));
                if (named.Contains("...", StringComparison.Ordinal)) continue;
                bool built = Path.GetRelativePath(release.Folder, path).StartsWith("artifacts", StringComparison.Ordinal);
                if (!built && !File.Exists(path) && !Directory.Exists(path)) missing.Add($"{file} names {match.Value}, which the release lacks");
            }
        }
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void Release_StubsEveryAllowedFile()
    {
        foreach (string file in AssignmentFiles.Allowed(release.RepositoryRoot))
        {
            string reference = File.ReadAllText(Path.Combine(release.RepositoryRoot, file));
            int hints = SolutionRegions.Find(reference, file).Count(region => region.Hint is not null);
            string stubbed = File.ReadAllText(Path.Combine(release.Folder, file));
            Assert.Equal(hints, Regex.Matches(stubbed, @"throw new NotImplementedException\(""").Count);
        }
    }

    [Fact]
    public void Release_HoldsNoSolutionText()
    {
        var texts = release.Files.ToDictionary(file => file, file => File.ReadAllText(Path.Combine(release.Folder, file)));
        foreach (var (file, text) in texts)
        {
            Assert.DoesNotContain("BEGIN SOLUTION", text);
            Assert.DoesNotContain("END SOLUTION", text);
        }
        var solutionLines = SolutionText.Lines(release.RepositoryRoot);
        Assert.True(solutionLines.Count > 50, $"only {solutionLines.Count} solution lines to look for");
        var leaks = (from solution in solutionLines
                     from release in texts
                     where release.Value.Contains(solution.Line, StringComparison.Ordinal)
                     select $"{release.Key} holds \"{solution.Line}\", a line of the solution in {solution.File}").ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }

    [Fact]
    public void Release_HoldsNoHiddenTest()
    {
        Assert.DoesNotContain(release.Files, file => file.Split('/').Contains("Hidden"));
        string hidden = Path.Combine(release.RepositoryRoot, TestsFolder, "Hidden");
        var names = Directory.Exists(hidden)
            ? Directory.GetFiles(hidden, "*.cs", SearchOption.AllDirectories).SelectMany(file => TestMethod().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value)).ToList()
            : [];
        foreach (string file in release.Files)
        {
            string text = File.ReadAllText(Path.Combine(release.Folder, file));
            foreach (string name in names) Assert.False(text.Contains(name, StringComparison.Ordinal), $"{file} names the hidden test {name}");
        }
    }

    [Fact]
    public void PublicTests_FailOnlyWithNotImplementedException()
    {
        Assert.Equal(0, release.Build.ExitCode);
        string results = Path.Combine(release.Folder, "TestResults");
        var run = ChildProcess.Run("dotnet", ["test", Path.Combine(release.Folder, TestsFolder), "--no-build", "--logger", "trx;LogFileName=public.trx", "--results-directory", results], TimeSpan.FromMinutes(5));
        var outcomes = XDocument.Load(Path.Combine(results, "public.trx")).Descendants().Where(e => e.Name.LocalName == "UnitTestResult")
            .Select(e => (Name: e.Attribute("testName")!.Value, Outcome: e.Attribute("outcome")!.Value,
                          Message: e.Descendants().FirstOrDefault(m => m.Name.LocalName == "Message")?.Value ?? "")).ToList();
        output.WriteLine($"{outcomes.Count} public tests: {outcomes.Count(o => o.Outcome == "Passed")} passed, {outcomes.Count(o => o.Outcome == "Failed")} failed (exit code {run.ExitCode})");

        string publicFolder = Path.Combine(release.RepositoryRoot, TestsFolder, "Public");
        int graded = Directory.Exists(publicFolder)
            ? Directory.GetFiles(publicFolder, "*.cs", SearchOption.AllDirectories).Sum(file => Regex.Matches(File.ReadAllText(file), @"\[Graded\(").Count)
            : 0;
        Assert.True(outcomes.Count >= graded, $"{outcomes.Count} tests ran, but Public/ has {graded} graded tests");
        if (Directory.Exists(publicFolder)) Assert.NotEmpty(outcomes);
        foreach (var (name, outcome, message) in outcomes.Where(o => o.Outcome != "Passed"))
            Assert.True(message.Contains("NotImplementedException"), $"{name} ({outcome}) failed with something else than NotImplementedException: {message}");
    }

    /// <summary>`src/...`, `notebooks/...`, `assignments/...`, `tests/...` in backticks, or a relative Markdown link target.</summary>
    [GeneratedRegex(@"`(?<code>(?:src|notebooks|assignments|tests)/[^`\s]*)`|\]\((?<link>(?!https?:|#)[^)\s#]+)\)")]
    private static partial Regex NamedPath();

    [GeneratedRegex(@"public\s+(?:async\s+Task|void)\s+(\w+)\s*\(")]
    private static partial Regex TestMethod();
}
