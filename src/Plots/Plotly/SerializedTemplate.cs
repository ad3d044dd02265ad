using DynamicObj;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Plotly.NET;

namespace Rl.Plots.Plotly;

/// <summary>
/// Plotly.NET's default template (the "plotly" theme: colours, fonts, grid lines; about 8.5 KB of JSON in
/// every chart's layout), serialized once instead of once per chart.
/// <para>
/// Plotly.NET writes the template into each chart by walking its DynamicObj tree with reflection, and that
/// walk was nearly all of a chart's cost: 80 to 300 ms a chart once warm (about a second the first time),
/// against well under a millisecond for the rest of a 10-point chart and about 20 ms for 10,000 points.
/// <see cref="Install"/> replaces the default template by one whose members are the JSON its members
/// serialize to (Newtonsoft's <see cref="JRaw"/>, written verbatim), in the same order, so every chart is
/// the same bytes as before. The load context this assembly lives in is the kit's own, so the default it
/// changes is nobody else's.
/// </para>
/// </summary>
internal static class SerializedTemplate
{
    private static readonly Lock Gate = new();
    private static bool _installed;

    /// <summary>Makes Plotly.NET's default template the serialized one; once per process, before any chart.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (_installed) return;
            Defaults.DefaultTemplate = Of(Defaults.DefaultTemplate);
            _installed = true;
        }
    }

    /// <summary>A template that serializes exactly as <paramref name="template"/> does, each member already JSON.</summary>
    private static Template Of(Template template)
    {
        var serialized = new Template();
        foreach (var member in template.GetProperties(true))
            serialized.SetProperty(member.Key, new JRaw(JsonConvert.SerializeObject(member.Value, Globals.JSON_CONFIG)));
        return serialized;
    }
}
