namespace Rl.Grading.Judge;

/// <summary>What to grade, where the results go, and the limits the student's code runs under.</summary>
/// <param name="SubmissionDirectory">The student's files; only the allowed files are read from it.</param>
/// <param name="OutputPath">Where results.json is written (once, atomically).</param>
public sealed record GradingOptions(string SubmissionDirectory, string OutputPath)
{
    /// <summary>The kit's repository (reference, release sources, graded tests); default: found from the judge's folder.</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>Longest one worker call may take.</summary>
    public TimeSpan CallLimit { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Longest one graded test may take, its calls and the judge's own work together (a watchdog
    /// stops it there): the end-to-end training test makes thousands of calls.
    /// </summary>
    public TimeSpan TestLimit { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest the whole grading may take; tests not started by then fail with that reason.</summary>
    public TimeSpan TotalLimit { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The worker's memory cap (resident set of all its processes); its GC heap is capped at half.</summary>
    public long MemoryLimitBytes { get; init; } = 1L << 30;

    /// <summary>Rejects limits that are not positive.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(SubmissionDirectory, nameof(SubmissionDirectory));
        ArgumentException.ThrowIfNullOrWhiteSpace(OutputPath, nameof(OutputPath));
        Positive(CallLimit, nameof(CallLimit));
        Positive(TestLimit, nameof(TestLimit));
        Positive(TotalLimit, nameof(TotalLimit));
        if (MemoryLimitBytes < 64L << 20)
            throw new ArgumentOutOfRangeException(nameof(MemoryLimitBytes), MemoryLimitBytes, "MemoryLimitBytes must be at least 64 MiB: the .NET runtime alone needs about 30.");
        if (!Directory.Exists(SubmissionDirectory))
            throw new DirectoryNotFoundException($"SubmissionDirectory {SubmissionDirectory} does not exist.");
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive.");
    }
}
