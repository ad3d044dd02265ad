namespace Rl;

/// <summary>
/// Argument checks shared by the library. Each failure is an <see cref="ArgumentException"/> whose
/// ParamName is the offending parameter and whose message states the rule it broke.
/// </summary>
internal static class Guard
{
    /// <summary>A discount-like factor (gamma, lambda): a number in [0, 1].</summary>
    public static void UnitInterval(double value, string name)
    {
        if (!(value >= 0.0 && value <= 1.0)) // also rejects NaN
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [0, 1].");
    }

    /// <summary>A trajectory must have at least one step.</summary>
    public static void NotEmpty(ReadOnlySpan<double> values, string name)
    {
        if (values.IsEmpty) throw new ArgumentException($"{name} must not be empty (a trajectory has at least one step).", name);
    }

    /// <summary>Every entry finite: NaN and infinity would poison every estimate downstream.</summary>
    public static void Finite(ReadOnlySpan<double> values, string name)
    {
        for (int i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i]))
                throw new ArgumentException($"{name}[{i}] is {values[i]}; every entry must be finite.", name);
    }

    /// <summary>A finite scalar.</summary>
    public static void Finite(double value, string name)
    {
        if (!double.IsFinite(value)) throw new ArgumentException($"{name} is {value}; it must be finite.", name);
    }

    /// <summary>A span whose length must be <paramref name="expected"/>, with the reason.</summary>
    public static void Length(int actual, int expected, string name, string rule)
    {
        if (actual != expected)
            throw new ArgumentException($"{name} has length {actual} but must have length {expected} ({rule}).", name);
    }

    /// <summary>A count that must be at least <paramref name="minimum"/>.</summary>
    public static void AtLeast(int value, int minimum, string name)
    {
        if (value < minimum) throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least {minimum}.");
    }
}
