using System.Runtime.InteropServices;
using System.Text;

namespace Rl.Grading.Tests.Samples;

/// <summary>
/// Makes the special files a hostile submission may hold (git cannot carry them): named pipes, and
/// Unix sockets that stay on disk (bound with libc and closed, where .NET would unlink the file when
/// its socket is disposed).
/// </summary>
internal static class SpecialFileMaker
{
    /// <summary>A named pipe at <paramref name="path"/>, replacing a file there; nobody ever writes to it.</summary>
    public static void Fifo(string path)
    {
        File.Delete(path);
        if (MkFifo(path, 0b110_110_110) != 0) throw new IOException($"mkfifo {path} failed (errno {Marshal.GetLastPInvokeError()}).");
    }

    /// <summary>A Unix socket file at <paramref name="path"/>, replacing a file there.</summary>
    public static void Socket(string path)
    {
        File.Delete(path);
        byte[] name = Encoding.UTF8.GetBytes(path);
        if (name.Length >= 108) throw new PathTooLongException($"{path}: a Unix socket path has at most 107 bytes.");
        var address = new byte[110]; // struct sockaddr_un: sa_family_t (AF_UNIX = 1), then the path, NUL-terminated
        BitConverter.GetBytes((ushort)1).CopyTo(address, 0);
        name.CopyTo(address, 2);
        int socket = SocketCall(1, 1, 0); // AF_UNIX, SOCK_STREAM
        if (socket < 0) throw new IOException($"socket failed (errno {Marshal.GetLastPInvokeError()}).");
        try
        {
            if (Bind(socket, address, address.Length) != 0) throw new IOException($"bind {path} failed (errno {Marshal.GetLastPInvokeError()}).");
        }
        finally
        {
            Close(socket);
        }
    }

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MkFifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int mode);

    [DllImport("libc", EntryPoint = "socket", SetLastError = true)]
    private static extern int SocketCall(int domain, int type, int protocol);

    [DllImport("libc", EntryPoint = "bind", SetLastError = true)]
    private static extern int Bind(int socket, byte[] address, int length);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
