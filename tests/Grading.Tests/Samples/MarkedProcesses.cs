using System.Diagnostics;

namespace Rl.Grading.Tests.Samples;

/// <summary>
/// The processes whose command line contains a marker: what a hostile sample that starts processes
/// left running. Read from /proc, so they are found whichever user or namespace runs them.
/// </summary>
internal static class MarkedProcesses
{
    /// <summary>The ids of the live processes whose command line contains <paramref name="marker"/>.</summary>
    public static IReadOnlyList<int> Find(string marker)
    {
        var found = new List<int>();
        foreach (string folder in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out int id) || id == Environment.ProcessId) continue;
            string commandLine;
            try { commandLine = File.ReadAllText(Path.Combine(folder, "cmdline")); }
            catch (IOException) { continue; } // it ended while we looked
            catch (UnauthorizedAccessException) { continue; }
            if (commandLine.Contains(marker, StringComparison.Ordinal)) found.Add(id);
        }
        return found;
    }

    /// <summary>Kills the processes <paramref name="ids"/> (found by <see cref="Find"/>: started by the sample under test).</summary>
    public static void Kill(IEnumerable<int> ids)
    {
        foreach (int id in ids)
        {
            try
            {
                using var process = Process.GetProcessById(id);
                process.Kill();
            }
            catch (ArgumentException) { } // it has ended already
            catch (InvalidOperationException) { }
        }
    }
}
