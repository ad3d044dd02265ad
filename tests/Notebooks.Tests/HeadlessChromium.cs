namespace Notebooks.Tests;

/// <summary>
/// Debian's chromium, headless, as root in a container: no sandbox, no GPU, a fresh profile each
/// time, and no network at all (every host name fails to resolve), so a page that works here works offline.
/// </summary>
internal static class HeadlessChromium
{
    private static readonly string[] Names = ["chromium", "chromium-browser"];

    /// <summary>The chromium executable on PATH, or null.</summary>
    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .SelectMany(folder => Names.Select(name => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);

    /// <summary>The page's DOM once its scripts have run (MathJax typesets asynchronously).</summary>
    public static string DumpDom(string chromium, string page) => Run(chromium, page, "--dump-dom").Output;

    /// <summary>Saves a screenshot of <paramref name="page"/> as PNG.</summary>
    public static void Screenshot(string chromium, string page, string png) => Run(chromium, page, $"--screenshot={png}", "--window-size=1200,1800");

    private static (string Output, string Error) Run(string chromium, string page, params string[] arguments)
    {
        string profile = Directory.CreateTempSubdirectory("rl-chromium-profile-").FullName;
        try
        {
            var (exitCode, output, error) = TestSupport.ChildProcess.Run(chromium, [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", $"--user-data-dir={profile}", "--host-resolver-rules=MAP * ~NOTFOUND",
                "--virtual-time-budget=15000", .. arguments, new Uri(page).AbsoluteUri], TimeSpan.FromSeconds(90));
            if (exitCode != 0) throw new InvalidOperationException($"chromium exited with {exitCode}: {error}");
            return (output, error);
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
