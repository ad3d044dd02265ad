using Rl.Notebooks.Execution;

namespace Rl.Notebooks.Export;

/// <summary>Writes a run's two products into a folder: the executed notebook and its HTML page.</summary>
public static class NotebookExport
{
    /// <summary>
    /// Writes <c>&lt;name&gt;.ipynb</c> (executed, outputs attached) and <c>&lt;name&gt;.html</c> into
    /// <paramref name="folder"/>, creating it if needed; returns both paths.
    /// </summary>
    public static (string Notebook, string Page) Write(NotebookResult result, string folder, ExportScripts scripts)
    {
        Directory.CreateDirectory(folder);
        string notebook = Path.Combine(folder, result.Notebook.Name + ".ipynb");
        string page = Path.Combine(folder, result.Notebook.Name + ".html");
        File.WriteAllText(notebook, ExecutedNotebook.ToJson(result, scripts));
        File.WriteAllText(page, HtmlPage.Render(result, scripts));
        return (notebook, page);
    }
}
