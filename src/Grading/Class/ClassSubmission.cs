namespace Rl.Grading.Class;

/// <summary>One submission of a class.</summary>
/// <param name="Id">Its folder's (or zip's) name without .zip: unique in the class, and the name of its results folder.</param>
/// <param name="Path">The folder or the .zip.</param>
/// <param name="Submitters">Who handed it in, from Gradescope's metadata; empty when there is none.</param>
public sealed record ClassSubmission(string Id, string Path, IReadOnlyList<Submitter> Submitters)
{
    /// <summary>Who it is, for a table: the submitters' names, else the id.</summary>
    public string Student => Submitters.Count == 0 ? Id : string.Join(" & ", Submitters.Select(s => s.Name));

    /// <summary>
    /// The submissions in <paramref name="folder"/>: in Gradescope's export layout
    /// (<see cref="GradescopeExport"/>), each submission folder named with its submitters; otherwise
    /// every folder and every .zip directly inside. Dot files, __MACOSX and symbolic links are left out;
    /// sorted by id.
    /// </summary>
    /// <exception cref="InvalidDataException">Two entries would share an id (a folder x and x.zip).</exception>
    public static IReadOnlyList<ClassSubmission> Find(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        string root = GradescopeExport.FindRoot(folder) ?? folder;
        string metadata = System.IO.Path.Combine(root, GradescopeExport.MetadataFile);
        var submitters = File.Exists(metadata) ? GradescopeExport.Read(metadata) : new Dictionary<string, IReadOnlyList<Submitter>>();
        var found = new Dictionary<string, ClassSubmission>(StringComparer.Ordinal);
        foreach (var entry in new DirectoryInfo(root).EnumerateFileSystemInfos())
        {
            if (GradescopeExport.Hidden(entry.Name) || entry.Attributes.HasFlag(FileAttributes.ReparsePoint)) continue;
            bool zip = entry is FileInfo && SubmissionInput.IsZip(entry.FullName);
            if (entry is not DirectoryInfo && !zip) continue;
            string id = zip ? System.IO.Path.GetFileNameWithoutExtension(entry.Name) : entry.Name;
            if (found.ContainsKey(id)) throw new InvalidDataException($"{root} holds two submissions named {id} (a folder and a .zip?); keep one.");
            found[id] = new ClassSubmission(id, entry.FullName, submitters.TryGetValue(id, out var who) ? who : submitters.TryGetValue(entry.Name, out who) ? who : []);
        }
        return [.. found.Values.OrderBy(s => s.Id, StringComparer.Ordinal)];
    }
}
