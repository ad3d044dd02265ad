namespace Rl.Plots;

/// <summary>How a <see cref="Series"/> is drawn.</summary>
public enum SeriesStyle
{
    /// <summary>Points joined by lines.</summary>
    Lines,

    /// <summary>One marker per point, not joined.</summary>
    Markers,

    /// <summary>Points joined by lines, with a marker on each.</summary>
    LinesAndMarkers,

    /// <summary>The points outline a closed shape (the last joined back to the first), filled half-transparent: a region to shade.</summary>
    Region,
}
