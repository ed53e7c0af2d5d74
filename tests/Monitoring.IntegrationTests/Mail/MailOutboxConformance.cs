using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using Monitoring.Alerting;
using Monitoring.Alerting.Channels.Email;
using Monitoring.IntegrationTests.Alerting;
using Monitoring.IntegrationTests.Storage;
using Monitoring.Mail;
using Monitoring.Metrics;
using Monitoring.Storage;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Mail;

/// <summary>
/// The mail outbox on each backend, sent through a real SMTP socket: queued once per kind, key and recipient; inline
/// pictures arrive as related parts named by their Content-Id; an SMTP outage delays messages and loses none; two
/// instances dispatching one outbox send each message once.
/// </summary>
public abstract class MailOutboxConformance(ITestBackend backend) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private readonly ManualClock _clock = new(T0);
    private SmtpSink _sink = null!;
    private string _database = "";
    private SqlMailOutbox _outbox = null!;

    public async Task InitializeAsync()
    {
        _sink = SmtpSink.Start();
        _database = await backend.CreateDatabaseAsync();
        var opened = backend.Open(_database);
        await opened.Migrator.MigrateAsync(CancellationToken.None);
        _outbox = new SqlMailOutbox(opened.Database, _clock);
    }

    public async Task DisposeAsync()
    {
        await _sink.DisposeAsync();
        await backend.DisposeAsync();
    }

    private MailDispatcher Dispatcher(SqlMailOutbox? outbox = null) => new(outbox ?? _outbox,
        new EmailOptions { SmtpHost = _sink.Host, SmtpPort = _sink.Port, SmtpTls = SmtpTlsMode.None, From = "shopmon@shop.test" },
        new AlertingOptions(), new MonitoringMetrics(Prometheus.Metrics.NewCustomRegistry()), _clock, NullLogger<MailDispatcher>.Instance);

    private static MailMessage Report(string key, string recipient = "Managers <managers@shop.test>", int images = 1) =>
        new("weekly-report", key, recipient, $"Weekly report {key}", $"Conversion 2.4 % in {key}",
            $"<p>Conversion 2.4 % in {key}</p>" + string.Concat(Enumerable.Range(0, images).Select(i => $"<img src=\"cid:tile{i}@shopmon\">")),
            Enumerable.Range(0, images).Select(i => new MailImage($"tile{i}@shopmon", Png, $"tile{i}.png")).ToList());

    [Fact]
    public async Task Queues_a_message_once_per_kind_key_and_recipient()
    {
        Assert.True(await _outbox.EnqueueAsync(Report("2026-W47"), T0, default));
        Assert.False(await _outbox.EnqueueAsync(Report("2026-W47"), T0, default));
        Assert.True(await _outbox.EnqueueAsync(Report("2026-W47", "ops@shop.test"), T0, default));
        Assert.True(await _outbox.EnqueueAsync(Report("2026-W48"), T0, default));
        Assert.True(await _outbox.EnqueueAsync(Report("2026-W47") with { Kind = "monthly-pack" }, T0, default));

        var listed = await _outbox.ListAsync(null, 10, default);
        Assert.Equal(4, listed.Count);
        Assert.All(listed, e => Assert.Equal("pending", e.Status));
        Assert.Equal(["2026-W48", "2026-W47", "2026-W47"], (await _outbox.ListAsync("weekly-report", 10, default)).Select(e => e.Key));
    }

    [Fact]
    public async Task Sends_what_is_due_with_its_pictures_inline_and_a_plain_text_alternative()
    {
        await _outbox.EnqueueAsync(Report("2026-W47", images: 2), T0, default);
        await _outbox.EnqueueAsync(Report("2026-W48"), T0.AddDays(7), default);

        var summary = await Dispatcher().RunAsync(default);

        Assert.Equal(new MailDispatchSummary(1, 0), summary);
        var mail = Assert.Single(await _sink.WaitForAsync(1, TimeSpan.FromSeconds(10))).Message;
        Assert.Equal("Weekly report 2026-W47", mail.Subject);
        Assert.Equal("weekly-report", mail.Headers["X-Shopmon-Kind"]);
        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);
        Assert.EndsWith("@shop.test", mail.MessageId);
        Assert.Equal("Conversion 2.4 % in 2026-W47", mail.TextBody?.Trim());
        Assert.Contains("cid:tile1@shopmon", mail.HtmlBody);
        var pictures = mail.BodyParts.OfType<MimePart>().Where(p => p.ContentType.MimeType == "image/png").ToList();
        Assert.Equal(["tile0@shopmon", "tile1@shopmon"], pictures.Select(p => p.ContentId));
        using var bytes = new MemoryStream();
        await pictures[0].Content!.DecodeToAsync(bytes);
        Assert.Equal(Png, bytes.ToArray());

        var sent = (await _outbox.ListAsync(null, 10, default)).Single(e => e.Key == "2026-W47");
        Assert.Equal(("sent", 1, (string?)null), (sent.Status, sent.Attempts, sent.LastError));
        Assert.Equal(T0, sent.SentAt);
    }

    [Fact]
    public async Task Keeps_messages_through_an_smtp_outage_and_sends_them_afterwards_in_order_once()
    {
        await _sink.StopAsync();
        foreach (var week in new[] { "2026-W45", "2026-W46", "2026-W47" })
            await _outbox.EnqueueAsync(Report(week), T0, default);

        var down = await Dispatcher().RunAsync(default);
        Assert.Equal(0, down.Sent);
        var waiting = await _outbox.ListAsync(null, 10, default);
        Assert.All(waiting, e => Assert.Equal("pending", e.Status));
        Assert.Contains(waiting, e => e.LastError is { } error && error.Contains("SMTP 127.0.0.1"));

        // Still down after a while: the back-off grows, nothing is dropped.
        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, (await Dispatcher().RunAsync(default)).Sent);

        _sink.Restart();
        _clock.Advance(TimeSpan.FromMinutes(30));
        var dispatcher = Dispatcher();
        var up = await dispatcher.RunAsync(default);
        Assert.Equal(3, up.Sent);
        Assert.Equal(0, (await dispatcher.RunAsync(default)).Sent);
        var mails = await _sink.WaitForAsync(3, TimeSpan.FromSeconds(10));
        Assert.Equal(["Weekly report 2026-W45", "Weekly report 2026-W46", "Weekly report 2026-W47"], mails.Select(m => m.Message.Subject));
        Assert.All(await _outbox.ListAsync(null, 10, default), e => Assert.Equal("sent", e.Status));
    }

    [Fact]
    public async Task Two_instances_dispatching_one_outbox_send_each_message_once()
    {
        for (var i = 0; i < 30; i++)
            await _outbox.EnqueueAsync(Report($"key-{i:00}", $"r{i % 4}@shop.test"), T0, default);
        var second = new SqlMailOutbox(backend.Open(_database).Database, _clock);

        var results = await Task.WhenAll(Dispatcher().RunAsync(default), Dispatcher(second).RunAsync(default));

        Assert.Equal(30, results.Sum(r => r.Sent));
        var mails = await _sink.WaitForAsync(30, TimeSpan.FromSeconds(20));
        Assert.Equal(30, mails.Select(m => m.Message.Subject).Distinct().Count());
        Assert.Equal(30, mails.Count);
    }
}

public sealed class SqliteMailOutboxTests() : MailOutboxConformance(new SqliteTestBackend());

[Collection(PostgresCollection.Name)]
public sealed class PostgresMailOutboxTests(PostgresFixture postgres) : MailOutboxConformance(new PostgresTestBackend(postgres.Server));
