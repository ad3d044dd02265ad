namespace Rl.Grading.Judge;

/// <summary>A process and its descendants, read from /proc (Linux); elsewhere just the process.</summary>
internal static class ProcessTree
{
    /// <summary>The summed resident set (VmRSS) of process <paramref name="pid"/> and all its descendants, in bytes.</summary>
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
        return total;
    }

    private static long Resident(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    return long.Parse(line.AsSpan(6).Trim().ToString().Split(' ')[0]) * 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return 0;
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
