namespace Rl.Plots.Backend;

/// <summary>A named list of numbers: a histogram's sample or a bar chart's group.</summary>
/// <param name="Name">Legend entry.</param>
/// <param name="Values">The numbers.</param>
public sealed record NamedValues(string Name, double[] Values);
