using System.Net;
using System.Text.RegularExpressions;
using Monitoring.Access;
using Monitoring.Incidents;
using Monitoring.Probes;
using Monitoring.Storage;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Access;

/// <summary>Ops acknowledge an incident from the service's pages: with an anti-forgery token, audited, and only ops and admins.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AcknowledgeFromPageTests(PostgresFixture postgres)
{
    [Fact]
    public async Task An_ops_user_acknowledges_an_open_incident_from_the_page_and_it_is_audited()
    {
        _ = postgres;
        await using var host = await AccessHost.StartAsync();
        var id = await OpenIncidentAsync(host.Monitor);
        var ops = host.Clients[Roles.Ops];
        var token = await TokenAsync(ops);

        using var response = await ops.PostAsync($"/incidents/{id}/acknowledge", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/checks/home#incident-{id}", response.Headers.Location?.ToString());
        var incident = await host.Monitor.App.Services.GetRequiredService<IIncidentStore>().GetIncidentAsync(id, default);
        Assert.Equal(Roles.Ops, incident!.AcknowledgedBy);
        var audit = await host.Monitor.App.Services.GetRequiredService<IAuditStore>().ListAsync(50, default);
        Assert.Contains(audit, e => e.Action == AuditActions.IncidentAcknowledged && e.Actor == Roles.Ops && e.Detail == "check page");
    }

    [Fact]
    public async Task Refuses_an_acknowledgement_without_the_anti_forgery_token_and_leaves_the_incident_open()
    {
        _ = postgres;
        await using var host = await AccessHost.StartAsync();
        var id = await OpenIncidentAsync(host.Monitor);

        using var response = await host.Clients[Roles.Ops].PostAsync($"/incidents/{id}/acknowledge", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null((await host.Monitor.App.Services.GetRequiredService<IIncidentStore>().GetIncidentAsync(id, default))!.AcknowledgedAt);
    }

    /// <summary>Any page a signed-in user sees carries the sign-out form, and with it a token for this user.</summary>
    private static async Task<string> TokenAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/");
        return Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value is { Length: > 0 } token
            ? token
            : Regex.Match(page, "value=\"([^\"]+)\" name=\"__RequestVerificationToken\"|__RequestVerificationToken\" value=\"([^\"]+)\"").Groups.Values.Skip(1).First(g => g.Success).Value;
    }

    private static async Task<long> OpenIncidentAsync(MonitorHost monitor)
    {
        var incidents = monitor.App.Services.GetRequiredService<IIncidentStore>();
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        await incidents.SaveEvaluationAsync(new CheckState("home", CheckStatus.Down, at, 3, 0, at, at, [at], false, false), [],
            [new IncidentOpened("home", at, at, FailureClass.HttpStatus, "status 500", true, null)], "status 500", default);
        return (await incidents.GetOpenIncidentAsync("home", default))!.Id;
    }
}
