namespace PpoGae.Tests;

/// <summary>Who sees a graded test's result on Gradescope, and when.</summary>
public enum GradedVisibility
{
    /// <summary>Always shown to the student.</summary>
    Visible,

    /// <summary>Never shown to the student.</summary>
    Hidden,

    /// <summary>Shown once the due date has passed.</summary>
    AfterDueDate,

    /// <summary>Shown once the grades are published.</summary>
    AfterPublished,
}

/// <summary>
/// A graded test: an xunit fact with its number (e.g. "3.2"), its points and its name, as the
/// autograder reports it. Points of all tests that are not extra credit sum to 100.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class GradedAttribute : FactAttribute
{
    /// <summary>Test <paramref name="number"/>, worth <paramref name="points"/>, called <paramref name="name"/>.</summary>
    public GradedAttribute(string number, double points, string name)
    {
        Number = number;
        Points = points;
        Name = name;
        DisplayName = $"{number} {name} ({points} pts)";
    }

    /// <summary>Task and test, "task.test".</summary>
    public string Number { get; }

    /// <summary>The points the test is worth.</summary>
    public double Points { get; }

    /// <summary>What the test checks, in a few words.</summary>
    public string Name { get; }

    /// <summary>Who sees the result; visible by default.</summary>
    public GradedVisibility Visibility { get; init; } = GradedVisibility.Visible;

    /// <summary>Extra credit: its points come on top of the 100.</summary>
    public bool ExtraCredit { get; init; }
}
