using Rl.Grading;

namespace Rl.Cli;

/// <summary>The kit's repository, for the commands that read its sources (grade, assignment release).</summary>
internal static class KitRepository
{
    /// <summary>
    /// The repository the CLI was built in, or null after one error line saying why not (the CLI's files
    /// were copied out of the repository), instead of a stack trace.
    /// </summary>
    public static string? FindOrSay()
    {
        try { return RepositoryRoot.Find(); }
        catch (DirectoryNotFoundException e) { Console.Error.WriteLine($"error: {e.Message}"); return null; }
    }
}
