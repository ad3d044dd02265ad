namespace Rl.Plots;

/// <summary>
/// Argument checks of <see cref="Plot"/>, made before anything is drawn. Each failure is an
/// <see cref="ArgumentException"/> whose ParamName is the offending parameter of the Plot method and
/// whose message names the entry and the rule it broke.
/// </summary>
internal static class Guard
{
    /// <summary>At least one element, none of them null.</summary>
    public static void NotEmpty<T>(T[]? items, string name, string what)
    {
        ArgumentNullException.ThrowIfNull(items, name);
        if (items.Length == 0) throw new ArgumentException($"{name} must hold at least one {what}.", name);
        for (int i = 0; i < items.Length; i++)
            if (items[i] is null) throw new ArgumentNullException(name, $"{name}[{i}] is null.");
    }

    /// <summary>A non-null, non-empty array of numbers, labelled <paramref name="entry"/> in messages.</summary>
    public static void Values(double[]? values, string entry, string name)
    {
        if (values is null) throw new ArgumentNullException(name, $"{entry} is null.");
        if (values.Length == 0) throw new ArgumentException($"{entry} is empty; it needs at least one value.", name);
    }

    /// <summary>Every value finite.</summary>
    public static void Finite(double[] values, string entry, string name)
    {
        for (int i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i]))
                throw new ArgumentException($"{entry}[{i}] is {values[i]}; every value must be finite.", name);
    }

    /// <summary>Every value strictly positive (a logarithmic axis has no place for the rest).</summary>
    public static void Positive(double[] values, string entry, string name, bool gapsAllowed)
    {
        for (int i = 0; i < values.Length; i++)
            if (!(values[i] > 0) && !(gapsAllowed && !double.IsFinite(values[i])))
                throw new ArgumentException($"{entry}[{i}] is {values[i]}; on a logarithmic axis every value must be positive.", name);
    }

    /// <summary>A length that must equal <paramref name="expected"/>, with the reason.</summary>
    public static void Length(int actual, int expected, string entry, string name, string rule)
    {
        if (actual != expected)
            throw new ArgumentException($"{entry} has length {actual} but must have length {expected} ({rule}).", name);
    }

    /// <summary>A legend name or label that is not null.</summary>
    public static void Name(string? text, string entry, string name)
    {
        if (text is null) throw new ArgumentNullException(name, $"{entry} is null.");
    }
}
