using Monitoring.Metrics;
using Monitoring.Quality;
using Monitoring.Quality.Scoring;
using Monitoring.Tests.Quality;

namespace Monitoring.Tests.Metrics;

public sealed class QualityMetricsTests
{
    [Fact]
    public void Publishes_domain_scores_as_ratios_and_every_rule_open_count_zero_included()
    {
        var metrics = new MonitoringMetrics(Prometheus.Metrics.NewCustomRegistry());
        var gtin = QualityTestKit.Rule("product", "kind: gtin", "blocker") with { Id = "product-gtin-valid" };
        var alt = QualityTestKit.Rule("media", "kind: alt_text", "minor") with { Id = "image-alt-text" };

        metrics.RecordQuality([Domain("catalogue", 72.5)], [gtin, alt], new Dictionary<string, int> { ["product-gtin-valid"] = 3 });

        Assert.Equal(0.725, metrics.QualityScore.WithLabels("catalogue").Value, 6);
        Assert.Equal(3, metrics.QualityFindingsOpen.WithLabels("product-gtin-valid", "blocker").Value);
        Assert.Equal(0, metrics.QualityFindingsOpen.WithLabels("image-alt-text", "minor").Value);
    }

    [Fact]
    public void Removes_the_series_of_a_rule_no_longer_configured()
    {
        var metrics = new MonitoringMetrics(Prometheus.Metrics.NewCustomRegistry());
        var gtin = QualityTestKit.Rule("product", "kind: gtin", "blocker") with { Id = "product-gtin-valid" };
        var alt = QualityTestKit.Rule("media", "kind: alt_text", "minor") with { Id = "image-alt-text" };
        metrics.RecordQuality([], [gtin, alt], new Dictionary<string, int>());

        metrics.RecordQuality([], [gtin], new Dictionary<string, int>());

        Assert.Equal([["product-gtin-valid", "blocker"]], metrics.QualityFindingsOpen.GetAllLabelValues().Select(l => l.ToArray()).ToList());
    }

    private static DomainScore Domain(string domain, double score) => new(domain, score, QualityGrade.C, 1,
        new Dictionary<QualityGrade, int>(), new Dictionary<QualityDimension, double>(), 0);
}
