using System.Net;
using System.Text.RegularExpressions;
using Monitoring.Access;
using Monitoring.Alerting;
using Monitoring.Incidents;
using Monitoring.Probes;
using Monitoring.Storage;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Access;

/// <summary>
/// Behind a reverse proxy: the client's address comes from X-Forwarded-For only when the request came from a
/// configured trusted proxy, and a forwarded request is never "local".
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ForwardedHeadersTests(PostgresFixture postgres)
{
    [Theory]
    [InlineData(true, "203.0.113.9")]
    [InlineData(false, "127.0.0.1")]
    public async Task Records_the_client_address_the_trusted_proxy_saw(bool trusted, string expected)
    {
        _ = postgres;
        var settings = new Dictionary<string, string?>();
        if (trusted) settings["Monitoring:Access:TrustedProxies:0"] = "127.0.0.1";
        await using var host = await AccessHost.StartAsync(settings);
        var (id, token) = await OpenIncidentWithAckTokenAsync(host.Monitor);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/incidents/{id}/ack") { Content = new FormUrlEncodedContent([new("token", token)]) };
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        using var response = await host.Clients[AccessHost.Anonymous].SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var audit = await host.Monitor.App.Services.GetRequiredService<IAuditStore>().ListAsync(50, default);
        Assert.Equal(expected, audit.First(e => e.Action == AuditActions.IncidentAcknowledged).Address);
    }

    [Fact]
    public async Task A_request_through_a_trusted_proxy_on_this_machine_is_not_local()
    {
        _ = postgres;
        var folder = new TempFolder();
        await using var monitor = await MonitorHost.StartAsync(folder.Checks, new Dictionary<string, string?>
        {
            ["Monitoring:Storage:SqlitePath"] = folder.SqlitePath,
            ["Monitoring:Access:TrustedProxies:0"] = "127.0.0.1",
        });
        using var client = monitor.NewClient();

        var direct = await client.GetAsync("/api/checks");
        using var forwarded = new HttpRequestMessage(HttpMethod.Get, "/api/checks");
        forwarded.Headers.Add("X-Forwarded-For", "127.0.0.1");
        var proxied = await client.SendAsync(forwarded);

        Assert.Equal(HttpStatusCode.OK, direct.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, proxied.StatusCode);
        folder.Dispose();
    }

    private static async Task<(long Id, string Token)> OpenIncidentWithAckTokenAsync(MonitorHost monitor)
    {
        var incidents = monitor.App.Services.GetRequiredService<IIncidentStore>();
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        await incidents.SaveEvaluationAsync(new CheckState("home", CheckStatus.Down, at, 3, 0, at, at, [at], false, false), [],
            [new IncidentOpened("home", at, at, FailureClass.HttpStatus, "status 500", true, null)], "status 500", default);
        var id = (await incidents.GetOpenIncidentAsync("home", default))!.Id;
        var link = await monitor.App.Services.GetRequiredService<AckLinks>().CreateAsync(id, "carol@example.com", default);
        return (id, Uri.UnescapeDataString(Regex.Match(link, "token=([^&]+)").Groups[1].Value));
    }
}
