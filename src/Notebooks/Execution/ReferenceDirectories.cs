using System.Reflection;
using System.Runtime.Loader;

namespace Rl.Notebooks.Execution;

/// <summary>
/// Makes the dependencies next to a <c>#r</c>'d DLL load at run time. Every folder a notebook
/// <c>#r</c>'s from is remembered; when the default load context cannot find an assembly (it is not
/// part of the host application), <see cref="AssemblyLoadContext.Resolving"/> probes those folders
/// for <c>Name.dll</c> and loads it into the default context.
/// </summary>
/// <remarks>
/// Roslyn's script loader asks the default context first, so with this handler a <c>#r</c>'d library,
/// its dependencies and the host share one copy of each assembly: a formatter that Rl.Plots registers
/// with Microsoft.DotNet.Interactive.Formatting lands in the same registry the runner reads. An
/// assembly the host already has (Rl.dll when the command line runs a notebook) is used from the host.
/// </remarks>
internal static class ReferenceDirectories
{
    private static readonly List<string> Folders = [];

    static ReferenceDirectories() => AssemblyLoadContext.Default.Resolving += Resolve;

    /// <summary>Adds the folder of <paramref name="dllPath"/> to the folders probed.</summary>
    public static void Add(string dllPath)
    {
        string folder = Path.GetDirectoryName(dllPath)!;
        lock (Folders)
        {
            if (!Folders.Contains(folder)) Folders.Add(folder);
        }
    }

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        string[] folders;
        lock (Folders) folders = [.. Folders];
        foreach (string folder in folders)
        {
            string candidate = Path.Combine(folder, name.Name + ".dll");
            if (File.Exists(candidate)) return context.LoadFromAssemblyPath(candidate);
        }
        return null;
    }
}
