using System.Security.Cryptography;
using System.Text;

namespace Rl.Grading.Release;

/// <summary>
/// A classic Visual Studio solution file (.sln, format 12.00) over a set of C# projects, written
/// deterministically: each project's GUID is derived from its path, so the same projects give the same
/// bytes on every machine and every run (what `dotnet new sln` + `dotnet sln add` would write, minus
/// the random GUIDs and the solution folders).
/// </summary>
public static class SolutionFile
{
    /// <summary>The project type GUID of a C# project.</summary>
    private const string CSharpProject = "FAE04EC0-301F-11D3-BF4B-00C04F79EFBC";
    private static readonly string[] Configurations = ["Debug|Any CPU", "Release|Any CPU"];

    /// <summary>The solution's text for <paramref name="projectPaths"/>: .csproj paths relative to the solution's folder, '/' separators.</summary>
    /// <exception cref="ArgumentException">A path is not a .csproj.</exception>
    public static string Text(IEnumerable<string> projectPaths)
    {
        var projects = projectPaths.Order(StringComparer.Ordinal).Select(path =>
        {
            if (!path.EndsWith(".csproj", StringComparison.Ordinal))
                throw new ArgumentException($"projectPaths: {path} is not a .csproj; a solution lists C# projects only.", nameof(projectPaths));
            return (Name: Path.GetFileNameWithoutExtension(path), Path: path.Replace('/', '\\'), Guid: GuidOf(path));
        }).ToList();
        var text = new StringBuilder();
        text.Append("\nMicrosoft Visual Studio Solution File, Format Version 12.00\n# Visual Studio Version 17\n")
            .Append("VisualStudioVersion = 17.0.31903.59\nMinimumVisualStudioVersion = 10.0.40219.1\n");
        foreach (var project in projects)
            text.Append($"Project(\"{{{CSharpProject}}}\") = \"{project.Name}\", \"{project.Path}\", \"{{{project.Guid}}}\"\nEndProject\n");
        text.Append("Global\n\tGlobalSection(SolutionConfigurationPlatforms) = preSolution\n");
        foreach (string configuration in Configurations) text.Append($"\t\t{configuration} = {configuration}\n");
        text.Append("\tEndGlobalSection\n\tGlobalSection(ProjectConfigurationPlatforms) = postSolution\n");
        foreach (var project in projects)
            foreach (string configuration in Configurations)
                text.Append($"\t\t{{{project.Guid}}}.{configuration}.ActiveCfg = {configuration}\n")
                    .Append($"\t\t{{{project.Guid}}}.{configuration}.Build.0 = {configuration}\n");
        text.Append("\tEndGlobalSection\n\tGlobalSection(SolutionProperties) = preSolution\n\t\tHideSolutionNode = FALSE\n\tEndGlobalSection\nEndGlobal\n");
        return text.ToString();
    }

    /// <summary>A GUID from the first 16 bytes of SHA-256 of the path, upper case as Visual Studio writes them.</summary>
    private static string GuidOf(string path) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(path)).AsSpan(0, 16)).ToString("D").ToUpperInvariant();
}
