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
}
