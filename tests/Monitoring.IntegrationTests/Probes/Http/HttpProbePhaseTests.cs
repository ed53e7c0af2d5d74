using System.Collections.Concurrent;
using System.Net;
using Monitoring.Probes;
using Monitoring.Probes.Http;

namespace Monitoring.IntegrationTests.Probes.Http;

/// <summary>Phase timings on a fresh connection per run, and what an https probe sees of an untrusted certificate.</summary>
public sealed class HttpProbePhaseTests
{
    /// <summary>Timestamps are taken at slightly different moments than the run's own clock; this much slack is plenty.</summary>
    private static readonly TimeSpan Epsilon = TimeSpan.FromMilliseconds(5);

    private static void MapEndpoints(WebApplication app)
    {
        app.MapGet("/ok", () => "fine");
        app.MapGet("/slow", async () => { await Task.Delay(300); return "late"; });
        app.MapGet("/moved", () => Results.Redirect("/slow"));
    }

    [Fact]
    public async Task Records_every_phase_but_tls_over_http_within_the_run()
    {
        await using var target = await HttpTarget.StartAsync(MapEndpoints);

        var result = await target.RunAsync(new HttpProbeSettings { Url = target.At("/slow") });

        Assert.Equal(ProbeOutcome.Pass, result.Outcome);
        Assert.Equal(["connect", "processing", "resolve", "transfer"], result.Phases.Keys.Order());
        Assert.All(result.Phases.Values, d => Assert.True(d >= TimeSpan.Zero, $"negative phase {d}"));
        Assert.True(result.Phases["processing"] >= TimeSpan.FromMilliseconds(290), $"processing {result.Phases["processing"]}");
        var sum = result.Phases.Values.Aggregate(TimeSpan.Zero, (total, d) => total + d);
        Assert.True(sum <= result.Duration + Epsilon, $"phases add up to {sum}, the run took {result.Duration}");
        Assert.Null(result.CertificateExpiresAt);
    }

    [Fact]
    public async Task Opens_a_new_connection_on_every_run()
    {
        var connections = new ConcurrentBag<string>();
        await using var target = await HttpTarget.StartAsync(app =>
        {
            app.Use(async (context, next) => { connections.Add(context.Connection.Id); await next(); });
            MapEndpoints(app);
        });
        var settings = new HttpProbeSettings { Url = target.At("/ok") };

        var runs = new List<ProbeResult>();
        for (var i = 0; i < 3; i++) runs.Add(await target.RunAsync(settings));

        Assert.All(runs, r => Assert.Equal(ProbeOutcome.Pass, r.Outcome));
        Assert.All(runs, r => Assert.Contains("connect", r.Phases.Keys));
        Assert.Equal(3, connections.Distinct().Count());
    }

    [Fact]
    public async Task Sums_the_phases_over_redirects()
    {
        await using var target = await HttpTarget.StartAsync(MapEndpoints);

        var result = await target.RunAsync(new HttpProbeSettings { Url = target.At("/moved") });

        Assert.Equal((ProbeOutcome.Pass, 200), (result.Outcome, result.StatusCode));
        Assert.True(result.Phases["processing"] >= TimeSpan.FromMilliseconds(290), $"processing {result.Phases["processing"]}");
        var sum = result.Phases.Values.Aggregate(TimeSpan.Zero, (total, d) => total + d);
        Assert.True(sum <= result.Duration + Epsilon, $"phases add up to {sum}, the run took {result.Duration}");
    }

    [Fact]
    public async Task Fails_with_the_dns_error_when_the_host_does_not_resolve()
    {
        await using var target = await HttpTarget.StartAsync(MapEndpoints);

        // .invalid never resolves (RFC 6761).
        var result = await target.RunAsync(new HttpProbeSettings { Url = new Uri("http://shop.invalid/") });

        Assert.Equal((ProbeOutcome.Fail, FailureClass.Dns), (result.Outcome, result.Failure));
        Assert.StartsWith("dns: could not resolve the host", result.Message);
        Assert.Empty(result.Phases);
    }

    [Fact]
    public async Task Fails_on_a_self_signed_certificate_naming_the_problem_and_its_expiry()
    {
        var notAfter = DateTimeOffset.UtcNow.AddDays(30);
        using var certificate = HttpTarget.SelfSignedCertificate(["localhost"], [IPAddress.Loopback], notAfter);
        await using var target = await HttpTarget.StartAsync(MapEndpoints, certificate);
        Assert.StartsWith("https://127.0.0.1:", target.Url);

        var result = await target.RunAsync(new HttpProbeSettings { Url = target.At("/ok") });

        Assert.Equal((ProbeOutcome.Fail, FailureClass.Tls), (result.Outcome, result.Failure));
        Assert.StartsWith("tls: certificate CN=localhost rejected: UntrustedRoot", result.Message);
        Assert.NotNull(result.CertificateExpiresAt);
        Assert.Equal(certificate.NotAfter.ToUniversalTime(), result.CertificateExpiresAt.Value.UtcDateTime, TimeSpan.FromSeconds(1));
        Assert.Equal(["connect", "resolve"], result.Phases.Keys.Order());
    }

    [Fact]
    public async Task Names_a_certificate_made_for_another_host()
    {
        using var certificate = HttpTarget.SelfSignedCertificate(["shop.example"], [], DateTimeOffset.UtcNow.AddDays(30));
        await using var target = await HttpTarget.StartAsync(MapEndpoints, certificate);

        var result = await target.RunAsync(new HttpProbeSettings { Url = target.At("/ok") });

        Assert.Equal(FailureClass.Tls, result.Failure);
        Assert.StartsWith("tls: certificate CN=shop.example rejected: NameMismatch (not valid for 127.0.0.1), UntrustedRoot", result.Message);
    }
}
