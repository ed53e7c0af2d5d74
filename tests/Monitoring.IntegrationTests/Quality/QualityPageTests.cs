using System.Net;
using System.Text.RegularExpressions;
using Monitoring.Access;
using Monitoring.IntegrationTests.Access;
using Monitoring.Quality;
using Monitoring.Quality.Findings;
using Monitoring.Quality.Scoring;
using Monitoring.Storage;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Quality;

/// <summary>The <c>/quality</c> work list on the running service, as the catalogue team uses it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class QualityPageTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Shows_the_domain_scores_and_the_findings_by_priority_filtered_by_the_query_string()
    {
        _ = postgres;
        await using var host = await AccessHost.StartAsync();
        await SeedAsync(host);
        var client = host.Clients[Roles.Catalogue];

        var page = await client.GetStringAsync("/quality");
        var filtered = await client.GetStringAsync("/quality?severity=blocker");

        Assert.Contains("data-domain=\"catalogue\"", page);
        Assert.True(page.IndexOf("SKU-2", StringComparison.Ordinal) < page.IndexOf("SKU-1", StringComparison.Ordinal), "highest priority first");
        Assert.Contains("Findings (2)", page);
        Assert.Contains("SKU-2", filtered);
        Assert.DoesNotContain("SKU-1", filtered);

        // The work list as JSON, with the same filter; a bad severity is a 400 that says why.
        var api = host.Clients[AccessHost.ReadKey];
        using var all = System.Text.Json.JsonDocument.Parse(await api.GetStringAsync("/api/quality/findings"));
        Assert.Equal(2, all.RootElement.GetProperty("total").GetInt64());
        Assert.Equal(["SKU-2", "SKU-1"], all.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("key").GetString()));
        using var blockers = System.Text.Json.JsonDocument.Parse(await api.GetStringAsync("/api/quality/findings?severity=blocker"));
        var blocker = Assert.Single(blockers.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal(("SKU-2", "blocker", "/quality/records/product/SKU-2"),
            (blocker.GetProperty("key").GetString(), blocker.GetProperty("severity").GetString(), blocker.GetProperty("page").GetString()));
        var bad = await api.GetAsync("/api/quality/findings?severity=urgent");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("'urgent' is not a severity", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Acknowledging_with_the_token_is_stored_and_audited()
    {
        _ = postgres;
        await using var host = await AccessHost.StartAsync();
        await SeedAsync(host);
        var client = host.Clients[Roles.Catalogue];
        var token = Token(await client.GetStringAsync("/quality"));

        using var response = await client.PostAsync("/quality?handler=Acknowledge", new FormUrlEncodedContent([
            new("__RequestVerificationToken", token), new("ruleId", "product-gtin-valid"), new("entity", "product"), new("key", "SKU-2"),
            new("severity", "blocker"),
        ]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/quality?severity=blocker", response.Headers.Location?.ToString());
        var store = host.Monitor.App.Services.GetRequiredService<IQualityStore>();
        var finding = await store.GetAsync("product-gtin-valid", "product", "SKU-2", default);
        Assert.Equal((FindingStatus.Acknowledged, Roles.Catalogue), (finding!.Status, finding.AcknowledgedBy));
        var audit = await host.Monitor.App.Services.GetRequiredService<IAuditStore>().ListAsync(50, default);
        Assert.Contains(audit, e => e.Action == AuditActions.FindingAcknowledged && e.Actor == Roles.Catalogue && e.Target == "product-gtin-valid product SKU-2");
    }

    [Fact]
    public async Task Ignoring_needs_a_reason_and_keeps_it_with_its_expiry()
    {
        _ = postgres;
        await using var host = await AccessHost.StartAsync();
        await SeedAsync(host);
        var client = host.Clients[Roles.Catalogue];
        var token = Token(await client.GetStringAsync("/quality"));
        var until = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd");
        FormUrlEncodedContent Form(string reason) => new([
            new("__RequestVerificationToken", token), new("ruleId", "product-description-length"), new("entity", "product"), new("key", "SKU-1"),
            new("reason", reason), new("until", until),
        ]);

        using var refused = await client.PostAsync("/quality?handler=Ignore", Form(" "));
        using var accepted = await client.PostAsync("/quality?handler=Ignore", Form("kit without a description"));

        Assert.Contains("error=", refused.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var finding = await host.Monitor.App.Services.GetRequiredService<IQualityStore>().GetAsync("product-description-length", "product", "SKU-1", default);
        Assert.Equal((FindingStatus.Ignored, "kit without a description", until), (finding!.Status, finding.IgnoreReason, finding.IgnoredUntil?.ToString("yyyy-MM-dd")));
        var audit = await host.Monitor.App.Services.GetRequiredService<IAuditStore>().ListAsync(50, default);
        Assert.Contains(audit, e => e.Action == AuditActions.FindingIgnored && e.Detail == $"until {until}: kit without a description");
    }

    [Fact]
    public async Task Refuses_an_acknowledgement_without_the_token()
    {
        _ = postgres;
        await using var host = await AccessHost.StartAsync();
        await SeedAsync(host);

        using var response = await host.Clients[Roles.Catalogue].PostAsync("/quality?handler=Acknowledge", new FormUrlEncodedContent([
            new("ruleId", "product-gtin-valid"), new("entity", "product"), new("key", "SKU-2"),
        ]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var finding = await host.Monitor.App.Services.GetRequiredService<IQualityStore>().GetAsync("product-gtin-valid", "product", "SKU-2", default);
        Assert.Equal(FindingStatus.Open, finding!.Status);
    }

    [Fact]
    public async Task Exports_the_filtered_list_as_csv_with_formulas_defused()
    {
        _ = postgres;
        await using var host = await AccessHost.StartAsync();
        await SeedAsync(host);

        using var response = await host.Clients[Roles.Catalogue].GetAsync("/quality/findings.csv?rule=product-gtin-valid");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("priority,severity,rule,entity,key", lines[0]);
        Assert.Contains("\"product-gtin-valid\",\"product\",\"SKU-2\",\"gtin\",\"'=HYPERLINK(1)\"", lines[1]);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Clients[Roles.Viewer].GetAsync("/quality/findings.csv")).StatusCode);
    }

    [Fact]
    public async Task A_records_page_shows_its_score_its_findings_open_and_closed_and_its_grade_history()
    {
        _ = postgres;
        await using var host = await AccessHost.StartAsync();
        await SeedAsync(host);
        var services = host.Monitor.App.Services;
        var now = DateTimeOffset.UtcNow;
        await services.GetRequiredService<IQualityStore>().UpsertAsync([
            Finding("product-name-required", "SKU-2", QualitySeverity.Blocker, 5010, now.AddDays(-9)) with
            {
                Status = FindingStatus.Resolved, ResolvedAt = now.AddDays(-2), Field = "name", Fix = "Fill it in the PIM",
            },
        ], default);
        var history = services.GetRequiredService<IQualityHistoryStore>();
        await history.SaveChangedAsync([Score("SKU-2", 92.5, QualityGrade.A)], now.AddDays(-9), default);
        await history.SaveChangedAsync([Score("SKU-2", 57.5, QualityGrade.D)], now.AddDays(-1), default);
        var client = host.Clients[Roles.Catalogue];

        var list = await client.GetStringAsync("/quality");
        var page = await client.GetStringAsync("/quality/records/product/SKU-2");
        var chart = await client.GetStringAsync("/quality/charts/record.svg?entity=product&key=SKU-2");

        Assert.Contains("href=\"/quality/records/product/SKU-2\"", list);
        Assert.Contains("<td class=\"num\" data-score>57.5</td>", page);
        Assert.Contains("<td data-grade>D</td>", page);
        Assert.Contains("data-dimension=\"validity\"", page);
        Assert.Contains("data-finding=\"product-gtin-valid\" data-status=\"open\"", page);
        Assert.Contains("data-finding=\"product-name-required\" data-status=\"resolved\"", page);
        Assert.Contains("gtin = <code>=HYPERLINK(1)</code>", page);
        Assert.Contains("Fill it in the PIM", page);
        Assert.Matches("<tr data-history=\"1\">.*<td class=\"num\">57.5</td><td>D</td><td class=\"num\">-35.0</td>", page);
        Assert.Matches("<tr data-history=\"0\">.*<td class=\"num\">92.5</td><td>A</td><td class=\"num\">first scan</td>", page);
        Assert.Contains("<svg", chart);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/quality/records/product/SKU-404")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/quality/records/planet/SKU-2")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/quality/charts/record.svg?entity=product")).StatusCode);
        Assert.Contains("<svg", await client.GetStringAsync("/quality/charts/domains.svg"));
    }

    [Fact]
    public async Task Acknowledging_from_a_records_page_goes_back_to_it()
    {
        _ = postgres;
        await using var host = await AccessHost.StartAsync();
        await SeedAsync(host);
        var client = host.Clients[Roles.Catalogue];
        var token = Token(await client.GetStringAsync("/quality/records/product/SKU-2"));
        FormUrlEncodedContent Form(string returnUrl) => new([
            new("__RequestVerificationToken", token), new("ruleId", "product-gtin-valid"), new("entity", "product"), new("key", "SKU-2"),
            new("returnUrl", returnUrl),
        ]);

        using var response = await client.PostAsync("/quality?handler=Acknowledge", Form("/quality/records/product/SKU-2"));
        using var again = await client.PostAsync("/quality?handler=Acknowledge", Form("/quality/records/product/SKU-2"));
        using var elsewhere = await client.PostAsync("/quality?handler=Ignore", Form("https://evil.example/quality/records/x"));

        Assert.Equal("/quality/records/product/SKU-2", response.Headers.Location?.ToString());
        Assert.StartsWith("/quality/records/product/SKU-2?error=only%20an%20open", again.Headers.Location?.ToString());
        Assert.StartsWith("/quality?error=", elsewhere.Headers.Location?.ToString());
        var finding = await host.Monitor.App.Services.GetRequiredService<IQualityStore>().GetAsync("product-gtin-valid", "product", "SKU-2", default);
        Assert.Equal(FindingStatus.Acknowledged, finding!.Status);
    }

    private static RecordScore Score(string key, double score, QualityGrade grade) => new("product", key, "catalogue", score, grade, 0, 1,
        new Dictionary<QualityDimension, double> { [QualityDimension.Validity] = score, [QualityDimension.Completeness] = 100 }, 0m);

    private static async Task SeedAsync(AccessHost host)
    {
        var store = host.Monitor.App.Services.GetRequiredService<IQualityStore>();
        var now = DateTimeOffset.UtcNow;
        await store.UpsertAsync([
            Finding("product-gtin-valid", "SKU-2", QualitySeverity.Blocker, 5010, now) with { Field = "gtin", Value = "=HYPERLINK(1)" },
            Finding("product-description-length", "SKU-1", QualitySeverity.Major, 4, now),
        ], default);
        await store.SaveScoresAsync(DateOnly.FromDateTime(now.UtcDateTime), [
            new DomainScore("catalogue", 72.5, QualityGrade.C, 2, new Dictionary<QualityGrade, int> { [QualityGrade.C] = 1, [QualityGrade.E] = 1 },
                new Dictionary<QualityDimension, double>(), 0.5),
        ], now, default);
    }

    private static FindingState Finding(string rule, string key, QualitySeverity severity, double priority, DateTimeOffset at) => new()
    {
        RuleId = rule, Entity = "product", Key = key, Status = FindingStatus.Open, Severity = severity, Dimension = QualityDimension.Validity,
        Message = $"{rule} fails on {key}", Priority = priority, Fingerprint = "0011223344556677", FirstSeenAt = at, LastSeenAt = at, Team = "catalogue",
    };

    private static string Token(string page) =>
        Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value is { Length: > 0 } token
            ? token
            : Regex.Match(page, "__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
}
