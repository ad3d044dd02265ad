using System.Text;

namespace Rl.Grading.Release;

/// <summary>
/// The student release of the NPG and PPO assignment, generated from the reference repository: the
/// library with every solution region stubbed (<see cref="SolutionRegions"/>), what the notebooks and
/// the public tests need to build and run, and never a hidden test. <see cref="WriteSources"/> is the
/// subset the judge builds a submission in.
/// </summary>
public static class StudentRelease
{
    private const string StrictWarnings = "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>";
    private const string RelaxedWarnings = "<TreatWarningsAsErrors>false</TreatWarningsAsErrors>";
    private const string TestsFolder = "assignments/ppo-gae/tests";
    private const string Handout = "assignments/ppo-gae/handout.md";
    private const string NotebooksFolder = "notebooks";

    /// <summary>Where the release keeps the lecture's pages: one <c>&lt;notebook&gt;.html</c> per notebook, executed with the reference.</summary>
    public const string PagesFolder = "notebooks/html";

    /// <summary>Folders the judge's build needs, copied whole (C# files stripped of their solutions).</summary>
    private static readonly string[] SourceFolders = ["src/Rl", "src/Grading.Worker"];
    /// <summary>Folders the student release adds; the public tests' folder may not exist yet.</summary>
    private static readonly string[] ReleaseFolders = ["src/Plots", $"{TestsFolder}/Support"];
    private static readonly string[] ReleaseFiles =
        [$"{TestsFolder}/PpoGae.Tests.csproj", ".config/dotnet-tools.json", "notebooks/LECTURE.md", "notebooks/package.json", "notebooks/package-lock.json"];
    /// <summary>Markdown the release ships without its kit-only sections (<see cref="KitOnlySections"/>).</summary>
    private static readonly string[] ReleaseMarkdown = ["notebooks/README.md"];

    /// <summary>
    /// Writes the minimal buildable tree the judge builds student code in: Directory.Build.props (with
    /// TreatWarningsAsErrors off, so a student's unused variable still builds), Directory.Packages.props,
    /// .editorconfig, src/Rl (solutions stripped) and src/Grading.Worker.
    /// </summary>
    /// <returns>The files written, relative to <paramref name="outputDirectory"/>, '/' separators.</returns>
    /// <exception cref="ArgumentException"><paramref name="outputDirectory"/> exists and is not empty.</exception>
    /// <exception cref="FormatException">A source has malformed solution regions.</exception>
    public static IReadOnlyList<string> WriteSources(string repositoryRoot, string outputDirectory)
    {
        RequireEmpty(outputDirectory);
        var written = new List<string>();
        WriteBuildProps(repositoryRoot, outputDirectory, written);
        foreach (string file in new[] { "Directory.Packages.props", ".editorconfig" })
            CopyFile(repositoryRoot, file, outputDirectory, written);
        foreach (string folder in SourceFolders) CopyFolder(repositoryRoot, folder, outputDirectory, written);
        return written;
    }

    /// <summary>
    /// Writes the student release: <see cref="WriteSources"/>, plus src/Plots, the notebooks (with their
    /// README and npm manifests; code the students write is left out, see <see cref="NotebookRedaction"/>),
    /// every notebook of notebooks/ as a page executed with the reference (<see cref="PagesFolder"/>,
    /// made by <paramref name="page"/>), the handout, the public tests (project, Support/, Public/; never
    /// Hidden/), PpoGae.sln over every project in it, a .gitignore and a README for students.
    /// </summary>
    /// <returns>The files written, relative to <paramref name="outputDirectory"/>, '/' separators, sorted.</returns>
    /// <exception cref="ArgumentException"><paramref name="outputDirectory"/> exists and is not empty.</exception>
    /// <exception cref="FormatException">A source has malformed solution regions, or a Markdown file malformed kit-only sections.</exception>
    /// <exception cref="InvalidOperationException">A notebook did not run through with the reference (from <paramref name="page"/>).</exception>
    public static IReadOnlyList<string> Write(string repositoryRoot, string outputDirectory, LecturePage page)
    {
        var written = WriteSources(repositoryRoot, outputDirectory).ToList();
        foreach (string folder in ReleaseFolders) CopyFolder(repositoryRoot, folder, outputDirectory, written);
        if (Directory.Exists(Path.Combine(repositoryRoot, TestsFolder, "Public")))
            CopyFolder(repositoryRoot, $"{TestsFolder}/Public", outputDirectory, written);
        foreach (string file in ReleaseFiles) CopyFile(repositoryRoot, file, outputDirectory, written);
        foreach (string file in ReleaseMarkdown)
            WriteText(outputDirectory, file, KitOnlySections.Strip(File.ReadAllText(Path.Combine(repositoryRoot, file)), file), written);
        WriteNotebooks(repositoryRoot, outputDirectory, page, written);
        if (File.Exists(Path.Combine(repositoryRoot, Handout))) CopyFile(repositoryRoot, Handout, outputDirectory, written);

        var projects = written.Where(path => path.EndsWith(".csproj", StringComparison.Ordinal)).ToList();
        WriteText(outputDirectory, "PpoGae.sln", SolutionFile.Text(projects), written);
        WriteText(outputDirectory, ".gitignore", "artifacts/\nnode_modules/\nbin/\nobj/\nTestResults/\n", written);
        WriteText(outputDirectory, "README.md", StudentReadme.Text(AssignmentFiles.Allowed(repositoryRoot)), written);
        written.Sort(StringComparer.Ordinal);
        return written;
    }

    /// <summary>Every notebook of notebooks/ (not its subfolders), redacted, and its page executed with the reference.</summary>
    private static void WriteNotebooks(string repositoryRoot, string outputDirectory, LecturePage page, List<string> written)
    {
        var solution = SolutionText.Lines(repositoryRoot);
        var notebooks = SourceTree.Files(repositoryRoot, NotebooksFolder)
            .Where(path => path.EndsWith(".ipynb", StringComparison.Ordinal) && path.Count(c => c == '/') == 1).ToList();
        foreach (string notebook in notebooks)
        {
            string released = NotebookRedaction.Redact(File.ReadAllText(Path.Combine(repositoryRoot, notebook)), solution);
            WriteText(outputDirectory, notebook, released, written);
            string name = Path.GetFileNameWithoutExtension(notebook);
            WriteText(outputDirectory, $"{PagesFolder}/{name}.html", page(Path.GetFullPath(Path.Combine(repositoryRoot, notebook)), released), written);
        }
    }

    /// <summary>Throws unless <paramref name="outputDirectory"/> is missing or empty: a release never mixes with older files.</summary>
    private static void RequireEmpty(string outputDirectory)
    {
        if (Directory.Exists(outputDirectory) && Directory.EnumerateFileSystemEntries(outputDirectory).Any())
            throw new ArgumentException($"outputDirectory: {Path.GetFullPath(outputDirectory)} is not empty; write the release into a missing or empty folder.", nameof(outputDirectory));
        if (File.Exists(outputDirectory))
            throw new ArgumentException($"outputDirectory: {Path.GetFullPath(outputDirectory)} is a file; name a missing or empty folder.", nameof(outputDirectory));
    }

    /// <summary>Directory.Build.props with warnings no longer errors: student code is graded on what it computes.</summary>
    private static void WriteBuildProps(string repositoryRoot, string outputDirectory, List<string> written)
    {
        const string Props = "Directory.Build.props";
        string text = File.ReadAllText(Path.Combine(repositoryRoot, Props));
        int first = text.IndexOf(StrictWarnings, StringComparison.Ordinal);
        if (first < 0 || text.IndexOf(StrictWarnings, first + 1, StringComparison.Ordinal) >= 0)
            throw new FormatException($"{Props}: expected exactly one {StrictWarnings} to relax for student code.");
        WriteText(outputDirectory, Props, text.Replace(StrictWarnings, RelaxedWarnings), written);
    }

    private static void CopyFolder(string repositoryRoot, string folder, string outputDirectory, List<string> written)
    {
        foreach (string file in SourceTree.Files(repositoryRoot, folder)) CopyFile(repositoryRoot, file, outputDirectory, written);
    }

    /// <summary>Copies one file; a C# file goes through <see cref="SolutionRegions.Strip"/>.</summary>
    private static void CopyFile(string repositoryRoot, string file, string outputDirectory, List<string> written)
    {
        if (file.Split('/').Contains("Hidden"))
            throw new InvalidOperationException($"{file} is under a Hidden folder; hidden tests never ship to students.");
        if (file.EndsWith(".cs", StringComparison.Ordinal))
            WriteText(outputDirectory, file, SolutionRegions.Strip(File.ReadAllText(Path.Combine(repositoryRoot, file)), file), written);
        else
        {
            SourceTree.Copy(repositoryRoot, file, outputDirectory);
            written.Add(file);
        }
    }

    private static void WriteText(string outputDirectory, string file, string text, List<string> written)
    {
        SourceTree.Write(outputDirectory, file, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text));
        written.Add(file);
    }
}
