using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Rl.Notebooks.Execution;

/// <summary>
/// The compile-time references every cell gets: all assemblies of the running .NET shared framework,
/// as the C# kernel offers them (Roslyn's own script defaults lack System.Linq and friends). Read once
/// per process: creating the references takes a few hundred milliseconds.
/// </summary>
internal static class FrameworkReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> All = new(Create);

    public static ImmutableArray<MetadataReference> Get() => All.Value;

    private static ImmutableArray<MetadataReference> Create()
    {
        string framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string trusted = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "";
        return [.. trusted.Split(Path.PathSeparator)
            .Where(path => Path.GetDirectoryName(path) == framework)
            .Order(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))];
    }
}
