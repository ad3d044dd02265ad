using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Rl.Grading.Class;

/// <summary>Who handed a submission in (one for a solo submission, several for a group).</summary>
/// <param name="Name">As the course roster has it.</param>
/// <param name="Sid">The student id; empty when unknown.</param>
/// <param name="Email">Empty when unknown.</param>
public sealed record Submitter(string Name, string Sid, string Email);

/// <summary>
/// Gradescope's "Export Submissions" layout: a folder holding <c>submission_metadata.yml</c> and one
/// folder per submission (<c>submission_123456/</c>, the student's files inside). The metadata maps
/// each folder's name to its submitters:
/// <code>
/// submission_123456:
///   :submitters:
///   - :name: Ada Lovelace
///     :sid: '1815'
///     :email: ada@example.edu
///   :created_at: 2026-12-01 10:00:00 -0800
/// </code>
/// (Ruby's YAML, symbols as keys.) Read with YamlDotNet's representation model: only mappings,
/// sequences and scalars, no types or objects built from the file's tags.
/// </summary>
public static class GradescopeExport
{
    /// <summary>The metadata file's name.</summary>
    public const string MetadataFile = "submission_metadata.yml";

    /// <summary>Largest metadata file read (a class of thousands is a few MB).</summary>
    public const long MaxMetadataBytes = 64L << 20;

    /// <summary>The folder under <paramref name="folder"/> (itself, or one level of single subfolders down) holding the metadata, or null.</summary>
    public static string? FindRoot(string folder)
    {
        for (int depth = 0; depth < 3; depth++)
        {
            if (File.Exists(Path.Combine(folder, MetadataFile))) return folder;
            var children = Directory.GetDirectories(folder).Where(d => !Hidden(Path.GetFileName(d))).ToArray();
            if (children.Length != 1 || Directory.GetFiles(folder).Any(f => !Hidden(Path.GetFileName(f)))) return null;
            folder = children[0];
        }
        return null;
    }

    /// <summary>Names that are not submissions: dot files and macOS's zip residue.</summary>
    public static bool Hidden(string name) => name.StartsWith('.') || name == "__MACOSX";

    /// <summary>Reads <paramref name="path"/>: each submission folder's name and its submitters.</summary>
    /// <exception cref="InvalidDataException">The file is too large or not the metadata's shape; the message says where.</exception>
    public static IReadOnlyDictionary<string, IReadOnlyList<Submitter>> Read(string path)
    {
        if (new FileInfo(path).Length > MaxMetadataBytes)
            throw new InvalidDataException($"{path} has more than {MaxMetadataBytes >> 20} MiB; it is not a Gradescope export's metadata.");
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"{path}: not valid YAML at line {e.Start.Line}: {e.Message}", e);
        }
        var result = new Dictionary<string, IReadOnlyList<Submitter>>(StringComparer.Ordinal);
        if (stream.Documents.Count == 0) return result;
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new InvalidDataException($"{path}: the top level is not a mapping of submission folders.");
        foreach (var (key, value) in root.Children)
        {
            if (key is not YamlScalarNode { Value: string folder }) continue;
            var submitters = new List<Submitter>();
            if (value is YamlMappingNode submission && Child(submission, ":submitters") is YamlSequenceNode list)
                foreach (var item in list.Children.OfType<YamlMappingNode>())
                    submitters.Add(new Submitter(Text(item, ":name"), Text(item, ":sid"), Text(item, ":email")));
            result[folder] = submitters;
        }
        return result;
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string Text(YamlMappingNode node, string key) => Child(node, key) is YamlScalarNode { Value: string value } ? value : "";
}
