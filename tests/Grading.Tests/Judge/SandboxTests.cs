using System.Diagnostics;
using Rl.Grading.Judge;
using Rl.Grading.Tests.Samples;

namespace Rl.Grading.Tests.Judge;

/// <summary>
/// What a process in the sandbox can do, asked of a shell inside it, in the mode detected here and in
/// the user-namespace mode (the one a non-root judge gets; as root it runs as the sandbox user): not
/// root, no capabilities, no_new_privs and the seccomp filter on, only descriptors 0, 1 and 2 (while
/// the test holds an inheritable one open) and at most 4096 of them, the repository out of sight, no nested namespaces, no
/// writable /dev/shm, a /tmp of 64 MiB, and the memory cap enforced by the kernel where a cgroup exists.
/// </summary>
[Collection(GradingCollection.Name)]
public sealed class SandboxTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("rl-sandbox-test-");

    /// <summary>The mode detected here and the user-namespace mode (only that one, to be skipped, where there is no sandbox).</summary>
    public static TheoryData<Isolation> Modes => new(new[] { SandboxRequired.Mode ?? Isolation.UserNamespaces, Isolation.UserNamespaces }.Distinct());

    private (int ExitCode, string Output) Run(Isolation isolation, string script, long memoryLimit = 256L << 20)
    {
        SandboxRequired.Here();
        using var sandbox = new Sandbox(_work.FullName, _work.FullName, memoryLimit, isolation);
        using var bait = new InheritedBait(Path.Combine(_work.FullName, "bait.txt"));
        using var process = Process.Start(sandbox.StartInfo(["/bin/sh", "-c", script], []))!;
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "the sandboxed shell did not finish");
        Assert.Equal(InheritedBait.Text, File.ReadAllText(bait.Path));
        return (process.ExitCode, output + error.Result);
    }

    [SkippableTheory]
    [MemberData(nameof(Modes))]
    public void TheShell_IsUnprivileged_Filtered_AndHoldsOnlyItsStandardDescriptors(Isolation isolation)
    {
        var (code, output) = Run(isolation, """
            echo "uid $(id -u)"
            grep -E '^(CapEff|CapBnd|NoNewPrivs|Seccomp):' /proc/self/status
            echo "fds $(cd /proc/self/fd && echo *)"
            echo "nofile $(ulimit -n)"
            """);
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(new[] { ' ', '\t', ':' }, StringSplitOptions.RemoveEmptyEntries)).ToDictionary(parts => parts[0], parts => parts[^1]);
        Assert.NotEqual("0", lines["uid"]);
        Assert.Equal("0000000000000000", lines["CapEff"]);
        Assert.Equal("0000000000000000", lines["CapBnd"]);
        Assert.Equal("1", lines["NoNewPrivs"]);
        Assert.Equal("2", lines["Seccomp"]); // a filter is loaded
        Assert.Equal("4096", lines["nofile"]);
        // The shell's own glob reads the folder through a descriptor of its own (3), closed again; nothing else.
        Assert.Equal("fds 0 1 2", output.Split('\n').Single(line => line.StartsWith("fds", StringComparison.Ordinal)).Replace(" 3", "", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(Modes))]
    public void TheHost_NestedNamespaces_SharedMemory_AndABigTmp_AreOutOfReach(Isolation isolation)
    {
        string repository = RepositoryRoot.Find();
        var (code, output) = Run(isolation, $"""
            test -e '{repository}' && echo "repository visible"
            test -e '{_work.FullName}' && echo "work visible"
            unshare -U true 2>/dev/null && echo "user namespace made"
            unshare -m true 2>/dev/null && echo "mount namespace made"
            (echo x > /dev/shm/x) 2>/dev/null && echo "shm written"
            head -c 100000000 /dev/zero > /tmp/big 2>/dev/null && echo "100 MB in /tmp"
            ls /proc | grep -c '^[0-9]' | sed 's/^/processes /'
            echo done
            """);
        Assert.Equal(0, code);
        Assert.DoesNotContain("visible", output);
        Assert.DoesNotContain("made", output);
        Assert.DoesNotContain("shm written", output);
        Assert.DoesNotContain("100 MB", output);
        // Its own PID namespace: bubblewrap's init, the shell and its pipeline, never the judge's processes.
        int processes = int.Parse(output.Split('\n').Single(line => line.StartsWith("processes", StringComparison.Ordinal))["processes ".Length..]);
        Assert.InRange(processes, 2, 6);
        Assert.Contains("done", output);
    }

    [SkippableTheory]
    [MemberData(nameof(Modes))]
    public void AProcessOverTheHardLimit_IsKilledByTheKernel_WhereACgroupExists(Isolation isolation)
    {
        SandboxRequired.Here();
        using var probe = new Sandbox(_work.FullName, _work.FullName, 64L << 20, isolation);
        if (probe.Memory == MemoryBound.ResidentSetWatch)
        {
            Assert.Contains("ResidentSetWatch", probe.Describe());
            return; // no cgroup here: the judge's watch bounds memory (the hidden-memory sample covers the ways around it)
        }
        // 300 MB in a shell variable, against a cap of 64 MiB (the kernel's limit is 1.5 times that).
        var (code, output) = Run(isolation, "x=$(head -c 300000000 /dev/zero | tr '\\0' a); echo survived ${#x}", memoryLimit: 64L << 20);
        Assert.NotEqual(0, code);
        Assert.DoesNotContain("survived", output);
    }

    public void Dispose() => _work.Delete(recursive: true);
}
