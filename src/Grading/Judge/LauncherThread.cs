using System.Collections.Concurrent;
using System.Diagnostics;

namespace Rl.Grading.Judge;

/// <summary>
/// Starts every sandboxed process from one thread that lives as long as the judge. bubblewrap's
/// --die-with-parent is PR_SET_PDEATHSIG, and Linux sends that signal when the <em>thread</em> that
/// forked the process ends, not the process: a worker started from a graded test's own thread would
/// be killed (SIGKILL, exit code 137) the moment that test ended. Started from here, a sandbox dies
/// with the judge and with nothing else.
/// </summary>
internal static class LauncherThread
{
    private static readonly BlockingCollection<(ProcessStartInfo Info, TaskCompletionSource<Process> Started)> Requests = new();

    static LauncherThread() =>
        new Thread(Serve) { IsBackground = true, Name = "sandbox launcher" }.Start();

    /// <summary><see cref="Process.Start(ProcessStartInfo)"/> on the launcher thread; its exception, if any, rethrown here.</summary>
    public static Process Start(ProcessStartInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        Requests.Add((info, started));
        return started.Task.GetAwaiter().GetResult();
    }

    private static void Serve()
    {
        foreach (var (info, started) in Requests.GetConsumingEnumerable())
        {
            try
            {
                started.SetResult(Process.Start(info) ?? throw new InvalidOperationException($"{info.FileName} could not be started."));
            }
            catch (Exception e)
            {
                started.SetException(e);
            }
        }
    }
}
