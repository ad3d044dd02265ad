using Rl.Grading.Release;
using Rl.Notebooks.Execution;
using Rl.Notebooks.Export;
using Rl.Notebooks.Format;

namespace Rl.Cli;

/// <summary>
/// The student release's lecture pages (<see cref="LecturePage"/>): each released notebook executed by
/// the kit's runner with the reference library (this process's Rl.dll) and exported as a self-contained
/// HTML page, printing a line per notebook.
/// </summary>
internal static class LecturePages
{
    public static LecturePage Create()
    {
        var scripts = NotebookScripts.Find();
        var runner = new NotebookRunner(new NotebookRunnerOptions());
        return (path, json) =>
        {
            var result = runner.Run(Notebook.Parse(json, path));
            if (result.Error is { } error)
                throw new InvalidOperationException($"{Path.GetFileName(path)} failed with the reference library, so its page would show an error: {error.Value}");
            Console.WriteLine($"  {Path.GetFileName(path)} executed with the reference in {result.Elapsed.TotalSeconds:F1} s");
            return HtmlPage.Render(result, scripts);
        };
    }
}
