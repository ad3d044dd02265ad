using System.Runtime.InteropServices;

namespace Rl.Grading.Judge;

/// <summary>
/// The system calls the sandboxed processes may not make, as a classic BPF program for the kernel's
/// seccomp filter (bubblewrap's <c>--seccomp FD</c> loads it, with no_new_privs). Denied, with EPERM:
/// memory the resident set does not show (memfd_create, memfd_secret, System V shared memory and
/// message queues), new namespaces and mounts (unshare, setns, clone with a CLONE_NEW* flag, mount,
/// pivot_root, chroot, the new mount API), looking into other processes (ptrace,
/// process_vm_readv/writev), and kernel interfaces a worker never needs (bpf, perf_event_open,
/// userfaultfd, keyrings, io_uring, module and kexec loading). clone3 gets ENOSYS, so the C library
/// falls back to clone, whose flags a classic filter can read. Another architecture's system calls
/// (x32, i386 on x86-64) kill the process.
/// </summary>
internal static class SeccompFilter
{
    private const uint Allow = 0x7fff0000, KillProcess = 0x80000000, Errno = 0x00050000;
    private const uint EPERM = 1, ENOSYS = 38;

    /// <summary>CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWTIME.</summary>
    private const uint NewNamespaceFlags = 0x00020000 | 0x02000000 | 0x04000000 | 0x08000000 | 0x10000000 | 0x20000000 | 0x40000000 | 0x80;

    // BPF opcodes: load word at absolute offset, jumps on an immediate, return an immediate.
    private const ushort LoadAbsolute = 0x20, JumpEqual = 0x15, JumpGreaterOrEqual = 0x35, JumpSet = 0x45, Return = 0x06;

    // struct seccomp_data: int nr; u32 arch; u64 instruction_pointer; u64 args[6] (low word first on little-endian).
    private const uint NumberOffset = 0, ArchOffset = 4, FirstArgumentOffset = 16;

    private sealed record Table(uint AuditArch, uint CloneNumber, uint Clone3Number, uint[] Denied, uint? ForeignAbiFrom);

    /// <summary>x86-64 (AUDIT_ARCH_X86_64): system call numbers from arch/x86/entry/syscalls/syscall_64.tbl.</summary>
    private static readonly Table X64 = new(0xC000003E, CloneNumber: 56, Clone3Number: 435, Denied:
    [
        319, 447, 29, 30, 31,        // memfd_create, memfd_secret, shmget, shmat, shmctl
        68, 69, 70, 71,              // msgget, msgsnd, msgrcv, msgctl
        272, 308, 165, 166, 155, 161, // unshare, setns, mount, umount2, pivot_root, chroot
        428, 429, 430, 431, 432, 433, // open_tree, move_mount, fsopen, fsconfig, fsmount, fspick
        101, 310, 311,               // ptrace, process_vm_readv, process_vm_writev
        321, 298, 323,               // bpf, perf_event_open, userfaultfd
        248, 249, 250,               // add_key, request_key, keyctl
        425, 426, 427,               // io_uring_setup, io_uring_enter, io_uring_register
        246, 320, 175, 313,          // kexec_load, kexec_file_load, init_module, finit_module
    ], ForeignAbiFrom: 0x40000000); // x32 system calls carry this bit

    /// <summary>arm64 (AUDIT_ARCH_AARCH64): the generic table, include/uapi/asm-generic/unistd.h.</summary>
    private static readonly Table Arm64 = new(0xC00000B7, CloneNumber: 220, Clone3Number: 435, Denied:
    [
        279, 447, 194, 196, 195,     // memfd_create, memfd_secret, shmget, shmat, shmctl
        186, 189, 188, 187,          // msgget, msgsnd, msgrcv, msgctl
        97, 268, 40, 39, 41, 51,     // unshare, setns, mount, umount2, pivot_root, chroot
        428, 429, 430, 431, 432, 433, // open_tree, move_mount, fsopen, fsconfig, fsmount, fspick
        117, 270, 271,               // ptrace, process_vm_readv, process_vm_writev
        280, 241, 282,               // bpf, perf_event_open, userfaultfd
        217, 218, 219,               // add_key, request_key, keyctl
        425, 426, 427,               // io_uring_setup, io_uring_enter, io_uring_register
        104, 294, 105, 273,          // kexec_load, kexec_file_load, init_module, finit_module
    ], ForeignAbiFrom: null);

    /// <summary>Whether this machine's architecture has a filter.</summary>
    public static bool IsSupported => Native is not null;

    private static Table? Native => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => X64,
        Architecture.Arm64 => Arm64,
        _ => null,
    };

    /// <summary>The filter for this machine's architecture, as the bytes of a struct sock_filter array.</summary>
    public static byte[] Program()
    {
        var table = Native ?? throw new PlatformNotSupportedException($"No seccomp filter for {RuntimeInformation.ProcessArchitecture}.");
        var code = new List<(ushort Code, byte True, byte False, uint K)>();
        // Jumps name their targets, resolved once the program's length is known.
        var jumps = new List<(int At, string Target)>();
        void Jump(ushort op, uint k, string target) { jumps.Add((code.Count, target)); code.Add((op, 0, 0, k)); }

        code.Add((LoadAbsolute, 0, 0, ArchOffset));
        code.Add((JumpEqual, 1, 0, table.AuditArch));
        code.Add((Return, 0, 0, KillProcess));
        code.Add((LoadAbsolute, 0, 0, NumberOffset));
        if (table.ForeignAbiFrom is uint foreign) Jump(JumpGreaterOrEqual, foreign, "kill");
        foreach (uint number in table.Denied) Jump(JumpEqual, number, "deny");
        Jump(JumpEqual, table.Clone3Number, "nosys");
        Jump(JumpEqual, table.CloneNumber, "clone");
        var targets = new Dictionary<string, int> { ["allow"] = code.Count };
        code.Add((Return, 0, 0, Allow));
        targets["clone"] = code.Count;
        code.Add((LoadAbsolute, 0, 0, FirstArgumentOffset));
        Jump(JumpSet, NewNamespaceFlags, "deny");
        code.Add((Return, 0, 0, Allow));
        targets["deny"] = code.Count;
        code.Add((Return, 0, 0, Errno | EPERM));
        targets["nosys"] = code.Count;
        code.Add((Return, 0, 0, Errno | ENOSYS));
        targets["kill"] = code.Count;
        code.Add((Return, 0, 0, KillProcess));

        foreach (var (at, target) in jumps)
        {
            int offset = targets[target] - (at + 1);
            if (offset is < 0 or > byte.MaxValue) throw new InvalidOperationException($"seccomp jump of {offset} does not fit a byte.");
            code[at] = code[at] with { True = (byte)offset };
        }
        var bytes = new byte[code.Count * 8];
        for (int i = 0; i < code.Count; i++)
        {
            var (op, jt, jf, k) = code[i];
            BitConverter.TryWriteBytes(bytes.AsSpan(i * 8, 2), op);
            bytes[i * 8 + 2] = jt;
            bytes[i * 8 + 3] = jf;
            BitConverter.TryWriteBytes(bytes.AsSpan(i * 8 + 4, 4), k);
        }
        return bytes;
    }
}
