using System.Runtime.InteropServices;

namespace Rl.Grading.Judge;

/// <summary>What a path names, without following a symbolic link (lstat).</summary>
public enum FileKind
{
    /// <summary>Nothing is there.</summary>
    Missing,

    /// <summary>A regular file: the only kind the judge reads.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A symbolic link (never followed).</summary>
    SymbolicLink,

    /// <summary>A named pipe (FIFO): opening it to read would wait for a writer.</summary>
    Fifo,

    /// <summary>A character or block device, or a socket.</summary>
    Special,
}

/// <summary>
/// The kind and size of a path, read without following links and without opening it: on Linux by
/// the statx system call (whose layout is the same on every architecture), elsewhere from the
/// file system's attributes.
/// </summary>
public static class FileKinds
{
    /// <summary><paramref name="path"/>'s kind and, for a regular file, its size in bytes.</summary>
    public static (FileKind Kind, long Size) Of(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!OperatingSystem.IsLinux()) return Portable(path);
        var buffer = new byte[256]; // struct statx
        if (Statx(AtCurrentDirectory, path, AtSymlinkNoFollow, StatxType | StatxSize, buffer) != 0) return (FileKind.Missing, 0);
        int mode = MemoryMarshal.Read<ushort>(buffer.AsSpan(28));       // stx_mode
        long size = (long)MemoryMarshal.Read<ulong>(buffer.AsSpan(40));  // stx_size
        var kind = (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            0x1000 => FileKind.Fifo,
            _ => FileKind.Special,
        };
        return (kind, kind == FileKind.Regular ? size : 0);
    }

    private static (FileKind, long) Portable(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) return (Directory.Exists(path) ? FileKind.Directory : FileKind.Missing, 0);
        if (info.LinkTarget is not null) return (FileKind.SymbolicLink, 0);
        return (FileKind.Regular, info.Length);
    }

    private const int AtCurrentDirectory = -100, AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1, StatxSize = 0x200;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
