namespace TestSupport;

/// <summary>
/// For a test that needs what the .NET SDK does not bring: bubblewrap for the judge's sandbox, headless Chromium,
/// MathJax. Where it is missing the test is skipped with the reason and how to install it, so that `dotnet test`
/// passes on a machine with the SDK alone and its summary counts what it did not check; in CI (CI=true, as
/// .ci/run sets, after installing all three) a missing prerequisite fails the test instead. Linked into each test
/// project that needs it; such tests are [SkippableFact] or [SkippableTheory] (Xunit.SkippableFact).
/// </summary>
internal static class Prerequisite
{
    /// <summary>True in CI, where every test must run.</summary>
    private static bool InCi => Environment.GetEnvironmentVariable("CI") == "true";

    /// <summary>What to throw when a prerequisite is missing (<paramref name="reason"/>): a skip, or in CI a failure.</summary>
    public static Exception Missing(string reason) =>
        InCi ? Xunit.Sdk.FailException.ForFailure($"{reason} (CI runs every test)") : new SkipException(reason);
}
