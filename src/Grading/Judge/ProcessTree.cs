namespace Rl.Grading.Judge;

/// <summary>A process and its descendants, read from /proc (Linux); elsewhere just the process.</summary>
internal static class ProcessTree
{
    /// <summary>
    /// The memory process <paramref name="pid"/> and all its descendants hold, in bytes: the larger of
    /// their summed resident set and swap (VmRSS + VmSwap), and the usage of the grading cgroup
    /// (<see cref="MemoryCgroup"/>) the process is in, which also counts what no resident set shows:
    /// tmpfs files, shared memory, memfd files written but not mapped.
    /// </summary>
    public static long ResidentBytes(int pid)
    {
        if (!OperatingSystem.IsLinux())
        {
            try { return System.Diagnostics.Process.GetProcessById(pid).WorkingSet64; }
            catch (ArgumentException) { return 0; }
        }
        long total = 0;
        var pending = new Stack<int>([pid]);
        var seen = new HashSet<int>();
        while (pending.Count > 0)
        {
            int current = pending.Pop();
            if (!seen.Add(current)) continue;
            total += Resident(current);
            foreach (int child in Children(current)) pending.Push(child);
        }
        return Math.Max(total, CgroupUsage(pid));
    }

    private static long Resident(int pid)
    {
        long bytes = 0;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal) || line.StartsWith("VmSwap:", StringComparison.Ordinal))
                    bytes += long.Parse(line.AsSpan(line.IndexOf(':') + 1).Trim().ToString().Split(' ')[0]) * 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return bytes;
    }

    /// <summary>The usage of the grading cgroup <paramref name="pid"/> is in, or 0 if it is in none.</summary>
    private static long CgroupUsage(int pid)
    {
        string? path;
        try { path = MemoryCgroup.GradingCgroupOf(File.ReadAllLines($"/proc/{pid}/cgroup")); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return 0; }
        return path is null ? 0 : MemoryCgroup.UsageBytes(path);
    }

    private static IEnumerable<int> Children(int pid)
    {
        string[] tasks;
        try { tasks = Directory.GetDirectories($"/proc/{pid}/task"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { yield break; }
        foreach (var task in tasks)
        {
            string text;
            try { text = File.ReadAllText(Path.Combine(task, "children")); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                if (int.TryParse(part, out int child)) yield return child;
        }
    }
}
