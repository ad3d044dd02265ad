using Rl.Plots;

namespace Plots.Tests;

/// <summary>Bad input fails before anything is drawn, with an ArgumentException naming the parameter and the entry.</summary>
public class ValidationTests
{
    private static readonly Series Good = new("s", [1, 2], [3, 4]);

    public static TheoryData<string, Action, string, string> Cases() => new()
    {
        { "no series", () => Plot.Lines("t", "x", "y"), "series", "at least one series" },
        { "null series entry", () => Plot.Lines("t", "x", "y", Good, null!), "series", "series[1] is null" },
        { "mismatched X/Y", () => Plot.Lines("t", "x", "y", new Series("m", [1, 2, 3], [1, 2])), "series", "series[0] (\"m\").Y has length 2 but must have length 3" },
        { "empty series", () => Plot.Lines("t", "x", "y", new Series("e", [], [])), "series", "series[0] (\"e\").X is empty" },
        { "null X", () => Plot.Lines("t", "x", "y", new Series("n", null!, [1])), "series", "series[0] (\"n\").X is null" },
        { "NaN in X", () => Plot.Lines("t", "x", "y", Good, new Series("nx", [1, double.NaN], [1, 2])), "series", "series[1] (\"nx\").X[1] is NaN" },
        { "null name", () => Plot.Lines("t", "x", "y", new Series(null!, [1], [1])), "series", "series[0].Name is null" },
        { "undefined style", () => Plot.Lines("t", "x", "y", new Series("u", [1], [1], (SeriesStyle)7)), "series", "Style is 7" },
        { "null title", () => Plot.Lines(null!, "x", "y", Good), "title", "" },
        { "null x title", () => Plot.Lines("t", null!, "y", Good), "xTitle", "" },
        { "log of zero x", () => Plot.LogLog("t", "x", "y", new Series("z", [0, 1], [1, 2])), "series", "X[0] is 0; on a logarithmic axis" },
        { "log of negative y", () => Plot.LogLog("t", "x", "y", new Series("n", [1, 2], [1, -2])), "series", "Y[1] is -2; on a logarithmic axis" },
        { "no samples", () => Plot.Histogram("t", "x"), "samples", "at least one sample" },
        { "empty sample", () => Plot.Histogram("t", "x", ("a", [])), "samples", "samples[0].Values is empty" },
        { "NaN sample", () => Plot.Histogram("t", "x", ("a", [1, double.NaN])), "samples", "samples[0].Values[1] is NaN" },
        { "null sample name", () => Plot.Histogram("t", "x", (null!, [1])), "samples", "samples[0].Name is null" },
        { "no categories", () => Plot.Bars("t", "x", "y", [], ("g", [])), "categories", "at least one category" },
        { "null category", () => Plot.Bars("t", "x", "y", ["a", null!], ("g", [1, 2])), "categories", "categories[1] is null" },
        { "no groups", () => Plot.Bars("t", "x", "y", ["a"]), "groups", "at least one group" },
        { "group too short", () => Plot.Bars("t", "x", "y", ["a", "b"], ("g", [1])), "groups", "groups[0].Values has length 1 but must have length 2 (one value per category)" },
        { "empty heatmap", () => Plot.Heatmap("t", new double[0, 3]), "z", "z is 0 x 3" },
        { "null heatmap", () => Plot.Heatmap("t", null!), "z", "" },
        { "x labels vs columns", () => Plot.Heatmap("t", new double[2, 3], xLabels: ["a", "b"]), "xLabels", "xLabels has length 2 but must have length 3 (one label per column of z)" },
        { "zMin without zMax", () => Plot.Heatmap("t", new double[1, 1], zMin: 0), "zMax", "zMin and zMax go together" },
        { "zMin above zMax", () => Plot.Heatmap("t", new double[1, 1], zMin: 2, zMax: 1), "zMin", "zMin (2) must be finite and below zMax (1)" },
        { "no bands", () => Plot.Bands("t", "x", "y"), "bands", "at least one band" },
        { "band edge too short", () => Plot.Bands("t", "x", "y", new Band("b", [1, 2], [1, 2], [0], [2, 3])), "bands", "bands[0] (\"b\").Lower has length 1 but must have length 2 (one value per x)" },
        { "NaN in band X", () => Plot.Bands("t", "x", "y", new Band("b", [double.NaN], [1], [0], [2])), "bands", "bands[0] (\"b\").X[0] is NaN" },
        { "y labels vs rows", () => Plot.Heatmap("t", new double[2, 3], yLabels: ["a"]), "yLabels", "yLabels has length 1 but must have length 2 (one label per row of z)" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_names_the_parameter(string _, Action call, string parameter, string message)
    {
        var error = Assert.ThrowsAny<ArgumentException>(call);
        Assert.Equal(parameter, error.ParamName);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Log_axes_accept_gaps_in_y() =>
        Assert.Contains("\"NaN\"", Plot.LogLog("t", "x", "y", new Series("g", [1, 2], [1, double.NaN])).Html);
}
