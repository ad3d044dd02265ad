using System.Globalization;

namespace PpoGae.Tests;

/// <summary>
/// A known wrong answer: what a submission with a likely mistake would return on the test's own
/// input, computed in the test. When a result misses the expected value but matches a mistake,
/// the failure message names that mistake.
/// </summary>
/// <param name="Description">The mistake, in a few words ("the policy loss has the wrong sign").</param>
/// <param name="Values">What it would return: one number for a scalar, else the whole array.</param>
public sealed record Mistake(string Description, double[] Values)
{
    /// <summary>A mistake in a scalar result.</summary>
    public Mistake(string description, double value) : this(description, [value]) { }
}

/// <summary>
/// The graded tests' comparisons. A number passes when
/// <c>|actual - expected| &lt;= 1e-9 max(1, |expected|)</c>; a failure says what was compared, at
/// which index, both numbers and the tolerance, and "Likely mistake: ..." when the result matches
/// a known wrong answer. Messages are capped at <see cref="MaxMessage"/> characters and never list
/// a test's input.
/// </summary>
public static class Expect
{
    /// <summary>Relative-or-absolute tolerance of every exact check.</summary>
    public const double Tolerance = 1e-9;

    /// <summary>
    /// Tolerance for recognising a mistake: looser than <see cref="Tolerance"/>, since a wrong
    /// implementation may also sum in another order.
    /// </summary>
    public const double MistakeTolerance = 1e-7;

    /// <summary>Longest failure message.</summary>
    public const int MaxMessage = 600;

    /// <summary>Whether <paramref name="actual"/> is within <paramref name="tolerance"/> of <paramref name="expected"/> (NaN never is).</summary>
    public static bool Close(double actual, double expected, double tolerance = Tolerance) =>
        actual.Equals(expected) || Math.Abs(actual - expected) <= tolerance * Math.Max(1.0, Math.Abs(expected));

    /// <summary>Whether every entry is close; false when the lengths differ.</summary>
    public static bool Close(double[] actual, double[] expected, double tolerance = Tolerance)
    {
        if (actual.Length != expected.Length) return false;
        for (int i = 0; i < actual.Length; i++)
            if (!Close(actual[i], expected[i], tolerance)) return false;
        return true;
    }

    /// <summary>Fails unless the scalar <paramref name="what"/> is within tolerance of <paramref name="expected"/>.</summary>
    public static void Near(double actual, double expected, string what, params Mistake[] mistakes)
    {
        if (Close(actual, expected)) return;
        Fail($"{what} is {Show(actual)}, expected {Show(expected)} (tolerance 1e-9, relative or absolute).",
            [actual], [expected], mistakes);
    }

    /// <summary>Fails unless the array <paramref name="what"/> has <paramref name="expected"/>'s length and every entry is within tolerance.</summary>
    public static void Near(double[]? actual, double[] expected, string what, params Mistake[] mistakes)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (actual is null) Assert.Fail(Cap($"{what} is null, expected an array of {expected.Length}."));
        if (actual.Length != expected.Length)
            Assert.Fail(Cap($"{what} has {actual.Length} entries, expected {expected.Length}."));
        for (int i = 0; i < actual.Length; i++)
        {
            if (Close(actual[i], expected[i])) continue;
            int wrong = actual.Where((a, j) => !Close(a, expected[j])).Count();
            Fail($"{what}[{i}] is {Show(actual[i])}, expected {Show(expected[i])} (tolerance 1e-9, relative or absolute; " +
                $"{wrong} of {actual.Length} entries differ).", actual, expected, mistakes);
        }
    }

    /// <summary>Fails with <paramref name="message"/> (capped) unless <paramref name="condition"/> holds.</summary>
    public static void That(bool condition, string message)
    {
        if (!condition) Assert.Fail(Cap(message));
    }

    /// <summary>A number as the messages show it: shortest round-trip form.</summary>
    public static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The mistakes that <paramref name="actual"/> matches (and the expected answer does not).</summary>
    public static IEnumerable<string> Matching(double[] actual, double[] expected, IEnumerable<Mistake> mistakes) =>
        mistakes.Where(m => Close(actual, m.Values, MistakeTolerance) && !Close(expected, m.Values, MistakeTolerance))
            .Select(m => m.Description);

    /// <summary><paramref name="message"/> cut to <see cref="MaxMessage"/> characters.</summary>
    public static string Cap(string message) =>
        message.Length <= MaxMessage ? message : message[..(MaxMessage - 4)] + " ...";

    private static void Fail(string message, double[] actual, double[] expected, Mistake[] mistakes)
    {
        var likely = Matching(actual, expected, mistakes).ToList();
        if (likely.Count > 0) message += " Likely mistake: " + string.Join("; or ", likely) + ".";
        Assert.Fail(Cap(message));
    }
}
