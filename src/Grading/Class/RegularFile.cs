using System.Runtime.InteropServices;

namespace Rl.Grading.Class;

/// <summary>
/// Whether a path is a regular file, by lstat rather than by .NET's attributes (which call a FIFO or a
/// socket "Normal", and opening a FIFO blocks until someone writes to it). Linux's statx(2), not
/// following links: its struct has the same layout on every architecture, unlike stat's.
/// </summary>
internal static class RegularFile
{
    private const int AtFdCwd = -100, AtSymlinkNoFollow = 0x100, StatxType = 0x1;
    private const int ModeOffset = 28, TypeMask = 0xF000, Regular = 0x8000;

    /// <summary>True when <paramref name="path"/> is a regular file itself (not a link to one).</summary>
    public static bool Is(string path)
    {
        if (!OperatingSystem.IsLinux())
            return new FileInfo(path) is { Exists: true } file && file.LinkTarget is null;
        var buffer = new byte[256];
        if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType, buffer) != 0) return false;
        return (BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask) == Regular;
    }

    [DllImport("libc", EntryPoint = "statx", CharSet = CharSet.Ansi, SetLastError = true)]
    private static extern int Statx(int directory, string path, int flags, uint mask, [Out] byte[] buffer);
}
