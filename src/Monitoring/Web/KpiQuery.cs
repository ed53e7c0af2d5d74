using Monitoring.Kpis;

namespace Monitoring.Web;

/// <summary>
/// What a KPI's page and charts are asked for: the KPI of the address, <c>?period=</c> (default: the last complete ISO
/// week of the shop's time zone) and <c>?segment=</c> (default: the whole shop). Parsing says what is wrong in words,
/// so that a bad address is a 400 or 404 with a message, never a 500.
/// </summary>
public sealed record KpiQuery(KpiDefinition Kpi, Period Period, SegmentKey Segment)
{
    /// <summary>The query, or the status (404 for an unknown KPI, 400 otherwise) and the message.</summary>
    public static (KpiQuery? Query, int Status, string? Error) Parse(string kpi, string? period, string? segment, DateOnly today)
    {
        if (KpiCatalog.Find(kpi) is not { } definition)
            return (null, StatusCodes.Status404NotFound,
                $"'{kpi}' is not a KPI (known: {string.Join(", ", KpiCatalog.All.Select(k => k.Id))})");
        var chosenPeriod = KpiReport.LastCompleteWeek(today);
        if (!string.IsNullOrWhiteSpace(period))
        {
            if (Period.Parse(period) is not { } parsed)
                return (null, StatusCodes.Status400BadRequest, $"'{period}' is not a period (write 2026-W47, 2026-11, 2026-11-20 or R12-2026-11-30)");
            chosenPeriod = parsed;
        }
        var chosenSegment = SegmentKey.All;
        if (!string.IsNullOrWhiteSpace(segment))
        {
            if (SegmentKey.Parse(segment) is not { } parsed || (!parsed.IsAll && !SegmentKey.Dimensions.Contains(parsed.Dimension)))
                return (null, StatusCodes.Status400BadRequest,
                    $"'{segment}' is not a segment (write * or dimension=value, with a dimension among {string.Join(", ", SegmentKey.Dimensions)})");
            if (!definition.AppliesTo(parsed))
                return (null, StatusCodes.Status400BadRequest, $"{definition.Id} is not computed per {parsed.Dimension}");
            chosenSegment = parsed;
        }
        return (new KpiQuery(definition, chosenPeriod, chosenSegment), StatusCodes.Status200OK, null);
    }

    /// <summary>The query of a chart request, or the problem to answer with.</summary>
    public static (KpiQuery? Query, IResult? Problem) Read(string kpi, string? period, string? segment, KpiRunner runner, TimeProvider time)
    {
        var (query, status, error) = Parse(kpi, period, segment, runner.Days.DayOf(time.GetUtcNow()));
        return query is not null ? (query, null) : (null, Results.Text(error, "text/plain; charset=utf-8", statusCode: status));
    }
}
