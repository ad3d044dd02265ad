namespace Notebooks.Tests;

/// <summary>
/// Kernel directives: <c>#r "path.dll"</c> resolves against the notebook's folder and the DLL's own
/// dependencies load from beside it; <c>#!csharp</c> is accepted; NuGet and other magics are rejected.
/// </summary>
public class DirectiveTests
{
    [Fact]
    public void HashR_WithARelativePath_LoadsTheBuiltLibrary()
    {
        using var notebook = new TestNotebook(folder =>
        [
            $"#!csharp\n#r \"{Path.GetRelativePath(folder, Repository.RlDll)}\"\nusing Rl.Advantages;",
            "Gae.Compute([1.0, 1.0], [0.0, 0.0, 0.0], gamma: 0.5, lambda: 1.0)",
        ]);
        var result = notebook.Run();
        Assert.True(result.Succeeded, result.Error?.Value);
        Assert.Equal("[ 1.5, 1 ]", CellStateTests.Plain(result.Cells[1]));
    }

    [Fact]
    public void HashR_LoadsTheLibrarysDependencies_FromBesideIt()
    {
        using var notebook = new TestNotebook("#r \"lib/Greeter.dll\"", "Greetings.Greeter.Greet()");
        string lib = Directory.CreateDirectory(Path.Combine(notebook.Folder, "lib")).FullName;
        string dependency = CompiledLibrary.Emit(lib, "GreeterDependency",
            "namespace Greetings; public static class Words { public static string Hello => \"hello from a dependency\"; }");
        CompiledLibrary.Emit(lib, "Greeter",
            "namespace Greetings; public static class Greeter { public static string Greet() => Words.Hello + \"!\"; }", dependency);
        var result = notebook.Run();
        Assert.True(result.Succeeded, result.Error?.Value);
        Assert.Equal("hello from a dependency!", CellStateTests.Plain(result.Cells[1]));
    }

    [Fact]
    public void HashR_ToAMissingFile_NamesCellLineAndTheResolvedPath()
    {
        using var notebook = new TestNotebook("int x = 1;\n#r \"../nowhere/Missing.dll\"");
        var error = notebook.Run().Error!;
        Assert.Equal("MissingReference", error.Name);
        Assert.StartsWith($"cell 1 (id 'cell-1'), line 2: #r: '{Path.GetFullPath(Path.Combine(notebook.Folder, "../nowhere/Missing.dll"))}' does not exist", error.Value);
        Assert.Contains("dotnet build", error.Value);
    }

    [Theory]
    [InlineData("#r \"nuget: MathNet.Numerics, 5.0.0\"", "restores no NuGet packages")]
    [InlineData("#!fsharp", "magic command '#!fsharp' is not supported")]
    [InlineData("#!time", "magic command '#!time' is not supported")]
    [InlineData("#i \"nuget: https://example.org/feed\"", "adds no package sources")]
    public void UnsupportedMagic_IsRejected_NamingCellAndLine(string magic, string message)
    {
        using var notebook = new TestNotebook("int before = 1;", $"// a comment\n{magic}\nbefore");
        var result = notebook.Run();
        Assert.Equal("UnsupportedMagic", result.Error!.Name);
        Assert.StartsWith("cell 2 (id 'cell-2'), line 2: ", result.Error.Value);
        Assert.Contains(message, result.Error.Value);
    }
}
