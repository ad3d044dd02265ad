using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Rl.Grading.Judge;

/// <summary>
/// Compiles the worker: one C# compilation of the release's src/Rl (the student's files in it) and
/// src/Grading.Worker into Rl.Grading.Worker.dll, by Roslyn's command-line compiler (the SDK's
/// csc.dll) against prebuilt references: the framework's reference assemblies and the packages the
/// judge's own Rl and worker were built with. No MSBuild, no restore, no compiler server
/// (VBCSCompiler): the compiler is an ordinary process started in the grading's <see cref="Sandbox"/>,
/// unprivileged, under the same memory cap as the worker and a time limit, seeing the sources
/// read-only and one output folder. The worker's folder is then assembled by the judge: the compiled
/// dll, the reference packages and a runtimeconfig.json. Compiler warnings do not fail the build;
/// errors come back as the compiler's messages, paths relative to the release, at most
/// <see cref="MaxErrors"/>.
/// </summary>
public static partial class WorkerBuild
{
    /// <summary>Most compiler errors reported.</summary>
    public const int MaxErrors = 25;

    /// <summary>Most compiler output kept (a flood of errors is cut here).</summary>
    private const int MaxLog = 1 << 20;

    /// <summary>Where the release's sources and the compiler's output appear inside the sandbox.</summary>
    private const string SourceMount = "/src", OutputMount = "/out", ReferenceMount = "/refs";

    /// <summary>The global usings the SDK adds to a project with ImplicitUsings on (Microsoft.NET.Sdk).</summary>
    private static readonly string[] ImplicitUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    /// <summary>The outcome: the worker's folder, or the errors.</summary>
    public sealed record Outcome(string? WorkerDirectory, IReadOnlyList<string> Errors, double Seconds);

    /// <summary>
    /// Compiles the sources of <paramref name="releaseDirectory"/> in <paramref name="sandbox"/> into
    /// <paramref name="workerDirectory"/> (which must not exist), within <paramref name="limit"/> and
    /// <paramref name="memoryLimitBytes"/>.
    /// </summary>
    public static Outcome Run(string releaseDirectory, string workerDirectory, Sandbox sandbox, long memoryLimitBytes, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        var clock = Stopwatch.StartNew();
        releaseDirectory = Path.GetFullPath(releaseDirectory);
        string work = Path.GetDirectoryName(Path.GetFullPath(workerDirectory))!;
        string references = Directory.CreateDirectory(Path.Combine(work, "references")).FullName;
        string output = Directory.CreateDirectory(Path.Combine(work, "compiler-output")).FullName;
        GiveToSandboxUser(output);
        var packages = PackageReferences();
        foreach (string package in packages)
        {
            string copy = Path.Combine(references, Path.GetFileName(package));
            File.Copy(package, copy);
            // Readable by the sandbox's user, whatever mode the judge's copy has (an unzipped autograder's may be 600).
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(copy, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
        File.WriteAllText(Path.Combine(releaseDirectory, "GlobalUsings.g.cs"),
            string.Concat(ImplicitUsings.Select(name => $"global using {name};\n")));
        File.WriteAllText(Path.Combine(releaseDirectory, "csc.rsp"), ResponseFile(releaseDirectory, packages));

        var info = sandbox.StartInfo([sandbox.Dotnet, Compiler(sandbox.Dotnet), "-noconfig", $"@{SourceMount}/csc.rsp"],
        [
            new Sandbox.Bind(releaseDirectory, SourceMount, Writable: false),
            new Sandbox.Bind(references, ReferenceMount, Writable: false),
            new Sandbox.Bind(output, OutputMount, Writable: true),
        ]);
        var (exitCode, log, stopped) = RunCompiler(info, sandbox, memoryLimitBytes, limit);
        if (stopped is not null) return new Outcome(null, [stopped], clock.Elapsed.TotalSeconds);

        string dll = Path.Combine(output, "Rl.Grading.Worker.dll");
        var compiled = new FileInfo(dll);
        if (exitCode == 0 && compiled.Exists && compiled.LinkTarget is null)
        {
            Directory.CreateDirectory(workerDirectory);
            File.Copy(dll, Path.Combine(workerDirectory, compiled.Name));
            foreach (string package in packages) File.Copy(package, Path.Combine(workerDirectory, Path.GetFileName(package)));
            File.WriteAllText(Path.Combine(workerDirectory, "Rl.Grading.Worker.runtimeconfig.json"), RuntimeConfig());
            return new Outcome(workerDirectory, [], clock.Elapsed.TotalSeconds);
        }
        var errors = Errors(log, SourceMount);
        return new Outcome(null, errors.Count > 0 ? errors : [$"The compiler failed (exit code {exitCode}):", .. Tail(log, SourceMount)], clock.Elapsed.TotalSeconds);
    }

    /// <summary>Runs the compiler, its output capped, its memory watched; the exit code and output, or why it was stopped.</summary>
    private static (int ExitCode, string Log, string? Stopped) RunCompiler(ProcessStartInfo info, Sandbox sandbox, long memoryLimitBytes, TimeSpan limit)
    {
        long oomKills = sandbox.OomKills;
        using var process = LauncherThread.Start(info);
        process.StandardInput.Close();
        var log = new StringBuilder();
        void Keep(string? line)
        {
            if (line is null) return;
            lock (log) if (log.Length < MaxLog) log.AppendLine(line);
        }
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        string? stopped = null;
        while (!process.WaitForExit(50))
        {
            if (ProcessTree.ResidentBytes(process.Id) > memoryLimitBytes)
                stopped = OverMemory(memoryLimitBytes);
            else if (clock.Elapsed > limit)
                stopped = $"The compiler did not finish within {limit.TotalSeconds:0} s and was stopped (code that takes the compiler that long is not a solution).";
            if (stopped is null) continue;
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (-1, "", stopped);
        }
        process.WaitForExit();
        if (sandbox.OomKills > oomKills) return (-1, "", OverMemory(memoryLimitBytes));
        lock (log) return (process.ExitCode, log.ToString(), null);
    }

    private static string OverMemory(long memoryLimitBytes) =>
        $"The compiler went over the memory cap of {memoryLimitBytes >> 20} MiB and was stopped (code that makes the compiler build something huge, such as ever longer constant strings).";

    /// <summary>The compiler's arguments: every C# file of src/Rl and src/Grading.Worker, relative to the release, and the references.</summary>
    private static string ResponseFile(string releaseDirectory, IReadOnlyList<string> packages)
    {
        var version = Environment.Version;
        var defines = new List<string> { "TRACE", "RELEASE", "NET", "NETCOREAPP", $"NET{version.Major}_{version.Minor}" };
        for (int major = 5; major <= version.Major; major++) defines.Add($"NET{major}_0_OR_GREATER");
        // Nullable annotations only: the same metadata as the projects' "enable", without the flow analysis,
        // whose warnings nobody reads here (-warn:0); the compiler's CPU per grading 1.8 s instead of 2.1 s.
        var lines = new List<string>
        {
            "-nologo", "-nostdlib+", "-target:exe", "-langversion:latest", "-nullable:annotations", "-optimize+",
            "-deterministic+", "-debug-", "-unsafe-", "-warn:0", "-utf8output", "-errorreport:none",
            $"-define:{string.Join(';', defines)}", $"-out:{OutputMount}/Rl.Grading.Worker.dll",
        };
        lines.AddRange(Directory.GetFiles(FrameworkReferences(), "*.dll").Order(StringComparer.Ordinal).Select(path => Quote("-r:" + path)));
        lines.AddRange(packages.Select(path => Quote($"-r:{ReferenceMount}/{Path.GetFileName(path)}")));
        lines.Add(Quote($"{SourceMount}/GlobalUsings.g.cs"));
        foreach (string folder in new[] { "src/Rl", "src/Grading.Worker" })
            lines.AddRange(Directory.EnumerateFiles(Path.Combine(releaseDirectory, folder), "*.cs", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(releaseDirectory, path).Replace('\\', '/'))
                .Where(path => !path.Split('/').Any(part => part is "obj" or "bin"))
                .Order(StringComparer.Ordinal)
                .Select(path => Quote($"{SourceMount}/{path}")));
        return string.Join('\n', lines) + '\n';
    }

    private static string Quote(string argument) => argument.Contains(' ') ? $"\"{argument}\"" : argument;

    /// <summary>
    /// The framework's reference assemblies (packs/Microsoft.NETCore.App.Ref of the running version's
    /// major and minor), else the running runtime's own assemblies.
    /// </summary>
    private static string FrameworkReferences()
    {
        var version = Environment.Version;
        string runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string packs = Path.GetFullPath(Path.Combine(runtime, "..", "..", "..", "packs", "Microsoft.NETCore.App.Ref"));
        if (Directory.Exists(packs))
        {
            var matching = Directory.GetDirectories(packs)
                .Select(folder => (Folder: folder, Version: Version.TryParse(Path.GetFileName(folder).Split('-')[0], out var v) ? v : null))
                .Where(pack => pack.Version is not null && pack.Version.Major == version.Major && pack.Version.Minor == version.Minor)
                .OrderByDescending(pack => pack.Version)
                .Select(pack => Path.Combine(pack.Folder, "ref", $"net{version.Major}.{version.Minor}"))
                .FirstOrDefault(Directory.Exists);
            if (matching is not null) return matching;
        }
        return runtime;
    }

    /// <summary>The packages (non-framework assemblies) the judge's own Rl and worker reference, from where the judge loaded them.</summary>
    private static IReadOnlyList<string> PackageReferences()
    {
        var framework = Directory.GetFiles(FrameworkReferences(), "*.dll").Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var own = new[] { typeof(Rl.Advantages.Gae).Assembly, typeof(Worker.ISubmission).Assembly };
        var ownNames = own.Select(assembly => assembly.GetName().Name).ToHashSet();
        return own.SelectMany(assembly => assembly.GetReferencedAssemblies())
            .Where(name => name.Name is not null && !framework.Contains(name.Name) && !ownNames.Contains(name.Name)
                && !name.Name.StartsWith("System.", StringComparison.Ordinal) && name.Name is not ("System" or "mscorlib" or "netstandard"))
            .Select(name => Assembly.Load(name).Location)
            .Where(path => path.Length > 0)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The newest SDK's csc.dll next to <paramref name="dotnet"/>.</summary>
    private static string Compiler(string dotnet)
    {
        string sdks = Path.Combine(Path.GetDirectoryName(dotnet)!, "sdk");
        var compiler = (Directory.Exists(sdks) ? Directory.GetDirectories(sdks) : [])
            .Select(folder => (Folder: folder, Version: Version.TryParse(Path.GetFileName(folder).Split('-')[0], out var v) ? v : null))
            .Where(sdk => sdk.Version is not null)
            .OrderByDescending(sdk => sdk.Version)
            .Select(sdk => Path.Combine(sdk.Folder, "Roslyn", "bincore", "csc.dll"))
            .FirstOrDefault(File.Exists);
        return compiler ?? throw new FileNotFoundException($"No .NET SDK with Roslyn's csc.dll under {sdks}: the judge compiles submissions with it.");
    }

    /// <summary>
    /// The worker's runtimeconfig.json: the running framework, invariant globalization (as the projects
    /// build), and tiered compilation off. A worker lives for one grading and answers thousands of
    /// small calls (test 9.1's training alone makes about 5,400); with tiering, the runtime compiles
    /// those hot paths three times over (quick, instrumented, optimized) on a background thread. Off,
    /// each method is compiled once, optimized: the worker's CPU per grading of the reference 1.1 to
    /// 1.2 s instead of 2.2 to 2.4 s.
    /// </summary>
    private static string RuntimeConfig()
    {
        var version = Environment.Version;
        return $$"""
            {
              "runtimeOptions": {
                "tfm": "net{{version.Major}}.{{version.Minor}}",
                "framework": { "name": "Microsoft.NETCore.App", "version": "{{version.Major}}.{{version.Minor}}.0" },
                "configProperties": { "System.Globalization.Invariant": true, "System.Runtime.TieredCompilation": false }
              }
            }
            """;
    }

    /// <summary>Lets the sandbox's user write the compiler's output folder (root judge: it runs as <see cref="Sandbox.UserId"/>).</summary>
    private static void GiveToSandboxUser(string folder)
    {
        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess) return;
        if (Chown(folder, Sandbox.UserId, Sandbox.UserId) != 0)
            throw new IOException($"{folder} could not be given to uid {Sandbox.UserId} (errno {Marshal.GetLastPInvokeError()}).");
    }

    [DllImport("libc", EntryPoint = "chown", SetLastError = true)]
    private static extern int Chown([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int owner, int group);

    /// <summary>The distinct "error" lines of a compiler or MSBuild log, relative to <paramref name="releaseDirectory"/>, without a project suffix.</summary>
    public static IReadOnlyList<string> Errors(string log, string releaseDirectory)
    {
        var errors = log.Split('\n')
            .Select(line => line.Trim())
            .Where(line => ErrorLine().IsMatch(line))
            .Select(line => Clean(line, releaseDirectory))
            .Distinct()
            .ToList();
        if (errors.Count > MaxErrors)
            errors = [.. errors.Take(MaxErrors), $"... and {errors.Count - MaxErrors} more errors."];
        return errors;
    }

    private static IEnumerable<string> Tail(string log, string releaseDirectory) =>
        log.Split('\n').Select(line => Clean(line.Trim(), releaseDirectory)).Where(line => line.Length > 0).TakeLast(10);

    private static string Clean(string line, string releaseDirectory) =>
        ProjectSuffix().Replace(line, "").Replace(releaseDirectory.TrimEnd('/') + "/", "");

    [GeneratedRegex(@":\s*error\s+[A-Z]+\d+\s*:")]
    private static partial Regex ErrorLine();

    [GeneratedRegex(@"\s*\[[^\]]*\.csproj\]\s*$")]
    private static partial Regex ProjectSuffix();
}
