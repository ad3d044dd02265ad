using Microsoft.CodeAnalysis;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace Kernel.Tests;

/// <summary>One submitted cell and every event the kernel sent for it, up to its CommandSucceeded or CommandFailed.</summary>
internal sealed record CellRun(string Code, TimeSpan Elapsed, IReadOnlyList<KernelEvent> Events)
{
    public bool Succeeded => Events[^1] is CommandSucceeded;

    /// <summary>
    /// What a reader would see as an error under the cell: the failure, an ErrorProduced, anything written
    /// to stderr, an error diagnostic.
    /// </summary>
    public IEnumerable<string> Errors => Events.SelectMany(e => e switch
    {
        CommandFailed failed => [$"CommandFailed: {failed.Message}"],
        ErrorProduced error => [$"ErrorProduced: {error.Message}"],
        StandardErrorValueProduced stderr => stderr.FormattedValues.Select(v => $"stderr: {v.Value}"),
        DiagnosticsProduced diagnostics => diagnostics.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => $"error {d.Code}: {d.Message}"),
        _ => [],
    });

    /// <summary>The compiler's warnings (the squiggles VS Code draws in the cell).</summary>
    public IEnumerable<string> Warnings => Events.OfType<DiagnosticsProduced>().SelectMany(d => d.Diagnostics)
        .Where(d => d.Severity == DiagnosticSeverity.Warning).Select(d => $"warning {d.Code}: {d.Message}");

    /// <summary>
    /// The kit's charts among the cell's outputs: each displayed or returned value whose "text/html" form is a
    /// Plotly chart (Rl.Plots's ChartFormatter writes a div and a script that calls Plotly.newPlot on it).
    /// </summary>
    public IEnumerable<string> Charts => Events
        .Where(e => e is DisplayedValueProduced or ReturnValueProduced)
        .SelectMany(e => ((DisplayEvent)e).FormattedValues)
        .Where(v => v.MimeType == HtmlFormatter.MimeType && v.Value.Contains("Plotly.newPlot(", StringComparison.Ordinal))
        .Select(v => v.Value);
}
