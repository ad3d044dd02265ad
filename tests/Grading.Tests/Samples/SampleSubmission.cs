using System.Diagnostics;
using Rl.Grading.Release;

namespace Rl.Grading.Tests.Samples;

/// <summary>
/// Makes a sample's submission folder: the allowed files of its base (the reference sources, or the
/// student release's stubs) laid out as in the repository (src/Rl/...), with the sample's patches
/// applied by <c>git apply</c>. git rather than an applier of our own: it is on every CI image, it
/// applies unified diffs strictly (a hunk whose context no longer matches its base fails, naming the
/// file and the hunk, instead of landing elsewhere), and it leaves no parser here to maintain.
/// </summary>
internal static class SampleSubmission
{
    /// <summary>Writes <paramref name="sample"/>'s submission into the empty folder <paramref name="destination"/>.</summary>
    /// <exception cref="InvalidOperationException">A patch does not apply; the message has git's reason.</exception>
    public static void Write(Sample sample, string repositoryRoot, string destination)
    {
        var allowed = AssignmentFiles.Allowed(repositoryRoot);
        string? release = null;
        try
        {
            if (sample.Base == "blank")
            {
                release = Directory.CreateTempSubdirectory("rl-sample-release-").FullName;
                StudentRelease.WriteSources(repositoryRoot, release);
            }
            foreach (string file in allowed)
            {
                string source = Path.Combine(release ?? repositoryRoot, file);
                string target = Path.Combine(destination, file);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(source, target);
            }
        }
        finally
        {
            if (release is not null) Directory.Delete(release, recursive: true);
        }
        foreach (string patch in sample.Patches) Apply(patch, destination);
        foreach (string fifo in sample.Special.Fifos) SpecialFileMaker.Fifo(Path.Combine(destination, fifo));
        foreach (string socket in sample.Special.Sockets) SpecialFileMaker.Socket(Path.Combine(destination, socket));
        Clutter(destination, sample.ClutterFiles);
    }

    /// <summary>
    /// <paramref name="count"/> small .cs files in folders of 100, named to sort before and after src/
    /// ("a000".."a149", "z000"..), each with the allowed files' names among others.
    /// </summary>
    private static void Clutter(string destination, int count)
    {
        string[] names = ["Gae.cs", "ValueLoss.cs", "Notes.cs", "Helper.cs"];
        for (int i = 0; i < count; i++)
        {
            int folder = i / 100;
            string directory = Path.Combine(destination, (folder % 2 == 0 ? "a" : "z") + (folder / 2).ToString("D3"), $"d{i % 7}");
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, $"{i}-{names[i % names.Length]}"), "// not a submission file\n");
        }
    }

    /// <summary>Applies <paramref name="patch"/> (paths relative to the repository root) to the files under <paramref name="folder"/>.</summary>
    private static void Apply(string patch, string folder)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in new[] { "apply", "--verbose", "--whitespace=nowarn", patch }) start.ArgumentList.Add(argument);
        // Outside any repository git apply patches the folder it runs in; the ceiling keeps it from
        // finding a repository above the temp folder (and then applying relative to that one's root).
        start.Environment["GIT_CEILING_DIRECTORIES"] = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(folder));
        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEndAsync();
        var error = git.StandardError.ReadToEndAsync();
        if (!git.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            git.Kill(entireProcessTree: true);
            throw new TimeoutException($"git apply {patch} did not finish within a minute.");
        }
        if (git.ExitCode != 0)
            throw new InvalidOperationException($"git apply {patch} failed (exit code {git.ExitCode}):\n{error.Result}{output.Result}");
    }
}
