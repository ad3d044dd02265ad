using System.CommandLine;
using Rl.Grading.Release;

namespace Rl.Cli;

/// <summary>
/// `assignment release`: writes the NPG and PPO assignment's student release (DIR/student, the lecture's
/// notebooks executed with the reference as HTML pages included) and its Gradescope autograder
/// (DIR/autograder.zip) from this repository.
/// Exit code 2 for bad options, 1 if the repository's sources are malformed.
/// </summary>
internal static class AssignmentCommand
{
    public static Command Create()
    {
        var releaseOutput = new Option<string>("--out") { Description = "Folder to write student/ (must be missing or empty) and autograder.zip into.", Required = true };
        var release = new Command("release", "Write the student release (solutions stubbed, no hidden tests, the lecture's notebooks executed with the reference as HTML pages) and the Gradescope autograder zip.") { releaseOutput };
        release.SetAction(parse => Release(parse.GetValue(releaseOutput)!));

        return new Command("assignment", "The NPG and PPO programming assignment: its student release and autograder.") { release };
    }

    private static int Release(string folder)
    {
        string student = Path.Combine(folder, "student"), zip = Path.Combine(folder, "autograder.zip");
        if (!IsEmptyOrMissing(student)) { Console.Error.WriteLine($"error: --out: {student} is not empty; name a folder whose student/ is missing or empty."); return 2; }
        if (KitRepository.FindOrSay() is not { } root) return 1;   // the release is generated from its sources
        try
        {
            Console.WriteLine("Executing the lecture's notebooks with the reference library for the release's pages:");
            var files = StudentRelease.Write(root, student, LecturePages.Create());
            Console.WriteLine($"Wrote the student release: {student} ({files.Count} files).");
            var entries = AutograderBundle.Write(root, zip);
            Console.WriteLine($"Wrote the autograder: {zip} ({entries.Count} entries: setup.sh, run_autograder and the judge's sources; Gradescope unpacks it into /autograder/source).");
            Console.WriteLine("The files a student submits (stubbed in the release, copied from a submission by the judge):");
            foreach (string file in AssignmentFiles.Allowed(root)) Console.WriteLine($"  {file}");
            return 0;
        }
        catch (Exception e) when (e is FormatException or IOException or InvalidOperationException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private static bool IsEmptyOrMissing(string folder) =>
        !File.Exists(folder) && (!Directory.Exists(folder) || !Directory.EnumerateFileSystemEntries(folder).Any());
}
