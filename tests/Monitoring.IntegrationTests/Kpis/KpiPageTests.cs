using System.Net.Http.Json;
using Monitoring.IntegrationTests.Access;
using Monitoring.Kpis;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Kpis;

/// <summary>From ingested records to the managers' page: the rollup job's work, then the KPI on /kpis.</summary>
[Collection(PostgresCollection.Name)]
public sealed class KpiPageTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Shows_the_conversion_rate_of_a_day_computed_from_ingested_sessions_and_orders()
    {
        _ = postgres;
        await using var host = await AccessHost.StartAsync();
        var ingest = host.Clients[AccessHost.IngestKey];
        var at = DateTimeOffset.UtcNow.AddDays(-2);
        var day = DateOnly.FromDateTime(at.UtcDateTime); // the test checks use UTC
        await ingest.PostAsJsonAsync("/api/ingest/session", Enumerable.Range(1, 8)
            .Select(i => new { id = $"s{i}", visitor_id = $"v{i}", started_at = at, furthest_step = i <= 2 ? "order" : "product" }));
        await ingest.PostAsJsonAsync("/api/ingest/order", new[]
        {
            new { id = "o1", channel = "web", placed_at = at, status = "placed" },
            new { id = "o2", channel = "web", placed_at = at, status = "placed" },
        });

        var computed = await host.Monitor.App.Services.GetRequiredService<KpiRunner>().RunAsync(false, null, default);
        var page = await host.Clients[Monitoring.Access.Roles.Viewer].GetStringAsync($"/kpis?period={day:yyyy-MM-dd}");

        Assert.True(computed > 0);
        // The run publishes yesterday's and last ISO week's values for the whole shop.
        Assert.Matches("shopmon_kpi_value\\{kpi=\"sessions\",period=\"(day|week)\",segment=\"\\*\"\\}",
            await host.Clients[AccessHost.ReadKey].GetStringAsync("/metrics"));
        Assert.Contains("data-kpi=\"conversion_rate\"", page);
        Assert.Contains("25.0 %", page); // two web orders for eight sessions

        // The same day for the web sales channel: the selector offers it, and sessions (no sales channel) drop out.
        var web = await host.Clients[Monitoring.Access.Roles.Viewer].GetStringAsync($"/kpis?period={day:yyyy-MM-dd}&segment=sales_channel%3Dweb");
        Assert.Contains("segment sales_channel=web", web);
        Assert.Contains("<option value=\"sales_channel=web\" selected=\"selected\">", web);
        Assert.Contains("data-kpi=\"orders\"", web);
        Assert.DoesNotContain("data-kpi=\"sessions\"", web);

        // The same figures as JSON, for a read key; a bad period is a 400 that says why.
        using var json = System.Text.Json.JsonDocument.Parse(await host.Clients[AccessHost.ReadKey].GetStringAsync($"/api/kpis?period={day:yyyy-MM-dd}"));
        var conversion = json.RootElement.GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("kpi").GetString() == "conversion_rate");
        Assert.Equal(0.25m, conversion.GetProperty("value").GetDecimal());
        Assert.Equal((2m, 8m), (conversion.GetProperty("numerator").GetDecimal(), conversion.GetProperty("denominator").GetDecimal()));
        Assert.Equal("*", json.RootElement.GetProperty("segment").GetString());
        var bad = await host.Clients[AccessHost.ReadKey].GetAsync("/api/kpis?period=2026-W99");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("is not a period", await bad.Content.ReadAsStringAsync());
    }
}
