using Rl.Grading.Judge;
using TestSupport;

namespace Rl.Grading.Tests;

/// <summary>
/// The judge's sandbox (<see cref="Sandbox.Detect"/>: bubblewrap, on Linux), which every test that runs student code
/// needs: where it cannot be made such a test is skipped with the judge's own reason (see <see cref="Prerequisite"/>).
/// </summary>
internal static class SandboxRequired
{
    private static readonly Lazy<(Isolation? Mode, string? Missing)> Detected = new(() =>
    {
        try { return (Sandbox.Detect(), null); }
        catch (SandboxUnavailableException e) { return (null, e.Message); }
    });

    /// <summary>The isolation mode detected here, or null where there is no sandbox.</summary>
    public static Isolation? Mode => Detected.Value.Mode;

    /// <summary>Skips the calling test (fails it in CI) where there is no sandbox.</summary>
    public static void Here()
    {
        if (Detected.Value.Missing is string reason) throw Prerequisite.Missing(reason);
    }
}
