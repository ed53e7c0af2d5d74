using Monitoring.Metrics;

namespace Monitoring.Tests.Metrics;

public sealed class KpiMetricsTests
{
    [Fact]
    public void Publishes_each_kpi_of_a_period_and_drops_the_series_of_one_that_lost_its_value()
    {
        var metrics = new MonitoringMetrics(Prometheus.Metrics.NewCustomRegistry());

        metrics.RecordKpis("week", "*", [("conversion_rate", 0.052m), ("nps", 31m)]);
        metrics.RecordKpis("week", "*", [("conversion_rate", 0.048m), ("nps", null)]);

        Assert.Equal(0.048, metrics.KpiValue.WithLabels("conversion_rate", "week", "*").Value, 6);
        Assert.Equal([["conversion_rate", "week", "*"]], metrics.KpiValue.GetAllLabelValues().Select(l => l.ToArray()).ToList());
    }

    [Fact]
    public void Publishes_each_judged_kpi_as_drop_spike_or_normal_per_period_and_drops_the_unjudged()
    {
        var metrics = new MonitoringMetrics(Prometheus.Metrics.NewCustomRegistry());

        metrics.RecordKpiAnomalies("day", [("conversion_rate", -1), ("sessions", 0), ("payment_refusal_rate", 1)]);
        metrics.RecordKpiAnomalies("week", [("conversion_rate", 0)]);
        metrics.RecordKpiAnomalies("day", [("conversion_rate", 0), ("sessions", 0)]);

        Assert.Equal(0, metrics.KpiAnomaly.WithLabels("conversion_rate", "day").Value);
        Assert.Equal(
            [["conversion_rate", "day"], ["conversion_rate", "week"], ["sessions", "day"]],
            metrics.KpiAnomaly.GetAllLabelValues().Select(l => l.ToArray()).OrderBy(l => l[0]).ThenBy(l => l[1]).ToList());
    }
}
