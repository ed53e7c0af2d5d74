namespace Monitoring.Charts;

/// <summary>
/// ScottPlot's default font name resolves to nothing useful on a bare Linux server, and then charts render with
/// every text silently missing. DejaVu Sans ships with most distributions (Debian: fonts-dejavu-core).
/// </summary>
public static class ChartFonts
{
    public const string Preferred = "DejaVu Sans";

    private static readonly Lazy<string> Chosen = new(() =>
    {
        ScottPlot.Fonts.Default = Preferred;
        return ScottPlot.Fonts.Default;
    });

    /// <summary>Sets the chart font once per process; returns the font in use.</summary>
    public static string EnsureConfigured() => Chosen.Value;
}
