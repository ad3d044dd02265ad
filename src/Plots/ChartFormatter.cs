using System.Runtime.CompilerServices;
using Microsoft.DotNet.Interactive.Formatting;

namespace Rl.Plots;

/// <summary>
/// The "text/html" formatter for <see cref="ChartHtml"/> in Microsoft.DotNet.Interactive.Formatting, the
/// formatting library of the .NET Interactive kernel (VS Code's Polyglot Notebooks) and of the kit's
/// notebook runner. <see cref="ChartHtml"/>'s static constructor registers it, so it is in place before
/// the first chart exists: a notebook only needs <c>#r "Rl.Plots.dll"</c> and a call to <see cref="Plot"/>.
/// <para>
/// plotly.js: a notebook's outputs in VS Code share one page that has no plotly.js and no network, so
/// the first chart this process formats carries the whole plotly.js (about 3.6 MB) in a script before
/// its fragment, and later charts only their fragment. Restart the kernel (or call
/// <see cref="ResetSession"/>) if that first output was cleared and the page reloaded. A host whose page
/// already holds plotly.js (the runner's exported HTML) sets <see cref="EmbedPlotlyJsOnce"/> to false.
/// </para>
/// </summary>
public static class ChartFormatter
{
    private static int _plotlyJsEmitted;

    /// <summary>
    /// True (the default): the first chart formatted since start (or <see cref="ResetSession"/>) carries
    /// plotly.js inline. False: every chart is formatted as its bare fragment.
    /// </summary>
    public static bool EmbedPlotlyJsOnce { get; set; } = true;

    /// <summary>Makes the next formatted chart carry plotly.js again (a new page, e.g. the next notebook).</summary>
    public static void ResetSession() => Interlocked.Exchange(ref _plotlyJsEmitted, 0);

    /// <summary>
    /// Registers the formatter with the process's Microsoft.DotNet.Interactive.Formatting. A no-op where
    /// that assembly is absent (a plain program has no one to format for). Call it again after a host's
    /// <c>Formatter.ResetToDefault()</c>.
    /// </summary>
    public static void Register()
    {
        try
        {
            RegisterWithFormatting();
        }
        catch (IOException) // FileNotFoundException or FileLoadException for Microsoft.DotNet.Interactive.Formatting
        {
        }
    }

    /// <summary>What the formatter writes: the fragment, preceded by plotly.js the first time (see the class).</summary>
    internal static string Format(ChartHtml chart) =>
        EmbedPlotlyJsOnce && Interlocked.Exchange(ref _plotlyJsEmitted, 1) == 0
            ? $"<script type=\"text/javascript\">{PlotlyJs.Source}</script>{chart.Html}"
            : chart.Html;

    // Separate and not inlined so that a missing Formatting assembly fails at this call, inside the try.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RegisterWithFormatting() => Formatter.Register<ChartHtml>(Format, HtmlFormatter.MimeType);
}
