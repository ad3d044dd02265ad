using Microsoft.DotNet.Interactive.Formatting;
using Rl.Plots;

namespace Plots.Tests;

/// <summary>
/// The "text/html" formatter a notebook host uses. One collection, run alone: the formatter's
/// plotly.js-once state is process-wide.
/// </summary>
[Collection(nameof(FormatterTests))]
[CollectionDefinition(nameof(FormatterTests), DisableParallelization = true)]
public class FormatterTests
{
    private static readonly ChartHtml Chart = Plot.Lines("formatted", "x", "y", new Series("s", [1, 2], [0.375, 0.625]));

    [Fact]
    public void The_formatter_is_registered_and_the_first_chart_carries_plotly_js_once()
    {
        ChartFormatter.EmbedPlotlyJsOnce = true;
        ChartFormatter.ResetSession();
        string first = Formatter.ToDisplayString(Chart, HtmlFormatter.MimeType);
        string second = Formatter.ToDisplayString(Chart, HtmlFormatter.MimeType);

        Assert.Equal(1, Html.Count(first, Html.PlotlyJsBanner));
        Assert.StartsWith("<script type=\"text/javascript\">", first);
        Assert.EndsWith(Chart.Html, first);
        Assert.Equal(Chart.Html, second);
    }

    [Fact]
    public void A_host_whose_page_has_plotly_js_gets_bare_fragments()
    {
        ChartFormatter.EmbedPlotlyJsOnce = false;
        ChartFormatter.ResetSession();
        try
        {
            Assert.Equal(Chart.Html, Formatter.ToDisplayString(Chart, HtmlFormatter.MimeType));
        }
        finally
        {
            ChartFormatter.EmbedPlotlyJsOnce = true;
        }
    }

    [Fact]
    public void Registering_again_after_a_reset_of_the_formatters_restores_it()
    {
        ChartFormatter.EmbedPlotlyJsOnce = false;
        try
        {
            Formatter.ResetToDefault();
            Assert.NotEqual(Chart.Html, Formatter.ToDisplayString(Chart, HtmlFormatter.MimeType));
            ChartFormatter.Register();
            Assert.Equal(Chart.Html, Formatter.ToDisplayString(Chart, HtmlFormatter.MimeType));
        }
        finally
        {
            ChartFormatter.EmbedPlotlyJsOnce = true;
        }
    }
}
