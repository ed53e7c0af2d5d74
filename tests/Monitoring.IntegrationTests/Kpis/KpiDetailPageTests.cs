using System.Net;
using Monitoring.Kpis;
using Monitoring.Storage;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Kpis;

/// <summary>
/// A KPI's own page and its charts over a hand-built rollup: 100 sessions and 5 web orders every day (a 5 %
/// conversion), except Wednesday 18 November 2026 with 30 web orders, and a target of 6 % in checks/kpis/targets.yaml.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class KpiDetailPageTests(PostgresFixture postgres)
{
    private static readonly DateOnly Spike = new(2026, 11, 18);

    private const string Targets = """
        targets:
          - kpi: conversion_rate
            value: 6%
            deadline: 2026-12-31
            owner: Directeur e-commerce
            note: Review the checkout funnel with the web agency.
        """;

    [Fact]
    public async Task Shows_the_definition_the_comparison_the_target_and_the_anomalies_and_serves_the_charts()
    {
        _ = postgres;
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Checks, "kpis"));
        File.WriteAllText(Path.Combine(folder.Checks, "kpis", "targets.yaml"), Targets);
        await using var monitor = await MonitorHost.StartAsync(folder.Checks,
            new Dictionary<string, string?> { ["Monitoring:Storage:SqlitePath"] = folder.SqlitePath });
        var days = new Period(PeriodKind.Day, new DateOnly(2025, 6, 1), new DateOnly(2026, 11, 22)).EachDay();
        await monitor.App.Services.GetRequiredService<SqlKpiFactsStore>().SaveAsync(days.Select(d => new DailyFacts(d, SegmentKey.All,
            new FactSums { Sessions = 100, Orders = d == Spike ? 30 : 5, WebOrders = d == Spike ? 30 : 5 })).ToList(), default);

        var page = WebUtility.HtmlDecode(await monitor.Client.GetStringAsync("/kpis/conversion_rate?period=2026-W47"));

        Assert.Contains("web orders ÷ sessions", page);
        Assert.Contains("<td data-field=\"direction\">higher</td>", page);
        // W47: (6 × 5 + 30) ÷ 700 = 8.6 %; W46: 35 ÷ 700 = 5.0 %, +71.4 %; the 6 % target is met.
        Assert.Matches("data-row=\"current\">.*8.6 %.*60 ÷ 700", page.Replace("\n", " "));
        Assert.Matches("data-row=\"previous\">.*5.0 %.*\\+71.4 %.*35 ÷ 700", page.Replace("\n", " "));
        Assert.Contains("<td class=\"num\" data-field=\"target\">6.0 %</td>", page);
        Assert.Contains("data-field=\"light\">green</td>", page);
        Assert.Contains("<td data-field=\"owner\">Directeur e-commerce</td>", page);
        Assert.Contains("<td data-field=\"note\">Review the checkout funnel with the web agency.</td>", page);
        Assert.Contains("<td data-field=\"deadline\">2026-12-31</td>", page);
        Assert.Contains("data-anomaly=\"2026-11-18\"", page); // the Wednesday at 30 % against 5 %
        Assert.Contains("/kpis/conversion_rate/daily.png?period=2026-W47&segment=%2A", page);

        foreach (var chart in new[] { "trend", "sparkline", "daily", "weekly" })
        {
            using var response = await monitor.Client.GetAsync($"/kpis/conversion_rate/{chart}.png?period=2026-W47");
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal((HttpStatusCode.OK, "image/png"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        }

        var list = WebUtility.HtmlDecode(await monitor.Client.GetStringAsync("/kpis?period=2026-W47"));
        Assert.Contains("<a href=\"/kpis/conversion_rate?period=2026-W47&segment=%2A\">Conversion rate</a>", list);
        Assert.Contains("src=\"/kpis/conversion_rate/sparkline.png?period=2026-W47&segment=%2A\"", list);
    }

    [Fact]
    public async Task Answers_an_unknown_kpi_with_a_404_listing_the_known_ones_and_bad_input_with_a_400()
    {
        _ = postgres;
        using var folder = new TempFolder();
        await using var monitor = await MonitorHost.StartAsync(folder.Checks,
            new Dictionary<string, string?> { ["Monitoring:Storage:SqlitePath"] = folder.SqlitePath });

        using var unknown = await monitor.Client.GetAsync("/kpis/conversion");
        var body = WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync());
        using var badPeriod = await monitor.Client.GetAsync("/kpis/orders?period=2026-W60");
        using var badSegment = await monitor.Client.GetAsync("/kpis/sessions/trend.png?segment=category=tools");
        using var unknownChart = await monitor.Client.GetAsync("/kpis/conversion/daily.png");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("'conversion' is not a KPI", body);
        Assert.Equal(KpiCatalog.All.Count, System.Text.RegularExpressions.Regex.Matches(body, "<li><a href=\"/kpis/[a-z_]+\">").Count);
        Assert.Equal(HttpStatusCode.BadRequest, badPeriod.StatusCode);
        Assert.Contains("'2026-W60' is not a period", WebUtility.HtmlDecode(await badPeriod.Content.ReadAsStringAsync()));
        Assert.Equal((HttpStatusCode.BadRequest, "sessions is not computed per category"),
            (badSegment.StatusCode, await badSegment.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, unknownChart.StatusCode);
    }
}
