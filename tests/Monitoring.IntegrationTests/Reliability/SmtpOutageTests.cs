using Monitoring.IntegrationTests.Alerting;
using Monitoring.IntegrationTests.Storage;
using Monitoring.Mail;
using Monitoring.TestSupport;
using Xunit.Abstractions;

namespace Monitoring.IntegrationTests.Reliability;

/// <summary>
/// The mail server away for 30 minutes while incidents open, resolve and re-open and a weekly report falls due: the
/// dispatchers keep passing every 10 seconds as their job does; afterwards every alert and report is sent, each once,
/// to each recipient in the order it was queued. Prints the figures (messages held, attempts, time to drain).
/// </summary>
public abstract class SmtpOutageTests(ITestBackend backend, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Pass = TimeSpan.FromSeconds(10);
    private readonly TempFolder _folder = new();
    private SmtpSink _sink = null!;
    private string _database = "";

    public async Task InitializeAsync()
    {
        _sink = SmtpSink.Start();
        _database = await backend.CreateDatabaseAsync();
        AlertingHarness.WriteChecks(_folder);
    }

    public async Task DisposeAsync()
    {
        await _sink.DisposeAsync();
        await backend.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Sends_every_alert_and_report_once_and_in_order_after_a_30_minute_outage()
    {
        var clock = new ManualClock(T0);
        await using var shopmon = await AlertingHarness.StartAsync(backend.Open(_database), _folder, _sink, clock);
        await _sink.StopAsync();
        var outageEnds = T0.AddMinutes(30);
        var attempts = 0;

        async Task PassAsync()
        {
            var alerts = await shopmon.DispatchAsync();
            var mail = await shopmon.MailDispatcher.RunAsync(default);
            attempts += alerts.Failed + alerts.Sent + mail.Failed + mail.Sent;
        }

        // What happens during the outage, by minute: incidents open, one resolves, it re-opens; a report falls due.
        var script = new SortedDictionary<int, Func<Task>>
        {
            [0] = () => shopmon.BreakAsync("product-page"),
            [4] = () => shopmon.BreakAsync("shop-health"),
            [9] = () => shopmon.RunAsync("product-page", up: true),
            [15] = () => shopmon.MailOutbox.EnqueueAsync(new MailMessage("weekly-report", "2026-W47", "ops@shop.test",
                "Weekly report 2026-W47", "text", "<p>html</p>", []), clock.GetUtcNow(), default),
            [21] = () => shopmon.BreakAsync("product-page"),
            [26] = () => shopmon.RunAsync("shop-health", up: true),
        };
        while (clock.GetUtcNow() < outageEnds)
        {
            var minute = (int)(clock.GetUtcNow() - T0).TotalMinutes;
            foreach (var due in script.Keys.Where(k => k <= minute).ToList())
            {
                await script[due]();
                script.Remove(due);
            }
            await PassAsync();
            clock.Advance(Pass);
        }
        var held = await shopmon.Outbox.CountPendingAsync(default) + await shopmon.MailOutbox.CountPendingAsync(default);
        var attemptsDuringOutage = attempts;
        Assert.Empty(_sink.Messages);

        _sink.Restart();
        var recovered = clock.GetUtcNow();
        while (await shopmon.Outbox.CountPendingAsync(default) + await shopmon.MailOutbox.CountPendingAsync(default) > 0
               && clock.GetUtcNow() < recovered.AddMinutes(15))
        {
            await PassAsync();
            clock.Advance(Pass);
        }
        var drained = clock.GetUtcNow() - recovered;
        for (var i = 0; i < 30; i++)
        {
            await PassAsync(); // nothing goes twice, however many passes follow
            clock.Advance(Pass);
        }

        var mails = _sink.Messages;
        output.WriteLine($"outage 30 min: {held} message(s) held, {attemptsDuringOutage} failed send attempt(s) during the outage " +
                         $"(back-off), all {mails.Count} sent within {drained.TotalSeconds:0} s of the server's return");
        Assert.Equal(0, await shopmon.Outbox.CountPendingAsync(default) + await shopmon.MailOutbox.CountPendingAsync(default));
        Assert.True(held >= 5, $"held {held}");
        Assert.Equal(held, mails.Count);
        // Each message once: the alert outbox keys are unique per incident, kind and recipient; reports per kind and key.
        var keys = mails.Select(m => $"{m.RcptTo.Single()} {m.Message.Headers["X-Shopmon-Incident"]} {m.Message.Headers["X-Shopmon-Kind"]} {m.Message.Headers["X-Shopmon-Key"]}").ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        // In order per recipient: the order the rows were queued (their ids), per outbox.
        foreach (var recipient in mails.GroupBy(m => m.RcptTo.Single()))
        {
            var alerts = recipient.Where(m => m.Message.Headers["X-Shopmon-Incident"] is not null).ToList();
            var incidentsInOrder = alerts.Select(m => long.Parse(m.Message.Headers["X-Shopmon-Incident"]!)).ToList();
            Assert.True(incidentsInOrder.SequenceEqual(incidentsInOrder.Order()), $"{recipient.Key}: {string.Join(", ", incidentsInOrder)}");
        }
        Assert.Contains(mails, m => m.Message.Subject == "Weekly report 2026-W47");
        Assert.True(drained <= TimeSpan.FromMinutes(6), $"drained in {drained}");
    }
}

public sealed class SqliteSmtpOutageTests(ITestOutputHelper output) : SmtpOutageTests(new SqliteTestBackend(), output);

[Collection(PostgresCollection.Name)]
public sealed class PostgresSmtpOutageTests(PostgresFixture postgres, ITestOutputHelper output)
    : SmtpOutageTests(new PostgresTestBackend(postgres.Server), output);
