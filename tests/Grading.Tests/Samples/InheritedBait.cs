using System.Runtime.InteropServices;

namespace Rl.Grading.Tests.Samples;

/// <summary>
/// A host file the test process holds open without close-on-exec while it grades, as a shell or a
/// harness might hand the judge one: no sandboxed process may inherit it (the inherited-descriptors
/// sample looks for it), so it must hold its text unchanged afterwards.
/// </summary>
internal sealed class InheritedBait : IDisposable
{
    /// <summary>The bait's text; a sample that reads it throws it back, and "LEAKED" is forbidden in every output.</summary>
    public const string Text = "host file behind an inherited descriptor\n";

    private const int ReadWrite = 2; // O_RDWR, without O_CLOEXEC
    private readonly int _descriptor;

    /// <summary>Writes the bait to <paramref name="path"/> and opens it, inheritable.</summary>
    public InheritedBait(string path)
    {
        Path = path;
        File.WriteAllText(path, Text);
        _descriptor = Open(path, ReadWrite);
        if (_descriptor < 0) throw new IOException($"open({path}) failed with errno {Marshal.GetLastPInvokeError()}.");
    }

    /// <summary>The bait file.</summary>
    public string Path { get; }

    /// <summary>Closes the descriptor.</summary>
    public void Dispose() => Close(_descriptor);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int descriptor);
}
