namespace Kernel.Tests;

/// <summary>
/// What the notebook tests count as an error, a warning and a chart, checked on the real kernel's events:
/// cells that write to stderr, throw, do not compile, draw a warning, or succeed quietly.
/// </summary>
public class CellRunTests
{
    [Fact]
    public async Task The_kernels_events_are_read_as_errors_warnings_and_nothing_else()
    {
        await KernelRuns.ToolRestored;
        string folder = Directory.CreateTempSubdirectory("kernel-cells-").FullName;
        try
        {
            using var kernel = await StdioKernel.StartAsync(folder);

            var stderr = await kernel.SubmitAsync("Console.Error.Write(\"to stderr\");", "csharp");
            Assert.True(stderr.Succeeded);
            Assert.Equal(["stderr: to stderr"], stderr.Errors);

            var thrown = await kernel.SubmitAsync("throw new InvalidOperationException(\"claim broken\");", "csharp");
            Assert.False(thrown.Succeeded);
            Assert.Contains(thrown.Errors, e => e.StartsWith("CommandFailed: ", StringComparison.Ordinal) && e.Contains("claim broken", StringComparison.Ordinal));

            var uncompiled = await kernel.SubmitAsync("int n = \"s\";", "csharp");
            Assert.False(uncompiled.Succeeded);
            Assert.Contains(uncompiled.Errors, e => e.StartsWith("error CS0029: ", StringComparison.Ordinal));

            var warned = await kernel.SubmitAsync("string? s = null; s", "csharp");
            Assert.True(warned.Succeeded);
            Assert.Empty(warned.Errors);
            Assert.Contains(warned.Warnings, w => w.StartsWith("warning CS8632: ", StringComparison.Ordinal));

            var quiet = await kernel.SubmitAsync("1 + 1", "csharp");
            Assert.True(quiet.Succeeded);
            Assert.Empty(quiet.Errors);
            Assert.Empty(quiet.Warnings);
            Assert.Empty(quiet.Charts);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
