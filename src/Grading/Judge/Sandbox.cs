using System.Diagnostics;

namespace Rl.Grading.Judge;

/// <summary>How the sandboxed processes (the compiler, the worker) are kept from the judge.</summary>
public enum Isolation
{
    /// <summary>
    /// The judge is root: bubblewrap makes fresh PID, mount, network, IPC, UTS and cgroup namespaces
    /// and pivots into a new root that holds only /usr, /etc, a private /dev and /proc, an empty
    /// size-limited /tmp, the .NET install and the folders the step needs; setpriv then drops to an
    /// unprivileged user (<see cref="Sandbox.UserId"/>) with no capabilities and no_new_privs.
    /// </summary>
    RootNamespaces,

    /// <summary>
    /// As <see cref="RootNamespaces"/>, but the namespaces are made inside a user namespace (nested
    /// ones disabled), as <see cref="Sandbox.UserId"/> when the judge is root and cannot mount, else
    /// as the judge's own non-root user; no capabilities in either case.
    /// </summary>
    UserNamespaces,
}

/// <summary>The machine cannot isolate student code (no bubblewrap, no namespaces): the judge refuses to grade.</summary>
public sealed class SandboxUnavailableException(string message) : InvalidOperationException(message);

/// <summary>
/// Starts sandboxed processes (bubblewrap, see <see cref="Isolation"/>): every one under the seccomp
/// filter (<see cref="SeccompFilter"/>), with only standard input, output and error inherited
/// (<see cref="InheritedDescriptors"/>), no core dumps, files of at most 64 MiB, at most 4096 open
/// descriptors, at most 512
/// processes for the sandbox user, and the memory bound of <see cref="Memory"/>: a cgroup shared by
/// the sandbox's processes where one can be made (tmpfs, shm and memfd pages count), else the
/// judge's watch of the resident set with the ways around it shut. The worker's GC heap is capped at
/// half the memory limit. One sandbox serves one grading; dispose it to remove its cgroup.
/// </summary>
public sealed class Sandbox : IDisposable
{
    /// <summary>The unprivileged user and group id the sandboxed processes run as when the judge is root.</summary>
    public const int UserId = 64999;

    /// <summary>The size of the sandbox's /tmp (a tmpfs).</summary>
    public const long TmpBytes = 64L << 20;

    /// <summary>Where the worker's folder appears inside the sandbox.</summary>
    public const string WorkerMount = "/worker";

    /// <summary>
    /// Runs as the first process: joins the cgroup ($1, "-" for none), then runs the command with the
    /// seccomp filter ($2) open as descriptor 3, the one bubblewrap reads (and closes).
    /// </summary>
    private const string Launcher = """
        set -e
        if [ "$1" != - ]; then echo $$ > "$1"; fi
        filter=$2
        shift 2
        exec "$@" 3<"$filter"
        """;

    private readonly string _workerDirectory, _filter, _dotnet;
    private readonly long _memoryLimit;
    private readonly MemoryCgroup? _cgroup;

    /// <summary>A sandbox for the worker built in <paramref name="workerDirectory"/>, with its files in <paramref name="workDirectory"/>.</summary>
    public Sandbox(string workerDirectory, string workDirectory, long memoryLimitBytes, Isolation isolation)
    {
        _workerDirectory = Path.GetFullPath(workerDirectory);
        _memoryLimit = memoryLimitBytes;
        Isolation = isolation;
        _dotnet = DotnetHost();
        _filter = Path.Combine(workDirectory, "seccomp.bpf");
        File.WriteAllBytes(_filter, SeccompFilter.Program());
        _cgroup = MemoryCgroup.TryCreate((long)(memoryLimitBytes * MemoryCgroup.HardLimitFactor));
        Memory = _cgroup?.Kind ?? MemoryBound.ResidentSetWatch;
    }

    /// <summary>The isolation the sandboxed processes get.</summary>
    public Isolation Isolation { get; }

    /// <summary>How their memory is bounded.</summary>
    public MemoryBound Memory { get; }

    /// <summary>The .NET host the sandboxed processes run on (its install is visible inside at the same path).</summary>
    public string Dotnet => _dotnet;

    /// <summary>How many times the kernel killed a process of this sandbox for its memory (0 without a cgroup).</summary>
    public long OomKills => _cgroup?.OomKills() ?? 0;

    /// <summary>The strongest isolation that works here, probed once; throws <see cref="SandboxUnavailableException"/> when there is none.</summary>
    public static Isolation Detect() => Detected.Value;

    private static readonly Lazy<Isolation> Detected = new(() =>
    {
        const string Advice = "Install bubblewrap (apt-get install bubblewrap) and run the grader as root, or as a user allowed to make user namespaces.";
        if (!OperatingSystem.IsLinux())
            throw new SandboxUnavailableException($"Refusing to grade: student code can only be isolated on Linux (this is {System.Runtime.InteropServices.RuntimeInformation.OSDescription}).");
        if (Bubblewrap is null) throw new SandboxUnavailableException($"Refusing to grade: bubblewrap (bwrap) was not found, and student code must not run unisolated. {Advice}");
        if (!SeccompFilter.IsSupported) throw new SandboxUnavailableException($"Refusing to grade: no seccomp filter for {System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture}.");
        var probe = Directory.CreateTempSubdirectory("rl-sandbox-probe-");
        try
        {
            string filter = Path.Combine(probe.FullName, "seccomp.bpf");
            File.WriteAllBytes(filter, SeccompFilter.Program());
            string? reason = null;
            foreach (var isolation in new[] { Isolation.RootNamespaces, Isolation.UserNamespaces })
            {
                if (isolation == Isolation.RootNamespaces && !Environment.IsPrivilegedProcess) continue;
                InheritedDescriptors.CloseOnExec();
                var info = Start(isolation, null, filter, ["/bin/true"], []);
                info.RedirectStandardError = true;
                info.RedirectStandardOutput = true;
                using var process = LauncherThread.Start(info);
                string error = process.StandardError.ReadToEnd();
                if (!process.WaitForExit(10_000)) { process.Kill(entireProcessTree: true); continue; }
                if (process.ExitCode == 0) return isolation;
                reason = error.Trim();
            }
            throw new SandboxUnavailableException($"Refusing to grade: bubblewrap could not make a sandbox here ({reason}). {Advice}");
        }
        finally
        {
            probe.Delete(recursive: true);
        }
    });

    /// <summary>How the worker process is started: the dotnet host on /worker/Rl.Grading.Worker.dll, its GC heap capped at half the memory limit.</summary>
    public ProcessStartInfo StartInfo()
    {
        var info = StartInfo([_dotnet, $"{WorkerMount}/Rl.Grading.Worker.dll"], [new Bind(_workerDirectory, WorkerMount, Writable: false)]);
        info.Environment["DOTNET_GCHeapHardLimit"] = $"0x{_memoryLimit / 2:X}";
        return info;
    }

    /// <summary>A folder of the host visible inside the sandbox at <paramref name="Inside"/>.</summary>
    public sealed record Bind(string Host, string Inside, bool Writable);

    /// <summary>
    /// How <paramref name="command"/> is started in this sandbox, with <paramref name="binds"/>
    /// visible, standard input, output and error redirected, and nothing of the judge's environment.
    /// Every descriptor the judge holds from 3 up is made close-on-exec first, so none crosses.
    /// </summary>
    public ProcessStartInfo StartInfo(IReadOnlyList<string> command, IReadOnlyList<Bind> binds)
    {
        InheritedDescriptors.CloseOnExec();
        var info = Start(Isolation, _cgroup?.ProcessesFile, _filter, command, binds);
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        return info;
    }

    /// <summary>A short description for the results' output: the isolation and the memory bound that ran.</summary>
    public string Describe()
    {
        string who = Isolation == Isolation.RootNamespaces || Environment.IsPrivilegedProcess
            ? $"as an unprivileged user (uid {UserId})"
            : "as the grader's own non-root user";
        string isolation = Isolation == Isolation.RootNamespaces ? "namespaces made as root" : "namespaces inside a user namespace";
        string memory = Memory switch
        {
            MemoryBound.CgroupV2 => "a cgroup v2 memory limit (all memory counts, tmpfs and shared memory included)",
            MemoryBound.CgroupV1 => "a cgroup v1 memory limit (all memory counts, tmpfs and shared memory included)",
            _ => "a watch of the resident set (no cgroup here; memfd and shared memory denied, /tmp capped)",
        };
        return $"Sandbox: bubblewrap, {isolation} ({Isolation}); your code ran {who} without capabilities or network. Memory: {memory} ({Memory}).";
    }

    /// <summary>Removes the sandbox's cgroup, killing whatever is left in it.</summary>
    public void Dispose() => _cgroup?.Dispose();

    private static readonly string? Bubblewrap =
        new[] { "/usr/bin/bwrap", "/bin/bwrap", "/usr/local/bin/bwrap" }.FirstOrDefault(File.Exists);

    private static ProcessStartInfo Start(Isolation isolation, string? cgroupProcesses, string filter, IReadOnlyList<string> command, IReadOnlyList<Bind> binds)
    {
        bool switchUser = Environment.IsPrivilegedProcess;
        string[] dropToUser = ["/usr/bin/setpriv", $"--reuid={UserId}", $"--regid={UserId}", "--clear-groups",
            "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", "--"];
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, WorkingDirectory = "/" };
        var args = info.ArgumentList;
        foreach (var argument in new[] { "-c", Launcher, "sh", cgroupProcesses ?? "-", filter }) args.Add(argument);
        // Root without the right to mount: become the sandbox user first, then make a user namespace.
        if (isolation == Isolation.UserNamespaces && switchUser) foreach (var part in dropToUser) args.Add(part);
        args.Add(Bubblewrap!);
        foreach (var argument in new[] { "--die-with-parent", "--new-session", "--unshare-pid", "--unshare-net", "--unshare-ipc",
                     "--unshare-uts", "--unshare-cgroup-try" })
            args.Add(argument);
        if (isolation == Isolation.UserNamespaces) { args.Add("--unshare-user"); args.Add("--disable-userns"); }
        else foreach (var capability in new[] { "CAP_SETUID", "CAP_SETGID", "CAP_SETPCAP" }) { args.Add("--cap-add"); args.Add(capability); }
        void Add(params string[] parts) { foreach (var part in parts) args.Add(part); }
        Add("--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc");
        foreach (var name in new[] { "bin", "sbin", "lib", "lib32", "lib64", "libx32" })
        {
            var link = new FileInfo("/" + name);
            if (link.LinkTarget is string target) Add("--symlink", target, "/" + name);
            else if (Directory.Exists("/" + name)) Add("--ro-bind", "/" + name, "/" + name);
        }
        Add("--proc", "/proc", "--dev", "/dev");
        Add("--size", "65536", "--tmpfs", "/dev/shm", "--remount-ro", "/dev/shm");
        Add("--perms", "1777", "--size", TmpBytes.ToString(), "--tmpfs", "/tmp");
        string dotnetDirectory = Path.GetDirectoryName(DotnetHost())!;
        if (!dotnetDirectory.StartsWith("/usr/", StringComparison.Ordinal)) Add("--ro-bind", dotnetDirectory, dotnetDirectory);
        foreach (var bind in binds) Add(bind.Writable ? "--bind" : "--ro-bind", bind.Host, bind.Inside);
        Add("--chdir", "/tmp", "--seccomp", "3", "--");
        if (isolation == Isolation.RootNamespaces) foreach (var part in dropToUser) args.Add(part);
        // At most 4096 descriptors: kernel memory held by pipes and sockets grows with their number.
        Add("/usr/bin/prlimit", "--core=0", $"--fsize={64 << 20}", "--nofile=4096");
        if (switchUser) args.Add("--nproc=512");
        args.Add("--");
        foreach (var part in command) args.Add(part);

        // Nothing of the judge's environment reaches the sandbox.
        info.Environment.Clear();
        info.Environment["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
        info.Environment["HOME"] = "/tmp";
        info.Environment["TMPDIR"] = "/tmp";
        info.Environment["DOTNET_ROOT"] = dotnetDirectory;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_EnableDiagnostics"] = "0";
        // W^X double-maps code through memfd_create, which the seccomp filter denies.
        info.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        return info;
    }

    /// <summary>The real path of the dotnet host (symlinks resolved), which the sandboxed processes run on.</summary>
    private static string DotnetHost()
    {
        string? path = Environment.ProcessPath is string self && Path.GetFileNameWithoutExtension(self) == "dotnet"
            ? self
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
                .Select(directory => Path.Combine(directory, "dotnet")).FirstOrDefault(File.Exists);
        if (path is null) throw new FileNotFoundException("dotnet was not found on PATH; the sandboxed processes need it.");
        return new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
    }
}
