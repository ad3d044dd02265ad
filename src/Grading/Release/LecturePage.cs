namespace Rl.Grading.Release;

/// <summary>
/// One page of the lecture as the student release ships it: a notebook, with the code students write
/// left out (<see cref="NotebookRedaction"/>), executed with the reference library and exported as a
/// self-contained HTML page, so students can read every notebook, outputs and charts included, before
/// their own library runs it. The command line supplies it (it runs the kit's notebook runner).
/// </summary>
/// <param name="notebookPath">The notebook's full path in the repository: its <c>#r</c> paths resolve from its folder there.</param>
/// <param name="releasedJson">The notebook as the release ships it.</param>
/// <returns>The page's HTML.</returns>
/// <exception cref="InvalidOperationException">The notebook did not run through (the message names the cell).</exception>
public delegate string LecturePage(string notebookPath, string releasedJson);
