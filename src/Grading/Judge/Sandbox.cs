using System.Diagnostics;

namespace Rl.Grading.Judge;

/// <summary>How the worker is kept from the judge.</summary>
public enum Isolation
{
    /// <summary>
    /// The judge is root: the worker runs as an unprivileged user (<see cref="Sandbox.UserId"/>) in
    /// fresh PID, mount, network, IPC and UTS namespaces, in a root file system that holds only system
    /// folders, the .NET install and its own build. It cannot read the judge, the reference or the
    /// hidden tests, cannot see or signal any other process, and has no network.
    /// </summary>
    RootNamespaces,

    /// <summary>As <see cref="RootNamespaces"/>, inside a user namespace, under the judge's own user id.</summary>
    UserNamespaces,

    /// <summary>No namespaces available: a plain child process. Said in the results' output.</summary>
    None,
}

/// <summary>
/// Starts worker processes in the strongest isolation this machine allows (see <see cref="Isolation"/>),
/// with resource limits: no core dumps, files of at most 64 MiB, at most 512 processes for the
/// sandbox user, a GC heap capped at half the memory limit (the judge watches the resident set too).
/// </summary>
public sealed class Sandbox
{
    /// <summary>The unprivileged user and group id the worker runs as when the judge is root.</summary>
    public const int UserId = 64999;

    private readonly string _script, _root, _workerDirectory, _scratch, _dotnet;
    private readonly long _memoryLimit;

    /// <summary>A sandbox for the worker built in <paramref name="workerDirectory"/>, with its files in <paramref name="workDirectory"/>.</summary>
    public Sandbox(string workerDirectory, string workDirectory, long memoryLimitBytes, Isolation isolation)
    {
        _workerDirectory = Path.GetFullPath(workerDirectory);
        _memoryLimit = memoryLimitBytes;
        Isolation = isolation;
        _dotnet = DotnetHost();
        _script = Path.Combine(workDirectory, "sandbox.sh");
        _root = Path.Combine(workDirectory, "sandbox-root");
        _scratch = Path.Combine(workDirectory, "scratch");
        Directory.CreateDirectory(_root);
        Directory.CreateDirectory(_scratch);
        using (var resource = typeof(Sandbox).Assembly.GetManifestResourceStream("sandbox.sh")!)
        using (var file = File.Create(_script)) resource.CopyTo(file);
    }

    /// <summary>The isolation the workers get.</summary>
    public Isolation Isolation { get; }

    /// <summary>The strongest isolation that works here, probed once by starting a namespace.</summary>
    public static Isolation Detect() => Detected.Value;

    private static readonly Lazy<Isolation> Detected = new(() =>
    {
        if (!OperatingSystem.IsLinux()) return Isolation.None;
        string[] namespaces = ["--pid", "--mount", "--net", "--ipc", "--uts", "--fork", "--kill-child"];
        if (Environment.IsPrivilegedProcess && Succeeds("unshare", [.. namespaces, "true"])) return Isolation.RootNamespaces;
        if (Succeeds("unshare", ["--user", "--map-root-user", .. namespaces, "true"])) return Isolation.UserNamespaces;
        return Isolation.None;
    });

    /// <summary>How the worker process is started.</summary>
    public ProcessStartInfo StartInfo()
    {
        string workerDll = Isolation == Isolation.None
            ? Path.Combine(_workerDirectory, "Rl.Grading.Worker.dll")
            : "/worker/Rl.Grading.Worker.dll";
        List<string> limits = ["/usr/bin/prlimit", "--core=0", $"--fsize={64 << 20}"];
        if (Isolation == Isolation.RootNamespaces) limits.Add("--nproc=512");
        List<string> worker = [.. limits, "--", _dotnet, workerDll];

        var info = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _scratch,
        };
        if (Isolation == Isolation.None || !File.Exists("/usr/bin/prlimit"))
        {
            info.FileName = _dotnet;
            info.ArgumentList.Add(workerDll);
        }
        else
        {
            info.FileName = "unshare";
            if (Isolation == Isolation.UserNamespaces) { info.ArgumentList.Add("--user"); info.ArgumentList.Add("--map-root-user"); }
            foreach (var option in new[] { "--pid", "--mount", "--net", "--ipc", "--uts", "--fork", "--kill-child", "--", "/bin/sh", _script,
                         _root, _workerDirectory, Path.GetDirectoryName(_dotnet)!, Isolation == Isolation.RootNamespaces ? UserId.ToString() : "-" })
                info.ArgumentList.Add(option);
            foreach (var part in worker) info.ArgumentList.Add(part);
        }
        // Nothing of the judge's environment reaches the student's code.
        info.Environment.Clear();
        info.Environment["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
        info.Environment["HOME"] = Isolation == Isolation.None ? _scratch : "/tmp";
        info.Environment["TMPDIR"] = Isolation == Isolation.None ? _scratch : "/tmp";
        info.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(_dotnet)!;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_EnableDiagnostics"] = "0";
        info.Environment["DOTNET_GCHeapHardLimit"] = $"0x{_memoryLimit / 2:X}";
        return info;
    }

    /// <summary>A short description for the results' output.</summary>
    public string Describe() => Isolation switch
    {
        Isolation.RootNamespaces => $"Your code ran as an unprivileged user (uid {UserId}) in its own namespaces, without network.",
        Isolation.UserNamespaces => "Your code ran in its own user, PID, mount and network namespaces, without network.",
        _ => "Your code ran in a separate process (no namespaces were available on this machine).",
    };

    /// <summary>The real path of the dotnet host (symlinks resolved), which the worker runs on.</summary>
    private static string DotnetHost()
    {
        string? path = Environment.ProcessPath is string self && Path.GetFileNameWithoutExtension(self) == "dotnet"
            ? self
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
                .Select(directory => Path.Combine(directory, "dotnet")).FirstOrDefault(File.Exists);
        if (path is null) throw new FileNotFoundException("dotnet was not found on PATH; the worker needs it.");
        return new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
    }

    private static bool Succeeds(string command, string[] arguments)
    {
        try
        {
            var info = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in arguments) info.ArgumentList.Add(argument);
            using var process = Process.Start(info)!;
            if (!process.WaitForExit(10_000)) { process.Kill(entireProcessTree: true); return false; }
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
