namespace Monitoring.Kpis;

/// <summary>
/// How the daily KPI rollup is computed. Bound from the <c>Monitoring:Kpis</c> configuration section
/// (appsettings.json or <c>Monitoring__Kpis__DaysPerCall=366</c>).
/// </summary>
public sealed class KpiRunnerOptions
{
    public const string Section = "Monitoring:Kpis";

    /// <summary>
    /// At most this many consecutive days per rollup call, and per transaction. Each call reads every table once for
    /// its days, so fewer, longer calls are faster: two years per call recomputed the benchmark's 10 million order lines
    /// in a median 28.3 s against 30.4 s for one year per call (tests/Monitoring.Benchmarks/README.md), as PostgreSQL
    /// merges every order line whatever the call's days. The cost is memory, which grows with the days of one call
    /// (a peak of 604 MiB for the benchmark's process at two years of that size), and a full recompute interrupted
    /// halfway that keeps less of its work.
    /// </summary>
    public int DaysPerCall { get; set; } = 731;
}
