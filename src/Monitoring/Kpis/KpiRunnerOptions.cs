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
    /// its days, so fewer, longer calls are faster: two years per call recompute 10 million order lines about a fifth
    /// faster than one year per call (tests/Monitoring.Benchmarks/README.md). The cost is memory, which grows with the
    /// days of one call (about 600 MB of this process at two years of that size), and a full recompute interrupted
    /// halfway that keeps less of its work.
    /// </summary>
    public int DaysPerCall { get; set; } = 731;
}
