namespace Monitoring.Kpis;

/// <summary>
/// Everything a KPI may be computed from for one period and segment: the summed daily facts, and the optional
/// inputs that are not daily sums (account counts from order histories, stock snapshots). A KPI whose optional input
/// is missing has no value rather than a wrong one.
/// </summary>
public sealed record KpiInput(Period Period, SegmentKey Segment, FactSums Sums, AccountCounts? Accounts = null, StockInput? Stock = null);
