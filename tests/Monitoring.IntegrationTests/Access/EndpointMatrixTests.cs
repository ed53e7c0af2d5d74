using System.Net;
using Microsoft.AspNetCore.Routing;
using Monitoring.Access;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Access;

/// <summary>
/// Every endpoint the service maps, with every principal: who gets in and who does not. The endpoints come from the
/// app's own EndpointDataSource, so a new endpoint without a row here fails the test instead of going unchecked.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class EndpointMatrixTests(PostgresFixture postgres)
{
    private static readonly string[] Everyone = [.. AccessHost.Principals];
    private static readonly string[] Uptime = [Roles.Viewer, Roles.Ops, Roles.Admin];
    private static readonly string[] ReadApi = [.. Uptime, AccessHost.ReadKey];
    private static readonly string[] AdminOnly = [Roles.Admin];
    private static readonly string[] CatalogueTeam = [Roles.Catalogue, Roles.Admin];
    private static readonly string[] ReadCatalogueApi = [.. CatalogueTeam, AccessHost.ReadKey];
    private static readonly string[] ReadAnyApi = [.. Roles.All, AccessHost.ReadKey];

    /// <summary>Route pattern → method → who is allowed; everyone else is refused.</summary>
    private static readonly Dictionary<string, Dictionary<string, string[]>> Matrix = new()
    {
        ["/"] = new() { ["GET"] = Uptime },
        ["/checks/{id}"] = new() { ["GET"] = Uptime },
        ["/login"] = new() { ["GET"] = Everyone, ["POST"] = Everyone },
        ["/logout"] = new() { ["GET"] = Everyone, ["POST"] = Everyone },
        ["/admin/api-keys"] = new() { ["GET"] = AdminOnly, ["POST"] = AdminOnly },
        ["/admin/audit"] = new() { ["GET"] = AdminOnly },
        ["/admin/privacy"] = new() { ["GET"] = AdminOnly, ["POST"] = AdminOnly },
        ["/healthz"] = new() { ["GET"] = Everyone },
        ["/readyz"] = new() { ["GET"] = Everyone },
        ["/metrics"] = new() { ["GET"] = Everyone },
        ["/openapi/{documentName}.json"] = new() { ["GET"] = Everyone },
        ["/schemas/{name}.json"] = new() { ["GET"] = Everyone },
        ["/api/probes"] = new() { ["GET"] = ReadApi },
        ["/api/checks"] = new() { ["GET"] = ReadApi },
        ["/api/checks/{id}"] = new() { ["GET"] = ReadApi },
        ["/api/incidents"] = new() { ["GET"] = ReadApi },
        ["/api/incidents/{id:long}"] = new() { ["GET"] = ReadApi },
        ["/api/scenarios/{id}"] = new() { ["GET"] = ReadApi },
        ["/api/config/status"] = new() { ["GET"] = ReadAnyApi },
        ["/api/overview/ops"] = new() { ["GET"] = ReadApi },
        ["/api/overview/managers"] = new() { ["GET"] = ReadApi },
        ["/api/overview/catalogue"] = new() { ["GET"] = ReadCatalogueApi },
        ["/api/imports"] = new() { ["GET"] = ReadCatalogueApi },
        ["/api/quarantine"] = new() { ["GET"] = ReadCatalogueApi },
        ["/api/kpis"] = new() { ["GET"] = ReadApi },
        ["/api/kpis/churn"] = new() { ["GET"] = ReadApi },
        ["/api/kpis/report"] = new() { ["GET"] = ReadApi },
        ["/api/kpis/{kpi}"] = new() { ["GET"] = ReadApi },
        ["/api/quality/scores"] = new() { ["GET"] = ReadCatalogueApi },
        ["/api/quality/findings"] = new() { ["GET"] = ReadCatalogueApi },
        ["/api/quality/records/{entity}/{**key}"] = new() { ["GET"] = ReadCatalogueApi },
        ["/api/quality/digest"] = new() { ["GET"] = ReadCatalogueApi },
        ["/api/admin/audit"] = new() { ["GET"] = AdminOnly },
        ["/api/admin/api-keys"] = new() { ["GET"] = AdminOnly },
        ["/api/ingest/{entity}"] = new() { ["POST"] = [AccessHost.IngestKey] },
        ["/data/imports"] = new() { ["GET"] = CatalogueTeam },
        ["/quality"] = new() { ["GET"] = CatalogueTeam, ["POST"] = CatalogueTeam },
        ["/quality/findings.csv"] = new() { ["GET"] = CatalogueTeam },
        ["/quality/records/{entity}/{**key}"] = new() { ["GET"] = CatalogueTeam },
        ["/quality/charts/domains.svg"] = new() { ["GET"] = CatalogueTeam },
        ["/quality/charts/record.svg"] = new() { ["GET"] = CatalogueTeam },
        ["/quality/digest"] = new() { ["GET"] = CatalogueTeam },
        ["/kpis"] = new() { ["GET"] = Uptime },
        ["/overview/ops"] = new() { ["GET"] = Uptime },
        ["/overview/managers"] = new() { ["GET"] = Uptime },
        ["/overview/catalogue"] = new() { ["GET"] = CatalogueTeam },
        ["/kpis/churn"] = new() { ["GET"] = Uptime },
        ["/kpis/churn.csv"] = new() { ["GET"] = Uptime },
        ["/kpis/report"] = new() { ["GET"] = Uptime },
        ["/kpis/{kpi}"] = new() { ["GET"] = Uptime },
        ["/kpis/{kpi}/trend.png"] = new() { ["GET"] = Uptime },
        ["/kpis/{kpi}/sparkline.png"] = new() { ["GET"] = Uptime },
        ["/kpis/{kpi}/daily.png"] = new() { ["GET"] = Uptime },
        ["/kpis/{kpi}/weekly.png"] = new() { ["GET"] = Uptime },
        ["/charts/probes/{id}/latency.svg"] = new() { ["GET"] = ReadApi },
        ["/charts/checks/{id}/phases.svg"] = new() { ["GET"] = ReadApi },
        ["/charts/scenarios/{id}/steps.svg"] = new() { ["GET"] = ReadApi },
        ["/charts/scenarios/{id}/screenshot.png"] = new() { ["GET"] = ReadApi },
        // The signed token of the email is the credential: the recipient may have no account.
        ["/incidents/{id:long}/ack"] = new() { ["GET"] = Everyone, ["POST"] = Everyone },
        ["/incidents/{id:long}/acknowledge"] = new() { ["GET"] = [Roles.Ops, Roles.Admin], ["POST"] = [Roles.Ops, Roles.Admin] },
    };

    private static readonly string[] ApiPrefixes = ["/api/", "/charts/", "/metrics", "/healthz", "/readyz"];

    [Fact]
    public async Task Every_endpoint_admits_exactly_the_principals_of_its_row()
    {
        _ = postgres;
        await using var host = await AccessHost.StartAsync();
        var mapped = host.Monitor.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct().Order().ToList();

        Assert.Equal(Matrix.Keys.Order(), mapped);
        var wrong = new List<string>();
        foreach (var (pattern, methods) in Matrix)
        foreach (var (method, allowed) in methods)
        foreach (var principal in AccessHost.Principals)
        {
            var path = pattern.Replace("{id:long}", "1").Replace("{id}", "nope").Replace("{entity}", "order").Replace("{documentName}", "v1").Replace("{name}", "probes");
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method == "POST") request.Content = new FormUrlEncodedContent([]);
            using var response = await host.Clients[principal].SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var outcome = Classify(response, body);
            var expected = allowed.Contains(principal) ? "allowed"
                : principal == AccessHost.Anonymous ? (ApiPrefixes.Any(path.StartsWith) ? "401" : "login") : "403";
            if (outcome != expected) wrong.Add($"{method} {path} as {principal}: expected {expected}, got {outcome} ({(int)response.StatusCode})");
        }
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public async Task Keeps_the_hangfire_dashboard_to_admins()
    {
        _ = postgres;
        await using var host = await AccessHost.StartAsync();

        var outcomes = new Dictionary<string, HttpStatusCode>();
        foreach (var principal in AccessHost.Principals)
            outcomes[principal] = (await host.Clients[principal].GetAsync("/hangfire")).StatusCode;

        Assert.Equal(HttpStatusCode.OK, outcomes[Roles.Admin]);
        Assert.Equal(HttpStatusCode.Redirect, outcomes[AccessHost.Anonymous]);
        Assert.All(new[] { Roles.Viewer, Roles.Ops, Roles.Catalogue, AccessHost.ReadKey, AccessHost.IngestKey },
            p => Assert.Equal(HttpStatusCode.Forbidden, outcomes[p]));
    }

    /// <summary>What the answer means for access: refused (and how), or let through to the endpoint.</summary>
    private static string Classify(HttpResponseMessage response, string body) => response.StatusCode switch
    {
        HttpStatusCode.Unauthorized => "401",
        HttpStatusCode.Redirect when response.Headers.Location?.ToString().Contains("/login?ReturnUrl=") == true => "login",
        // The endpoint itself may answer 403 (the acknowledgement page for a bad token): that page is HTML.
        HttpStatusCode.Forbidden when !body.Contains("<html", StringComparison.OrdinalIgnoreCase) => "403",
        _ => "allowed",
    };
}
