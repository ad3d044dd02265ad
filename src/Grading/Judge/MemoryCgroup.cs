namespace Rl.Grading.Judge;

/// <summary>How the sandboxed processes' memory is bounded.</summary>
public enum MemoryBound
{
    /// <summary>A cgroup v2 with memory.max (and no swap): every page the processes charge counts, tmpfs, shm and memfd included.</summary>
    CgroupV2,

    /// <summary>A cgroup v1 memory controller with memory.limit_in_bytes (and no swap): as <see cref="CgroupV2"/>.</summary>
    CgroupV1,

    /// <summary>
    /// No cgroup could be made: the judge watches the resident set, and the ways around it are shut
    /// (memfd_create and System V shared memory denied by the seccomp filter, /dev/shm read-only,
    /// /tmp a tmpfs of <see cref="Sandbox.TmpBytes"/>).
    /// </summary>
    ResidentSetWatch,
}

/// <summary>
/// A memory cgroup made for one sandbox, under the judge's own (so an outer limit still holds),
/// named rl-grading-PID-N after the judge's process id; one left behind by a judge that died is
/// removed by the next. The hard limit is <see cref="HardLimitFactor"/> times the memory cap: the
/// judge's watch (<see cref="ProcessTree.ResidentBytes"/>, which reads the cgroup's usage) stops a
/// worker at the cap itself with a clear message, and the kernel stops whatever grows faster.
/// </summary>
internal sealed class MemoryCgroup : IDisposable
{
    /// <summary>The kernel's limit, relative to the cap the judge watches.</summary>
    public const double HardLimitFactor = 1.5;

    /// <summary>What a grading cgroup's name starts with.</summary>
    public const string Prefix = "rl-grading-";

    private static int _count;

    private MemoryCgroup(string path, MemoryBound kind)
    {
        Path = path;
        Kind = kind;
    }

    /// <summary>The cgroup's folder.</summary>
    public string Path { get; }

    /// <summary><see cref="MemoryBound.CgroupV1"/> or <see cref="MemoryBound.CgroupV2"/>.</summary>
    public MemoryBound Kind { get; }

    /// <summary>The file a process writes its id to, to join.</summary>
    public string ProcessesFile => System.IO.Path.Combine(Path, "cgroup.procs");

    /// <summary>A cgroup limited to <paramref name="hardLimitBytes"/>, or null when none can be made here (not root, read-only cgroup file system, no memory controller).</summary>
    public static MemoryCgroup? TryCreate(long hardLimitBytes)
    {
        if (!OperatingSystem.IsLinux()) return null;
        foreach (var (parent, kind) in Parents())
        {
            RemoveStale(parent);
            string path = System.IO.Path.Combine(parent, $"{Prefix}{Environment.ProcessId}-{Interlocked.Increment(ref _count)}");
            try
            {
                Directory.CreateDirectory(path);
                if (kind == MemoryBound.CgroupV2)
                {
                    File.WriteAllText(System.IO.Path.Combine(path, "memory.max"), hardLimitBytes.ToString());
                    TryWrite(System.IO.Path.Combine(path, "memory.swap.max"), "0");
                }
                else
                {
                    File.WriteAllText(System.IO.Path.Combine(path, "memory.limit_in_bytes"), hardLimitBytes.ToString());
                    TryWrite(System.IO.Path.Combine(path, "memory.memsw.limit_in_bytes"), hardLimitBytes.ToString());
                    TryWrite(System.IO.Path.Combine(path, "memory.swappiness"), "0");
                }
                return new MemoryCgroup(path, kind);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                TryRemove(path);
            }
        }
        return null;
    }

    /// <summary>
    /// The memory the processes in the cgroup at <paramref name="path"/> hold, in bytes: its usage
    /// (anonymous memory, tmpfs, shm, memfd, kernel memory, page cache) less the inactive file cache
    /// the kernel would drop first; 0 if it cannot be read.
    /// </summary>
    public static long UsageBytes(string path)
    {
        try
        {
            bool v2 = File.Exists(System.IO.Path.Combine(path, "memory.current"));
            long usage = long.Parse(File.ReadAllText(System.IO.Path.Combine(path, v2 ? "memory.current" : "memory.usage_in_bytes")).Trim());
            string inactive = v2 ? "inactive_file " : "total_inactive_file ";
            foreach (var line in File.ReadLines(System.IO.Path.Combine(path, "memory.stat")))
                if (line.StartsWith(inactive, StringComparison.Ordinal))
                    return Math.Max(0, usage - long.Parse(line.AsSpan(inactive.Length)));
            return usage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { return 0; }
    }

    /// <summary>The folder of the grading cgroup named in <paramref name="cgroupLines"/> (a process's /proc/PID/cgroup), or null.</summary>
    public static string? GradingCgroupOf(IEnumerable<string> cgroupLines)
    {
        ArgumentNullException.ThrowIfNull(cgroupLines);
        foreach (string line in cgroupLines)
        {
            var parts = line.Split(':', 3);
            if (parts.Length != 3 || !System.IO.Path.GetFileName(parts[2]).StartsWith(Prefix, StringComparison.Ordinal)) continue;
            string? mount = parts[0] == "0" && parts[1] == "" ? MountPoints.Value.GetValueOrDefault("cgroup2")
                : parts[1].Split(',').Contains("memory") ? MountPoints.Value.GetValueOrDefault("memory") : null;
            if (mount is not null) return Join(mount, parts[2]);
        }
        return null;
    }

    /// <summary>How many times the kernel's OOM killer has killed a process of this cgroup.</summary>
    public long OomKills()
    {
        string file = System.IO.Path.Combine(Path, Kind == MemoryBound.CgroupV2 ? "memory.events" : "memory.oom_control");
        try
        {
            foreach (var line in File.ReadLines(file))
                if (line.StartsWith("oom_kill ", StringComparison.Ordinal))
                    return long.Parse(line.AsSpan("oom_kill ".Length));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { }
        return 0;
    }

    /// <summary>Kills whatever is left in the cgroup and removes it.</summary>
    public void Dispose()
    {
        KillAll(Path);
        TryRemove(Path);
    }

    /// <summary>
    /// Where a grading cgroup may go: under the judge's own cgroup in the v2 hierarchy when its
    /// subtree has the memory controller, and in the v1 memory hierarchy.
    /// </summary>
    private static IEnumerable<(string Path, MemoryBound Kind)> Parents()
    {
        string[] lines;
        try { lines = File.ReadAllLines("/proc/self/cgroup"); }
        catch (IOException) { yield break; }
        var mounts = MountPoints.Value;
        foreach (string line in lines)
        {
            var parts = line.Split(':', 3);
            if (parts.Length != 3) continue;
            if (parts[0] == "0" && parts[1] == "" && mounts.TryGetValue("cgroup2", out string? unified))
            {
                string own = Join(unified, parts[2]);
                if (File.Exists(System.IO.Path.Combine(own, "cgroup.subtree_control"))
                    && File.ReadAllText(System.IO.Path.Combine(own, "cgroup.subtree_control")).Split(' ', '\n').Contains("memory"))
                    yield return (own, MemoryBound.CgroupV2);
            }
            else if (parts[1].Split(',').Contains("memory") && mounts.TryGetValue("memory", out string? v1))
            {
                yield return (Join(v1, parts[2]), MemoryBound.CgroupV1);
            }
        }
    }

    private static readonly Lazy<Dictionary<string, string>> MountPoints = new(Mounts);

    /// <summary>Mount points from /proc/self/mountinfo: "cgroup2" for the unified hierarchy, "memory" for the v1 memory controller.</summary>
    private static Dictionary<string, string> Mounts()
    {
        var found = new Dictionary<string, string>();
        try
        {
            foreach (var line in File.ReadLines("/proc/self/mountinfo"))
            {
                // id parent major:minor root mount-point options [optional...] - type source super-options
                var halves = line.Split(" - ", 2);
                if (halves.Length != 2) continue;
                var left = halves[0].Split(' ');
                var right = halves[1].Split(' ');
                if (left.Length < 5 || right.Length < 3 || left[3] != "/") continue;
                if (right[0] == "cgroup2") found.TryAdd("cgroup2", left[4]);
                else if (right[0] == "cgroup" && right[2].Split(',').Contains("memory")) found.TryAdd("memory", left[4]);
            }
        }
        catch (IOException) { }
        return found;
    }

    private static string Join(string mount, string path) => System.IO.Path.Combine(mount, path.TrimStart('/'));

    /// <summary>Removes the grading cgroups of judges that no longer run.</summary>
    private static void RemoveStale(string parent)
    {
        IEnumerable<string> folders;
        try { folders = Directory.GetDirectories(parent, Prefix + "*"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return; }
        foreach (string folder in folders)
        {
            var name = System.IO.Path.GetFileName(folder)[Prefix.Length..].Split('-');
            if (name.Length == 2 && int.TryParse(name[0], out int judge) && judge != Environment.ProcessId && !Directory.Exists($"/proc/{judge}"))
            {
                KillAll(folder);
                TryRemove(folder);
            }
        }
    }

    private static void KillAll(string path)
    {
        for (int round = 0; round < 20; round++)
        {
            string[] ids;
            try { ids = File.ReadAllLines(System.IO.Path.Combine(path, "cgroup.procs")); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return; }
            if (ids.Length == 0) return;
            foreach (string id in ids)
            {
                try { System.Diagnostics.Process.GetProcessById(int.Parse(id)).Kill(); }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or System.ComponentModel.Win32Exception) { }
            }
            Thread.Sleep(50);
        }
    }

    private static void TryRemove(string path)
    {
        for (int attempt = 0; attempt < 20; attempt++)
        {
            try
            {
                if (Directory.Exists(path)) Directory.Delete(path);
                return;
            }
            catch (IOException) { Thread.Sleep(50); } // processes still leaving
            catch (UnauthorizedAccessException) { return; }
        }
    }

    private static void TryWrite(string path, string value)
    {
        try { File.WriteAllText(path, value); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
