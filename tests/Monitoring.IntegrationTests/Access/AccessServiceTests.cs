using System.Net;
using System.Text.RegularExpressions;
using Monitoring.Access;
using Monitoring.Alerting;
using Monitoring.Incidents;
using Monitoring.Probes;
using Monitoring.Storage;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Access;

/// <summary>Sign-in, sessions, API keys, limits, headers, local mode and the audit log, on the real service.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AccessServiceTests(PostgresFixture postgres)
{
    private readonly PostgresFixture _postgres = postgres;

    private static async Task<IReadOnlyList<AuditEntry>> AuditAsync(MonitorHost monitor) =>
        await monitor.App.Services.GetRequiredService<IAuditStore>().ListAsync(100, default);

    [Fact]
    public async Task Signs_in_with_a_secure_session_cookie_signs_out_and_audits_both_and_the_failure()
    {
        await using var host = await AccessHost.StartAsync();
        var client = host.Monitor.NewClient();

        var failed = await client.PostAsync("/login", await MonitorHost.LoginFormAsync(client, "ops", "wrong password"));
        var signedIn = await client.PostAsync("/login", await MonitorHost.LoginFormAsync(client, "ops", AccessHost.Password));
        var home = await client.GetAsync("/");
        var logout = await client.PostAsync("/logout",
            new FormUrlEncodedContent([new("__RequestVerificationToken", await MonitorHost.AntiforgeryTokenAsync(client, "/logout"))]));
        var afterLogout = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        Assert.Contains("Unknown user name or wrong password.", await failed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("shopmon.session="));
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);
        Assert.DoesNotContain("secure", cookie); // plain http here; SameAsRequest makes it Secure over https
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("data-role=\"user\">ops<", await home.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.StartsWith("/login", afterLogout.Headers.Location!.PathAndQuery);
        var audit = await AuditAsync(host.Monitor);
        Assert.Equal([AuditActions.SignOut, AuditActions.SignIn, AuditActions.SignInFailed],
            audit.Where(e => e.Actor == "ops").Take(3).Select(e => e.Action));
    }

    [Fact]
    public async Task Refuses_a_form_post_without_its_antiforgery_token()
    {
        await using var host = await AccessHost.StartAsync();

        var login = await host.Clients[AccessHost.Anonymous].PostAsync("/login",
            new FormUrlEncodedContent([new("name", "admin"), new("password", AccessHost.Password)]));
        var create = await host.Clients[Roles.Admin].PostAsync("/admin/api-keys?handler=Create",
            new FormUrlEncodedContent([new("name", "sneaky"), new("scope", "read")]));

        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        Assert.DoesNotContain(await host.Monitor.App.Services.GetRequiredService<IApiKeyStore>().ListAsync(default), k => k.Name == "sneaky");
    }

    [Fact]
    public async Task An_api_key_made_on_the_admin_page_is_shown_once_works_both_ways_records_its_use_and_stops_when_revoked()
    {
        await using var host = await AccessHost.StartAsync();
        var admin = host.Clients[Roles.Admin];

        var created = await (await admin.PostAsync("/admin/api-keys?handler=Create", new FormUrlEncodedContent(
        [
            new("name", "grafana"), new("scope", "read"),
            new("__RequestVerificationToken", await MonitorHost.AntiforgeryTokenAsync(admin, "/admin/api-keys")),
        ]))).Content.ReadAsStringAsync();
        var key = Regex.Match(created, "data-role=\"new-key\">([^<]+)<").Groups[1].Value;
        using var bearer = host.Monitor.NewClient();
        bearer.DefaultRequestHeaders.Authorization = new("Bearer", key);
        using var header = host.Monitor.NewClient();
        header.DefaultRequestHeaders.Add("X-Api-Key", key);

        var byBearer = await bearer.GetAsync("/api/probes");
        var byHeader = await header.GetAsync("/api/checks");
        var listing = await admin.GetStringAsync("/admin/api-keys");
        var stored = (await host.Monitor.App.Services.GetRequiredService<IApiKeyStore>().ListAsync(default)).Single(k => k.Name == "grafana");
        await admin.PostAsync("/admin/api-keys?handler=Revoke", new FormUrlEncodedContent(
        [
            new("id", stored.Id.ToString()),
            new("__RequestVerificationToken", await MonitorHost.AntiforgeryTokenAsync(admin, "/admin/api-keys")),
        ]));
        var afterRevoke = await bearer.GetAsync("/api/probes");

        Assert.StartsWith(ApiKeys.Prefix, key);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (byBearer.StatusCode, byHeader.StatusCode));
        Assert.DoesNotContain(key, listing);
        Assert.NotNull(stored.LastUsedAt);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        var audit = await AuditAsync(host.Monitor);
        Assert.Equal([AuditActions.ApiKeyRevoked, AuditActions.ApiKeyCreated],
            audit.Where(e => e.Actor == "admin" && e.Action.StartsWith("api-key")).Select(e => e.Action));
        Assert.Contains("Audit log", await admin.GetStringAsync("/admin/audit"));
        Assert.Contains("data-action=\"api-key-created\"", await admin.GetStringAsync("/admin/audit"));
    }

    [Fact]
    public async Task Limits_sign_in_attempts_per_address()
    {
        await using var host = await AccessHost.StartAsync(new Dictionary<string, string?> { ["Monitoring:Access:SignInPermitsPerMinute"] = "5" });
        var client = host.Monitor.NewClient();

        // The host already signed in four users from this address; the fifth attempt is the last one allowed.
        var fifth = await client.PostAsync("/login", await MonitorHost.LoginFormAsync(client, "viewer", "wrong"));
        var sixth = await client.PostAsync("/login", await MonitorHost.LoginFormAsync(client, "viewer", AccessHost.Password));

        Assert.Equal(HttpStatusCode.Unauthorized, fifth.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.Equal("60", sixth.Headers.GetValues("Retry-After").Single());
    }

    [Fact]
    public async Task Limits_requests_per_api_key()
    {
        await using var host = await AccessHost.StartAsync(new Dictionary<string, string?> { ["Monitoring:Access:ApiKeyPermitsPerMinute"] = "3" });
        var key = host.Clients[AccessHost.ReadKey];

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) statuses.Add((await key.GetAsync("/api/probes")).StatusCode);
        var otherKey = await host.Clients[AccessHost.IngestKey].GetAsync("/api/probes");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.Forbidden, otherKey.StatusCode); // its own budget, and the wrong scope
    }

    [Fact]
    public async Task Offers_openid_connect_when_configured()
    {
        await using var host = await AccessHost.StartAsync(new Dictionary<string, string?>
        {
            ["Monitoring:Access:Oidc:Authority"] = "https://id.example.invalid/realms/shop",
            ["Monitoring:Access:Oidc:ClientId"] = "shopmon",
            ["Monitoring:Access:Oidc:DisplayName"] = "Shop SSO",
        });

        var login = await host.Clients[AccessHost.Anonymous].GetStringAsync("/login?returnUrl=%2Fchecks%2Fhome");
        var endpoints = host.Monitor.App.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>().Select(e => e.RoutePattern.RawText);

        Assert.Contains("<a href=\"/login/oidc?returnUrl=%2Fchecks%2Fhome\">Sign in with Shop SSO</a>", login);
        Assert.Contains("/login/oidc", endpoints);
    }

    [Fact]
    public async Task Refuses_request_bodies_over_the_limit()
    {
        await using var host = await AccessHost.StartAsync(new Dictionary<string, string?> { ["Monitoring:Access:MaxRequestBodyBytes"] = "4096" });

        var response = await host.Clients[Roles.Admin].PostAsync("/admin/api-keys?handler=Create",
            new FormUrlEncodedContent([new("name", new string('x', 10_000))]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Sends_security_headers_on_pages_and_api()
    {
        await using var host = await AccessHost.StartAsync();

        foreach (var path in new[] { "/", "/api/probes", "/login" })
        {
            var response = await host.Clients[Roles.Admin].GetAsync(path);
            Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        }
    }

    [Fact]
    public async Task Without_users_is_open_to_this_machine_only()
    {
        using var folder = new TempFolder();
        await using var monitor = await MonitorHost.StartAsync(folder.Checks,
            new Dictionary<string, string?> { ["Monitoring:Storage:SqlitePath"] = folder.SqlitePath });
        using var proxied = monitor.NewClient();
        proxied.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");

        Assert.Equal(HttpStatusCode.OK, (await monitor.Client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await monitor.Client.GetAsync("/admin/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await proxied.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await proxied.GetAsync("/api/probes")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await proxied.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Can_close_metrics_and_health_to_anyone_without_a_key()
    {
        await using var host = await AccessHost.StartAsync(new Dictionary<string, string?>
        {
            ["Monitoring:Access:OpenMetrics"] = "false",
            ["Monitoring:Access:OpenHealth"] = "false",
        });

        foreach (var path in new[] { "/metrics", "/healthz", "/readyz" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await host.Clients[AccessHost.Anonymous].GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await host.Clients[AccessHost.ReadKey].GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task Audits_an_acknowledgement_from_the_email_link_without_a_sign_in()
    {
        await using var host = await AccessHost.StartAsync();
        var incidents = host.Monitor.App.Services.GetRequiredService<IIncidentStore>();
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        await incidents.SaveEvaluationAsync(new CheckState("home", CheckStatus.Down, at, 3, 0, at, at, [at], false, false), [],
            [new IncidentOpened("home", at, at, FailureClass.HttpStatus, "status 500", true, null)], "status 500", default);
        var id = (await incidents.GetOpenIncidentAsync("home", default))!.Id;
        var link = await host.Monitor.App.Services.GetRequiredService<AckLinks>().CreateAsync(id, "carol@example.com", default);
        var token = Uri.UnescapeDataString(Regex.Match(link, "token=([^&]+)").Groups[1].Value);

        var posted = await host.Clients[AccessHost.Anonymous].PostAsync($"/incidents/{id}/ack", new FormUrlEncodedContent([new("token", token)]));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var entry = (await AuditAsync(host.Monitor)).First(e => e.Action == AuditActions.IncidentAcknowledged);
        Assert.Equal(("carol@example.com", $"incident #{id} (home)", "email link"), (entry.Actor, entry.Target, entry.Detail));
    }
}
