using System.Net;
using Monitoring.Kpis;
using Monitoring.Kpis.Anomalies;
using Monitoring.Kpis.Churn;
using Monitoring.Kpis.Reports;
using Monitoring.Storage;
using Monitoring.Tests.Charts;

namespace Monitoring.Tests.Kpis;

/// <summary>The weekly report's composition on a hand-built rollup: tiles, below-target list, every figure in both bodies.</summary>
public sealed class KpiReportMailTests
{
    private static readonly Period Week = Period.IsoWeek(2026, 47); // Monday 16 to Sunday 22 November 2026

    /// <summary>
    /// Ten steady weeks (1,000 sessions and 30 orders of 100 € a day), then week 47 with 33 orders a day: net revenue
    /// 7 × 3,300 = 23,100 €, +10 % on 21,000 €; conversion 231 ÷ 7,000 = 3.3 % against a target of 4 %.
    /// </summary>
    internal static KpiPeriodReport Report(Period? period = null)
    {
        var shown = period ?? Week;
        var set = KpiAnomalyFinderTests.Rollup(new DateOnly(2026, 11, 23), Week.EachDay().Select(d => (d, KpiAnomalyFinderTests.Steady(orders: 33))).ToArray());
        KpiTarget[] targets =
        [
            new("conversion_rate", SegmentKey.All, "week", 0.04m, null, "Marie Curie", "push the quote-to-order flow"),
            new("net_revenue", SegmentKey.All, "week", 20_000m, null, "Paul Martin", null),
        ];
        var all = KpiCatalog.All.Select(k => KpiComparison.Of(k, shown, SegmentKey.All, p => set.Input(p, SegmentKey.All), targets))
            .Where(c => c.Current.Value is not null).ToList();
        var tiles = KpiPeriodReport.HeadlineKpis.Select(id => all.FirstOrDefault(c => c.Kpi.Id == id)).OfType<KpiComparison>().ToList();
        var drop = new Anomaly(new DateOnly(2026, 11, 20), AnomalyDirection.Drop, 0.005, 0.03, 0.003639, -4.634);
        var anomaly = new KpiAnomaly(KpiCatalog.Find("conversion_rate")!, Period.Day(drop.Day), drop, [], 3.5, 1000);
        var churn = ChurnBrief.Of(
        [
            Entry("A-17", "ACME Tools", ChurnStatus.AtRisk, 12_400m),
            Entry("A-03", "Brico Pro", ChurnStatus.Contracting, 8_000m),
            Entry("A-40", "Casa Fer", ChurnStatus.Churned, 3_000m),
            Entry("A-41", "Dalle Sol", ChurnStatus.AtRisk, 500m),
        ], top: 2);
        return new KpiPeriodReport(shown, tiles, all.Where(KpiPeriodReport.Misses).ToList(), [anomaly], churn,
            [new UptimeRow("home", 0.9995, TimeSpan.FromMinutes(5)), new UptimeRow("search", null, TimeSpan.Zero)],
            [new QualityRow("catalogue", 87.5, 85.0), new QualityRow("media", 90.0, null)]);
    }

    private static ChurnListEntry Entry(string id, string name, ChurnStatus status, decimal revenue) => new(
        new AccountCard(id, name, "Paul Martin", "key"),
        new ChurnAssessment(id, status, ChurnReason.Silent, 20, 40, 90, 45, null, null, 3, 0, 0, revenue), NewThisWeek: true);

    [Fact]
    public void Shows_the_headline_tiles_with_value_target_change_and_trend()
    {
        var report = Report();

        Assert.Equal(["net_revenue", "orders", "conversion_rate", "average_basket", "visitors", "gross_margin_rate"],
            report.Tiles.Select(t => t.Kpi.Id));
        var revenue = report.Tiles[0];
        Assert.Equal(("23,100 €", "20,000 €", "+10.0 %"), (ReportFigures.Value(revenue), ReportFigures.Target(revenue), ReportFigures.Change(revenue)));
        var conversion = report.Tiles[2];
        Assert.Equal(("3.3 %", "4.0 %", "+10.0 %"), (ReportFigures.Value(conversion), ReportFigures.Target(conversion), ReportFigures.Change(conversion)));
        // Weeks 35 to 47; the rollup starts on Monday 14 September (week 38), so the first weeks have no conversion.
        Assert.Equal("13 weeks: from 3.0 % to 3.3 %, low 3.0 %, high 3.3 %", ReportFigures.Trend(conversion));
        Assert.Equal("no target", ReportFigures.Target(report.Tiles[1]));
    }

    [Fact]
    public void Lists_the_kpis_below_target_with_owner_and_note()
    {
        var report = Report();

        var below = Assert.Single(report.BelowTarget); // revenue meets its 20,000 € target
        Assert.Equal("conversion_rate", below.Kpi.Id);
        var text = KpiReportText.Render(report);
        Assert.Contains("- Conversion rate: 3.3 % against a target of 4.0 %; owner: Marie Curie; note: push the quote-to-order flow", text);
    }

    [Fact]
    public void Says_every_figure_of_the_html_in_the_text_alternative()
    {
        var report = Report();
        var mail = KpiReportMail.Compose(report, "managers@example.com", KpiReportMail.Images(report));

        var figures = report.Tiles.SelectMany(c => new[] { c.Kpi.Name, ReportFigures.Value(c), ReportFigures.Target(c), ReportFigures.Change(c), ReportFigures.Trend(c) })
            .Concat(report.BelowTarget.SelectMany(c => new[] { ReportFigures.Owner(c), ReportFigures.Note(c) }))
            .Concat(report.Anomalies.Select(ReportFigures.Anomaly))
            .Append(ReportFigures.ChurnCounts(report.Churn))
            .Concat(report.Churn.TopAtRisk.Select(ReportFigures.Account))
            .Concat(report.Uptime.SelectMany(r => r.Availability is null
                ? new[] { r.CheckId, ReportFigures.Availability(r) }
                : new[] { r.CheckId, ReportFigures.Availability(r), ReportFigures.Down(r) }))
            .Concat(report.Quality.SelectMany(r => new[] { r.Domain, ReportFigures.Score(r.Score), ReportFigures.ScoreChange(r) }))
            .ToList();
        foreach (var figure in figures)
        {
            Assert.Contains(figure, mail.TextBody);
            Assert.Contains(WebUtility.HtmlEncode(figure), mail.HtmlBody);
        }
        // The hand-computed ones, so that the list above cannot be empty or wrong together with the bodies.
        foreach (var figure in new[] { "23,100 €", "+10.0 %", "at risk 2, contracting 1, churned this week 1", "ACME Tools (A-17, rep Paul Martin): at risk, 12,400 € at stake",
                     "99.95 %", "5m", "not observed", "87.5", "+2.5 points", "no earlier score", "drop to 0.5 % against a usual 3.0 % (−2.5 points (−83.3 %))" })
            Assert.Contains(figure, mail.TextBody);
        Assert.DoesNotContain("Dalle Sol", mail.TextBody); // top 2 by revenue at stake: ACME Tools and Brico Pro
        Assert.Contains("Brico Pro", mail.TextBody);
    }

    [Fact]
    public void Inlines_one_valid_png_sparkline_per_tile_referenced_by_cid()
    {
        var report = Report();
        var mail = KpiReportMail.Compose(report, "managers@example.com", KpiReportMail.Images(report));

        Assert.Equal(("weekly-report", "2026-W47", "managers@example.com"), (mail.Kind, mail.Key, mail.Recipient));
        Assert.StartsWith("Weekly report 2026-W47: Net revenue 23,100 € (+10.0 %), 1 KPI below target, 1 anomaly", mail.Subject);
        Assert.Equal(report.Tiles.Count, mail.Images.Count);
        Assert.All(mail.Images, image =>
        {
            Assert.True(PngFile.IsValid(image.Png), image.ContentId);
            Assert.Contains($"src=\"cid:{image.ContentId}\"", mail.HtmlBody);
        });
        Assert.Equal(mail.Images.Count, mail.Images.Select(i => i.ContentId).Distinct().Count());
    }

    [Fact]
    public void Makes_a_monthly_pack_with_the_same_structure()
    {
        var report = Report(Period.Month(2026, 10));
        var mail = KpiReportMail.Compose(report, "managers@example.com", KpiReportMail.Images(report));

        Assert.Equal(("monthly-pack", "2026-10"), (mail.Kind, mail.Key));
        Assert.StartsWith("Monthly pack 2026-10", mail.Subject);
        Assert.Contains("vs previous month", mail.TextBody);
        foreach (var section in new[] { "HEADLINES", "BELOW TARGET", "ANOMALIES", "CHURN LIST", "UPTIME", "DATA QUALITY" })
            Assert.Contains(section, mail.TextBody);
    }
}
