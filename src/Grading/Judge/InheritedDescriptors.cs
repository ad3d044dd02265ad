using System.Runtime.InteropServices;

namespace Rl.Grading.Judge;

/// <summary>
/// Keeps the judge's file descriptors out of the processes it starts. .NET opens its own files
/// close-on-exec, but descriptors the judge inherited (from a shell, a test runner, Gradescope's
/// harness) are not, and a child would get them: a sandboxed worker could reach a host folder through
/// /proc/self/fd/N. Before every sandboxed start, every descriptor from 3 up is marked close-on-exec,
/// so only standard input, output and error cross.
/// </summary>
internal static class InheritedDescriptors
{
    private const int GetFlags = 1, SetFlags = 2, CloseOnExecFlag = 1;

    /// <summary>Marks every open descriptor from 3 up close-on-exec (Linux; elsewhere nothing).</summary>
    public static void CloseOnExec()
    {
        if (!OperatingSystem.IsLinux()) return;
        foreach (string entry in Directory.GetFileSystemEntries("/proc/self/fd"))
        {
            if (!int.TryParse(Path.GetFileName(entry), out int fd) || fd < 3) continue;
            int flags = Fcntl(fd, GetFlags, 0);
            if (flags >= 0 && (flags & CloseOnExecFlag) == 0 && Fcntl(fd, SetFlags, flags | CloseOnExecFlag) != 0)
                throw new InvalidOperationException($"File descriptor {fd} could not be made close-on-exec (errno {Marshal.GetLastPInvokeError()}); refusing to start student code beside it.");
        }
    }

    [DllImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static extern int Fcntl(int fd, int command, int argument);
}
