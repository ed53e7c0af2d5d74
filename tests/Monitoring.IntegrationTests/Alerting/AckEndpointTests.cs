using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Monitoring.Alerting;
using Monitoring.Incidents;
using Monitoring.Probes;
using Monitoring.Storage;

namespace Monitoring.IntegrationTests.Alerting;

/// <summary>The acknowledgement link of alert emails, on the real service: a GET never changes anything, the POST of
/// its form acknowledges, and every bad link gets a clear page with the right status.</summary>
// With the other tests that host the service: Hangfire's job storage is process-wide, so two hosts at once would
// schedule each other's jobs.
[Collection(PostgresCollection.Name)]
public sealed class AckEndpointTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private MonitorHost _monitor = null!;
    private long _incident;

    private IIncidentStore Incidents => _monitor.App.Services.GetRequiredService<IIncidentStore>();

    private AckLinks Links => _monitor.App.Services.GetRequiredService<AckLinks>();

    public async Task InitializeAsync()
    {
        _monitor = await MonitorHost.StartAsync(_folder.Checks, new Dictionary<string, string?> { ["Monitoring:Storage:SqlitePath"] = _folder.SqlitePath });
        _incident = await OpenIncidentAsync("product-page");
    }

    public async Task DisposeAsync()
    {
        await _monitor.DisposeAsync();
        _folder.Dispose();
    }

    private async Task<long> OpenIncidentAsync(string checkId)
    {
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        await Incidents.SaveEvaluationAsync(new CheckState(checkId, CheckStatus.Down, at, 3, 0, at, at, [at], false, false), [],
            [new IncidentOpened(checkId, at, at.AddMinutes(-1), FailureClass.HttpStatus, "status: expected 200, got <b>500</b>", true, null)],
            "status: expected 200, got <b>500</b>", default);
        return (await Incidents.GetOpenIncidentAsync(checkId, default))!.Id;
    }

    private async Task<string> LinkAsync(long incident, string who = "alice@example.com") => await Links.CreateAsync(incident, who, default);

    private static string TokenOf(string link) => Uri.UnescapeDataString(Regex.Match(link, "token=([^&]+)").Groups[1].Value);

    private Task<HttpResponseMessage> PostAsync(long incident, string token) =>
        _monitor.Client.PostAsync($"/incidents/{incident}/ack", new FormUrlEncodedContent([new("token", token)]));

    [Fact]
    public async Task Shows_a_form_on_get_and_changes_nothing()
    {
        var response = await _monitor.Client.GetAsync(await LinkAsync(_incident));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<form method=\"post\" action=\"/incidents/{_incident}/ack\">", page);
        Assert.Contains("You acknowledge as alice@example.com", page);
        Assert.Contains("status: expected 200, got &lt;b&gt;500&lt;/b&gt;", page);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Null((await Incidents.GetIncidentAsync(_incident, default))!.AcknowledgedAt);
    }

    [Fact]
    public async Task Acknowledges_on_post_as_the_address_the_link_was_sent_to()
    {
        var response = await PostAsync(_incident, TokenOf(await LinkAsync(_incident)));
        var page = await response.Content.ReadAsStringAsync();
        var incident = await Incidents.GetIncidentAsync(_incident, default);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Acknowledged</h1>", page);
        Assert.Contains("Reminders and escalation are stopped", page);
        Assert.Equal("alice@example.com", incident!.AcknowledgedBy);
        Assert.NotNull(incident.AcknowledgedAt);
    }

    [Fact]
    public async Task Says_who_acknowledged_first_when_the_link_is_used_again()
    {
        await PostAsync(_incident, TokenOf(await LinkAsync(_incident, "alice@example.com")));

        var second = await PostAsync(_incident, TokenOf(await LinkAsync(_incident, "bob@example.com")));
        var page = await second.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("<h1>Already acknowledged</h1>", page);
        Assert.Contains("acknowledged by alice@example.com", page);
        Assert.DoesNotContain("<form", page);
        Assert.Equal("alice@example.com", (await Incidents.GetIncidentAsync(_incident, default))!.AcknowledgedBy);
    }

    [Fact]
    public async Task Refuses_a_tampered_token_with_403_on_get_and_post()
    {
        var token = TokenOf(await LinkAsync(_incident));
        var tampered = token[..^3] + (token[^3] == 'x' ? "y" : "x") + token[^2..];

        var get = await _monitor.Client.GetAsync($"/incidents/{_incident}/ack?token={Uri.EscapeDataString(tampered)}");
        var post = await PostAsync(_incident, tampered);
        var missing = await _monitor.Client.GetAsync($"/incidents/{_incident}/ack");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (get.StatusCode, post.StatusCode, missing.StatusCode));
        Assert.Contains("This acknowledgement link is not valid", await post.Content.ReadAsStringAsync());
        Assert.Null((await Incidents.GetIncidentAsync(_incident, default))!.AcknowledgedAt);
    }

    [Fact]
    public async Task Refuses_the_link_of_another_incident()
    {
        var other = await OpenIncidentAsync("shop-health");

        var response = await PostAsync(_incident, TokenOf(await LinkAsync(other)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("belongs to another incident", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Refuses_an_expired_link()
    {
        // The key the service generated and keeps in its database (no key is configured here).
        var key = await _monitor.App.Services.GetRequiredService<IAlertOutboxStore>()
            .GetOrAddSecretAsync(AckLinks.SecretName, "unused", DateTimeOffset.UtcNow, default);
        await LinkAsync(_incident); // the service has its key by now either way
        var expired = AckToken.Create(Encoding.UTF8.GetBytes(key), _incident, "alice@example.com", DateTimeOffset.UtcNow.AddMinutes(-1));

        var response = await PostAsync(_incident, expired);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("This acknowledgement link expired on", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(key, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Answers_404_for_an_unknown_incident()
    {
        var response = await _monitor.Client.GetAsync(await LinkAsync(_incident + 1000));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains($"There is no incident #{_incident + 1000}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Says_there_is_nothing_to_acknowledge_once_resolved()
    {
        var at = DateTimeOffset.UtcNow;
        await Incidents.SaveEvaluationAsync(new CheckState("product-page", CheckStatus.Up, at, 0, 2, null, at, [], false, false), [],
            [new IncidentResolved("product-page", at, "HTTP 200")], "HTTP 200", default);

        var response = await PostAsync(_incident, TokenOf(await LinkAsync(_incident)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Already resolved</h1>", await response.Content.ReadAsStringAsync());
        Assert.Null((await Incidents.GetIncidentAsync(_incident, default))!.AcknowledgedAt);
    }
}
