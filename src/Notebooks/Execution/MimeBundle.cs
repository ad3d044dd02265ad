using Microsoft.DotNet.Interactive.Formatting;

namespace Rl.Notebooks.Execution;

/// <summary>
/// A value as Jupyter shows it: its representations by MIME type, formatted with the C# kernel's
/// formatter registry (Microsoft.DotNet.Interactive.Formatting).
/// </summary>
/// <remarks>
/// "text/html" is included when a library registered an HTML formatter for the value's type, e.g.
/// <c>Formatter.Register&lt;ChartHtml&gt;((chart, writer) =&gt; writer.Write(chart.Html), "text/html")</c>;
/// the registry's built-in HTML tables for arbitrary objects are left out, so plain values stay plain
/// text. "text/plain" is always there: the registry's plain text (<c>[ 1, 2, 3 ]</c> for an array),
/// or, for a type with its own HTML formatter, the type's <c>ToString()</c>, a short label instead of
/// a dump of the HTML.
/// </remarks>
internal static class MimeBundle
{
    public const string Plain = "text/plain";
    public const string Html = "text/html";

    public static IReadOnlyDictionary<string, string> Of(object? value)
    {
        if (value is null) return new Dictionary<string, string> { [Plain] = Formatter.NullString };
        if (!HasRegisteredHtmlFormatter(value.GetType())) return new Dictionary<string, string> { [Plain] = value.ToDisplayString(Plain) };
        return new Dictionary<string, string>
        {
            [Plain] = value.ToString() ?? "",
            [Html] = value.ToDisplayString(Html),
        };
    }

    private static bool HasRegisteredHtmlFormatter(Type type) =>
        Formatter.RegisteredFormatters(includeDefaults: false).Any(formatter => formatter.MimeType == Html && formatter.Type.IsAssignableFrom(type));
}
