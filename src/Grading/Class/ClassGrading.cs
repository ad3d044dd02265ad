using Rl.Grading.Judge;

namespace Rl.Grading.Class;

/// <summary>How one submission of a batch ended.</summary>
public enum ClassOutcome
{
    /// <summary>Graded now.</summary>
    Graded,

    /// <summary>Its results.json was stamped with the same input and judge: not graded again.</summary>
    UpToDate,

    /// <summary>The grading itself failed (the judge crashed or timed out): no results.json, retried next run.</summary>
    Failed,
}

/// <summary>One submission's result in a batch.</summary>
/// <param name="Submission">Which.</param>
/// <param name="ResultsPath">Its results.json.</param>
/// <param name="Outcome">Graded, up to date, or failed.</param>
/// <param name="Report">The grade (null when <see cref="ClassOutcome.Failed"/>).</param>
/// <param name="Error">Why it failed, else null.</param>
public sealed record ClassResult(ClassSubmission Submission, string ResultsPath, ClassOutcome Outcome, GradingReport? Report, string? Error);

/// <summary>
/// Grades a class: every submission by a grading function (the CLI runs the judge, <see cref="Grader"/>,
/// in a process of its own per submission), up to a given number at once, each into
/// <c>out/&lt;id&gt;/results.json</c> stamped with its <see cref="InputHash"/>. Resumable: a submission
/// whose results.json carries the stamp of its current files and the current judge is not graded
/// again; one whose grading failed has no stamped results.json and is graded on the next run.
/// A .zip is unpacked first (<see cref="SubmissionArchive"/>); one that cannot be gets a results.json
/// failing every test with the reason, as Gradescope would show a broken upload.
/// </summary>
public static class ClassGrading
{
    /// <summary>
    /// Grades <paramref name="submissions"/> into <paramref name="outputDirectory"/>, at most
    /// <paramref name="parallelism"/> at once; <paramref name="grade"/>(folder, resultsPath) grades one
    /// folder and writes its results.json there; <paramref name="finished"/> hears of each result as it
    /// comes (from several threads, one call at a time). Returns the results in the order of <paramref name="submissions"/>.
    /// </summary>
    public static IReadOnlyList<ClassResult> Run(IReadOnlyList<ClassSubmission> submissions, string outputDirectory, int parallelism,
        Func<string, string, GradingReport> grade, Action<ClassResult>? finished = null)
    {
        ArgumentNullException.ThrowIfNull(submissions);
        ArgumentNullException.ThrowIfNull(grade);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        var folders = ResultFolders(submissions, Path.GetFullPath(outputDirectory));
        var results = new ClassResult[submissions.Count];
        var gate = new object();
        Parallel.For(0, submissions.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i =>
        {
            var result = One(submissions[i], Path.Combine(folders[i], "results.json"), grade);
            results[i] = result;
            lock (gate) finished?.Invoke(result);
        });
        return results;
    }

    private static ClassResult One(ClassSubmission submission, string resultsPath, Func<string, string, GradingReport> grade)
    {
        string hash;
        try { hash = InputHash.Of(submission.Path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ClassResult(submission, resultsPath, ClassOutcome.Failed, null, $"its files could not be read: {e.Message}");
        }
        var stamp = new ResultsStamp(hash, InputHash.Judge);
        if (ResultsJson.Read(resultsPath) is ({ } previous, { } previousStamp) && previousStamp == stamp)
            return new ClassResult(submission, resultsPath, ClassOutcome.UpToDate, previous, null);

        Directory.CreateDirectory(Path.GetDirectoryName(resultsPath)!);
        SubmissionInput input;
        try { input = SubmissionInput.Open(submission.Path); }
        catch (InvalidDataException e)
        {
            string reason = $"Your zip could not be unpacked: {e.Message}";
            var rejected = new GradingReport(0, 0, 0, GradedTests.FailAll(reason), reason);
            ResultsJson.Write(rejected, resultsPath, stamp);
            return new ClassResult(submission, resultsPath, ClassOutcome.Graded, rejected, null);
        }
        using (input)
        {
            try
            {
                var report = grade(input.Folder, resultsPath);
                if (input.Notes.Count > 0) report = report with { Output = "Zip: " + string.Join("\n  ", input.Notes) + "\n" + report.Output };
                ResultsJson.Write(report, resultsPath, stamp);
                return new ClassResult(submission, resultsPath, ClassOutcome.Graded, report, null);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return new ClassResult(submission, resultsPath, ClassOutcome.Failed, null, e.Message);
            }
        }
    }

    /// <summary>A results folder per submission: its id with only letters, digits, '.', '-' and '_' kept, made unique.</summary>
    private static string[] ResultFolders(IReadOnlyList<ClassSubmission> submissions, string outputDirectory)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var folders = new string[submissions.Count];
        for (int i = 0; i < submissions.Count; i++)
        {
            string safe = new([.. submissions[i].Id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);
            if (safe.Length == 0 || safe.StartsWith('.')) safe = "_" + safe;
            if (safe.Length > 100) safe = safe[..100];
            string name = safe;
            for (int n = 2; !used.Add(name); n++) name = $"{safe}-{n}";
            folders[i] = Path.Combine(outputDirectory, name);
        }
        return folders;
    }
}
