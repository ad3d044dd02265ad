namespace TestSupport;

/// <summary>
/// The outer loop: tests that repeat, end to end and at a cost of many seconds each, what the rest of the
/// suite already checks by a shorter path (dotnet/runtime calls the same split "outer loop"). They run in
/// CI (CI=true, as .ci/run sets) and wherever RL_TESTS=all is set; elsewhere `dotnet test` skips them and
/// says so in its summary, which keeps the inner loop, the plain command, within about four minutes on two
/// cores. Linked into each test project that has such tests; they are [SkippableFact] or [SkippableTheory].
/// </summary>
internal static class OuterLoop
{
    /// <summary>The variable that runs the outer loop outside CI, and its value.</summary>
    public const string Variable = "RL_TESTS", All = "all";

    /// <summary>Whether this run includes the outer loop.</summary>
    public static bool Runs =>
        Environment.GetEnvironmentVariable("CI") == "true" || Environment.GetEnvironmentVariable(Variable) == All;

    /// <summary>Skips the calling test unless the outer loop <see cref="Runs"/>; <paramref name="why"/> says what it adds.</summary>
    public static void Required(string why)
    {
        if (!Runs) throw new SkipException($"outer loop ({why}): runs in CI and with {Variable}={All} dotnet test");
    }
}
