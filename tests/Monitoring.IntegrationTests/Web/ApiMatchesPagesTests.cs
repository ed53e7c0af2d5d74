using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Monitoring.Access;
using Monitoring.Checks;
using Monitoring.Incidents;
using Monitoring.IntegrationTests.Access;
using Monitoring.Kpis;
using Monitoring.Probes;
using Monitoring.Quality;
using Monitoring.Shop.Import;
using Monitoring.Storage;
using Monitoring.TestSupport;
using Monitoring.Web.Pages;

namespace Monitoring.IntegrationTests.Web;

/// <summary>
/// Each page's JSON counterpart says what the page shows, on the same data: the page is read as HTML, the JSON with a
/// read key (or the role the page needs), and the figures are compared as the page formats them.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ApiMatchesPagesTests(PostgresFixture postgres)
{
    // A closed port: the probe and the scenario fail when the test runs them, and a daily schedule keeps them still after.
    private const string Probes = """
        probes:
          - { id: home, name: Home page, kind: http, url: "http://127.0.0.1:1/", interval: 1d, team: webshop }
        """;

    private const string Scenarios = """
        scenarios:
          - id: journey
            name: Buying journey
            interval: 1d
            steps:
              - name: home
                request: { url: "http://127.0.0.1:1/" }
                expect: { status: 200 }
        """;

    private const string QualityRules = """
        rules:
          - { id: product-gtin-valid, entity: product, kind: gtin, severity: blocker, team: catalogue }
        """;

    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task The_ops_overview_an_incident_a_scenario_run_and_the_configuration_status_say_what_their_pages_show()
    {
        _ = postgres;
        await using var host = await AccessHost.StartAsync(probes: Probes, scenarios: Scenarios);
        var read = host.Clients[AccessHost.ReadKey];
        var ops = host.Clients[Roles.Ops];
        using (var scope = host.Monitor.App.Services.CreateScope())
        {
            var job = scope.ServiceProvider.GetRequiredService<Monitoring.Scheduling.ProbeJob>();
            await job.RunAsync("home", default);
            await job.RunAsync("journey", default);
        }
        var incidentId = await OpenIncidentAsync(host.Monitor, "home");

        // The ops overview: open incidents, states, the availability table.
        var overview = await JsonAsync(read, "/api/overview/ops");
        var opsPage = await PageAsync(ops, "/overview/ops");
        Assert.Equal(1, overview.GetProperty("openIncidentCount").GetInt32());
        Assert.Equal("1", opsPage.QuerySelector("[data-open-incidents]")!.GetAttribute("data-open-incidents"));
        Assert.Equal([incidentId.ToString(CultureInfo.InvariantCulture)],
            opsPage.QuerySelectorAll("table[data-table=incidents] tr[data-incident]").Select(r => r.GetAttribute("data-incident")));
        Assert.Equal(incidentId, overview.GetProperty("openIncidents")[0].GetProperty("id").GetInt64());
        foreach (var group in new[] { "checks", "scenarios" })
        {
            var counts = overview.GetProperty(group).GetProperty("byState").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
            var shown = opsPage.QuerySelectorAll($"[data-group={group}] [data-state]")
                .ToDictionary(e => e.GetAttribute("data-state")!, e => int.Parse(e.TextContent.Split(' ')[0], CultureInfo.InvariantCulture));
            Assert.Equal(shown.OrderBy(p => p.Key), counts.OrderBy(p => p.Key));
        }
        Assert.Equal(1, overview.GetProperty("checks").GetProperty("byState").GetProperty("down").GetInt32());
        foreach (var row in overview.GetProperty("availability").EnumerateArray())
        {
            var cells = opsPage.QuerySelector($"tr[data-check={row.GetProperty("checkId").GetString()}]")!.QuerySelectorAll("td");
            Assert.Equal(cells[1].TextContent.Trim(), row.GetProperty("state").GetString());
            Assert.Equal(cells[2].TextContent.Trim(), Format.Ratio(NullableDouble(row.GetProperty("ratio7d"))));
            Assert.Equal(cells[3].TextContent.Trim(), Format.Ratio(NullableDouble(row.GetProperty("ratio24h"))));
        }

        // The incident's timeline, as the check's page lists it.
        var incident = await JsonAsync(read, $"/api/incidents/{incidentId}");
        var checkPage = await PageAsync(ops, "/checks/home");
        var items = checkPage.QuerySelectorAll($"section[data-incident=\"{incidentId}\"] ol.timeline li").Select(li => li.TextContent.Trim()).ToList();
        var timeline = incident.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal(["first-failure", "detected"], timeline.Take(2).Select(e => e.GetProperty("event").GetString()));
        // An open incident's list ends with "still open · last: …", which is the incident's lastMessage, not a moment.
        Assert.Equal(items.Count, timeline.Count + 1);
        Assert.Equal($"still open · last: {incident.GetProperty("lastMessage").GetString()}", items[^1]);
        foreach (var (item, moment) in items.Zip(timeline))
            Assert.StartsWith(Format.Time(moment.GetProperty("at").GetDateTimeOffset()), item);
        Assert.Equal("/checks/home#incident-" + incidentId, incident.GetProperty("page").GetString());
        Assert.True(incident.GetProperty("open").GetBoolean());
        Assert.Equal(HttpStatusCode404, (int)(await read.GetAsync("/api/incidents/999999")).StatusCode);

        // The scenario's last run, step by step.
        var scenario = await JsonAsync(read, "/api/scenarios/journey");
        var scenarioPage = await PageAsync(ops, "/checks/journey");
        var steps = scenarioPage.QuerySelectorAll("table.steps tr[data-step]").ToList();
        var stepsJson = scenario.GetProperty("steps").EnumerateArray().ToList();
        Assert.Single(stepsJson);
        Assert.Equal(steps.Select(s => s.GetAttribute("data-step")), stepsJson.Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(steps.Select(s => s.QuerySelectorAll("td")[2].TextContent.Trim()), stepsJson.Select(s => s.GetProperty("outcome").GetString()));
        Assert.Equal("fail", stepsJson[0].GetProperty("outcome").GetString());
        Assert.Contains(Format.Time(scenario.GetProperty("startedAt").GetDateTimeOffset()), scenarioPage.QuerySelector("table.steps")!.PreviousElementSibling!.TextContent);
        Assert.Equal(HttpStatusCode404, (int)(await read.GetAsync("/api/scenarios/home")).StatusCode);

        // The configuration banner: none while the files in force are the ones on disk.
        var config = await JsonAsync(host.Clients[Roles.Catalogue], "/api/config/status");
        Assert.False(config.GetProperty("hasErrors").GetBoolean());
        Assert.Null(opsPage.QuerySelector("#config-errors"));
    }

    [Fact]
    public async Task The_managers_overview_a_kpi_page_the_report_and_the_kpi_list_say_what_their_pages_show()
    {
        _ = postgres;
        await using var host = await AccessHost.StartAsync();
        var services = host.Monitor.App.Services;
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2));
        await PagesInChromiumTests.SeedAsync(services.GetRequiredService<IShopWriter>(), day);
        await services.GetRequiredService<KpiRunner>().RunAsync(false, null, default);
        var read = host.Clients[AccessHost.ReadKey];
        var viewer = host.Clients[Roles.Viewer];
        var week = Period.IsoWeekOf(day).Label;

        var managers = await JsonAsync(read, $"/api/overview/managers?period={week}");
        var managersPage = await PageAsync(viewer, $"/overview/managers?period={week}");
        var tiles = managers.GetProperty("tiles").EnumerateArray().ToList();
        Assert.Contains(tiles, t => t.GetProperty("kpi").GetString() == "conversion_rate");
        Assert.Equal(managersPage.QuerySelectorAll("[data-section=tiles] [data-kpi]").Select(t => t.GetAttribute("data-kpi")),
            tiles.Select(t => t.GetProperty("kpi").GetString()));
        foreach (var tile in tiles)
        {
            var kpi = KpiCatalog.Find(tile.GetProperty("kpi").GetString()!)!;
            var shown = managersPage.QuerySelector($"[data-section=tiles] [data-kpi={kpi.Id}] .big")!.TextContent.Trim();
            Assert.Equal(shown, KpiReport.Format(kpi, NullableDecimal(tile.GetProperty("value"))));
            Assert.Equal(managersPage.QuerySelector($"[data-section=tiles] [data-kpi={kpi.Id}] [data-light]")!.GetAttribute("data-light"),
                tile.GetProperty("light").GetString());
        }
        Assert.Equal(managersPage.QuerySelectorAll("table[data-table=below-target] tr[data-kpi]").Select(r => r.GetAttribute("data-kpi")),
            managers.GetProperty("belowTarget").EnumerateArray().Select(t => t.GetProperty("kpi").GetString()));
        Assert.Equal(400, (int)(await read.GetAsync("/api/overview/managers?period=2026-W99")).StatusCode);

        // A KPI's page: the definition and the period against its past.
        var conversion = await JsonAsync(read, $"/api/kpis/conversion_rate?period={day:yyyy-MM-dd}");
        var kpiPage = await PageAsync(viewer, $"/kpis/conversion_rate?period={day:yyyy-MM-dd}");
        var definition = conversion.GetProperty("definition");
        Assert.Equal(kpiPage.QuerySelector("[data-field=formula]")!.TextContent.Trim(), definition.GetProperty("formula").GetString());
        Assert.Equal(kpiPage.QuerySelector("[data-field=unit]")!.TextContent.Trim(), definition.GetProperty("unit").GetString());
        var rate = KpiCatalog.Find("conversion_rate")!;
        var comparison = conversion.GetProperty("comparison");
        Assert.Equal(0.125m, comparison.GetProperty("value").GetDecimal()); // 1 order over 8 sessions
        foreach (var (row, field) in new[] { ("current", "value"), ("previous", "previous"), ("year-earlier", "yearEarlier") })
            Assert.Equal(kpiPage.QuerySelector($"tr[data-row={row}] td.num")!.TextContent.Trim(), KpiReport.Format(rate, NullableDecimal(comparison.GetProperty(field))));
        var seeded = Assert.Single(conversion.GetProperty("daily").EnumerateArray(), p => p.GetProperty("day").GetString() == $"{day:yyyy-MM-dd}");
        Assert.Equal(0.125, seeded.GetProperty("value").GetDouble());
        Assert.Equal(404, (int)(await read.GetAsync("/api/kpis/unicorns")).StatusCode);
        Assert.Equal(400, (int)(await read.GetAsync("/api/kpis/conversion_rate?segment=colour=red")).StatusCode);

        // The weekly report: its tiles in the page's order.
        var report = await JsonAsync(read, $"/api/kpis/report?week={week}");
        var reportPage = await PageAsync(viewer, $"/kpis/report?week={week}");
        Assert.Equal(reportPage.QuerySelectorAll("table[data-section=tiles] td[data-kpi]").Select(t => t.GetAttribute("data-kpi")),
            report.GetProperty("tiles").EnumerateArray().Select(t => t.GetProperty("kpi").GetString()));
        Assert.Equal("weekly report", report.GetProperty("name").GetString());
        Assert.Equal(400, (int)(await read.GetAsync("/api/kpis/report?week=2026-11")).StatusCode);

        // The KPI list: its segment selector.
        var list = await JsonAsync(read, $"/api/kpis?period={day:yyyy-MM-dd}");
        var listPage = await PageAsync(viewer, $"/kpis?period={day:yyyy-MM-dd}");
        var offered = listPage.QuerySelectorAll("select[name=segment] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.All(list.GetProperty("segments").EnumerateArray(), s => Assert.Contains(s.GetString(), offered));
    }

    [Fact]
    public async Task The_catalogue_overview_a_record_the_digest_the_work_list_filters_and_the_admin_lists_say_what_their_pages_show()
    {
        _ = postgres;
        await using var host = await AccessHost.StartAsync(quality: QualityRules);
        var services = host.Monitor.App.Services;
        await PagesInChromiumTests.SeedAsync(services.GetRequiredService<IShopWriter>(), DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)));
        await services.GetRequiredService<QualityScanner>().ScanAsync(services.GetRequiredService<ActiveChecks>().Current.QualityRules, default);
        var catalogue = host.Clients[Roles.Catalogue];

        var overview = await JsonAsync(catalogue, "/api/overview/catalogue");
        var overviewPage = await PageAsync(catalogue, "/overview/catalogue");
        var domain = Assert.Single(overview.GetProperty("domains").EnumerateArray());
        var tile = overviewPage.QuerySelector($"[data-domain={domain.GetProperty("domain").GetString()}] .big")!.TextContent;
        Assert.Equal($"{domain.GetProperty("grade").GetString()} {domain.GetProperty("score").GetDouble():0.0}", string.Join(' ', tile.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Contains($"({overview.GetProperty("unresolved").GetInt64():N0} unresolved, {overview.GetProperty("open").GetInt64():N0} open)",
            overviewPage.QuerySelector("h2 span.muted")!.ParentElement!.TextContent);
        Assert.Equal(overviewPage.QuerySelectorAll("table[data-table=findings] tr[data-finding]").Select(r => r.GetAttribute("data-finding")),
            overview.GetProperty("head").EnumerateArray().Select(f => $"{f.GetProperty("rule").GetString()}/{f.GetProperty("entity").GetString()}/{f.GetProperty("key").GetString()}"));
        Assert.Contains("product-gtin-valid/product/SKU-2",
            overview.GetProperty("head").EnumerateArray().Select(f => $"{f.GetProperty("rule").GetString()}/{f.GetProperty("entity").GetString()}/{f.GetProperty("key").GetString()}"));

        // A record's page: score, grade, findings in the page's order with their status.
        var record = await JsonAsync(catalogue, "/api/quality/records/product/SKU-2");
        var recordPage = await PageAsync(catalogue, "/quality/records/product/SKU-2");
        var current = record.GetProperty("current");
        Assert.Equal(recordPage.QuerySelector("[data-score]")!.TextContent.Trim(), current.GetProperty("score").GetDouble().ToString("0.0"));
        Assert.Equal(recordPage.QuerySelector("[data-grade]")!.TextContent.Trim(), current.GetProperty("grade").GetString());
        Assert.Equal(recordPage.QuerySelectorAll("table[data-table=findings] tr[data-finding]").Select(r => (r.GetAttribute("data-finding"), r.GetAttribute("data-status"))),
            record.GetProperty("findings").EnumerateArray().Select(f => (f.GetProperty("rule").GetString(), f.GetProperty("status").GetString())));
        var openCell = recordPage.QuerySelectorAll("table[data-table=score] tr").Single(r => r.QuerySelector("th")!.TextContent == "Open findings");
        Assert.Equal(openCell.QuerySelector("td")!.TextContent.Trim(), record.GetProperty("openFindings").GetInt32().ToString(CultureInfo.InvariantCulture));
        Assert.Equal(1, record.GetProperty("history").GetArrayLength());
        Assert.Equal(404, (int)(await catalogue.GetAsync("/api/quality/records/product/NO-SUCH-SKU")).StatusCode);
        Assert.Equal(404, (int)(await catalogue.GetAsync("/api/quality/records/unicorn/SKU-2")).StatusCode);

        // The digest: the subject and the plain text of the email.
        var digest = await JsonAsync(catalogue, "/api/quality/digest?team=catalogue");
        var digestPage = await PageAsync(catalogue, "/quality/digest?team=catalogue");
        Assert.Equal(digestPage.QuerySelector("[data-subject]")!.TextContent.Trim(), digest.GetProperty("subject").GetString());
        Assert.Equal(digestPage.QuerySelector("[data-digest=text]")!.TextContent.Trim(), digest.GetProperty("text").GetString()!.Trim());
        // The digest's counts depend on where now falls in its schedule's week (after the Monday send, the current week is
        // the next one): the page and the JSON are compared, not a count fixed here.
        Assert.Equal("catalogue", digest.GetProperty("team").GetString());
        Assert.Equal(400, (int)(await catalogue.GetAsync("/api/quality/digest?team=nobody")).StatusCode);
        Assert.Equal(400, (int)(await catalogue.GetAsync("/api/quality/digest?team=catalogue&week=2026-48")).StatusCode);

        // The work list's filters: the rules and teams its selectors offer.
        var workList = await JsonAsync(catalogue, "/api/quality/findings");
        var workPage = await PageAsync(catalogue, "/quality");
        foreach (var (select, field) in new[] { ("rule", "rules"), ("team", "teams"), ("severity", "severities"), ("status", "statuses") })
        {
            var options = workPage.QuerySelectorAll($"select[name={select}] option").Select(o => o.GetAttribute("value")).Where(v => v != "").Order();
            Assert.Equal(options, workList.GetProperty("filters").GetProperty(field).EnumerateArray().Select(v => v.GetString()).Order());
        }

        // The admin lists: the audit log's actions in order, the API keys by hint.
        var admin = host.Clients[Roles.Admin];
        var audit = (await JsonAsync(admin, "/api/admin/audit")).EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        var auditPage = await PageAsync(admin, "/admin/audit");
        Assert.NotEmpty(audit);
        Assert.Equal(auditPage.QuerySelectorAll("tr[data-action]").Select(r => r.GetAttribute("data-action")), audit);
        var keys = (await JsonAsync(admin, "/api/admin/api-keys")).EnumerateArray().ToList();
        var keysPage = await PageAsync(admin, "/admin/api-keys");
        Assert.Equal(2, keys.Count);
        Assert.Equal(keysPage.QuerySelectorAll("tr[data-key]").Select(r => r.QuerySelector("code")!.TextContent),
            keys.Select(k => k.GetProperty("hint").GetString()));
        Assert.DoesNotContain(host.Keys.Values, key => keys.Any(k => k.ToString().Contains(key, StringComparison.Ordinal)));
        Assert.Equal(400, (int)(await admin.GetAsync("/api/admin/audit?limit=0")).StatusCode);
    }

    private const int HttpStatusCode404 = 404;

    private static async Task<JsonElement> JsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<IDocument> PageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
        return Parser.ParseDocument(body);
    }

    private static double? NullableDouble(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDouble();

    private static decimal? NullableDecimal(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDecimal();

    /// <summary>An open, notified incident of the check, as the evaluator would store it after three failed runs.</summary>
    private static async Task<long> OpenIncidentAsync(MonitorHost monitor, string checkId)
    {
        var incidents = monitor.App.Services.GetRequiredService<IIncidentStore>();
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        await incidents.SaveEvaluationAsync(new CheckState(checkId, CheckStatus.Down, at, 3, 0, at, at, [at], false, false), [],
            [new IncidentOpened(checkId, at, at, FailureClass.HttpStatus, "status 500", true, null)], "status 500", default);
        return (await incidents.GetOpenIncidentAsync(checkId, default))!.Id;
    }
}
