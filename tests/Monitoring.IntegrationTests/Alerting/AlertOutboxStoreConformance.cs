using System.Collections.Concurrent;
using Monitoring.Alerting;
using Monitoring.Incidents;
using Monitoring.IntegrationTests.Storage;
using Monitoring.Probes;
using Monitoring.Storage;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Alerting;

/// <summary>What every backend of <see cref="IAlertOutboxStore"/> must do, on a fresh migrated database per test.</summary>
public abstract class AlertOutboxStoreConformance(ITestBackend backend) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private string _database = "";
    private IAlertOutboxStore _outbox = null!;
    private IIncidentStore _incidents = null!;

    public async Task InitializeAsync()
    {
        _database = await backend.CreateDatabaseAsync();
        var opened = backend.Open(_database);
        await opened.Migrator.MigrateAsync(CancellationToken.None);
        _outbox = new SqlAlertOutboxStore(opened.Database);
        _incidents = new SqlIncidentStore(opened.Database);
    }

    public Task DisposeAsync() => backend.DisposeAsync().AsTask();

    /// <summary>A second service instance on the same database.</summary>
    private IAlertOutboxStore SecondInstance() => new SqlAlertOutboxStore(backend.Open(_database).Database);

    private async Task<long> OpenIncidentAsync(string checkId, DateTimeOffset at)
    {
        var state = new CheckState(checkId, CheckStatus.Down, at, 3, 0, at, at, [at], false, false);
        await _incidents.SaveEvaluationAsync(state, [], [new IncidentOpened(checkId, at, at, FailureClass.HttpStatus, "status 500", true, null)],
            "status 500", default);
        return (await _incidents.GetOpenIncidentAsync(checkId, default))!.Id;
    }

    private static NewNotification Notification(long incident, string recipient, NotificationKind kind = NotificationKind.Trigger,
        string? key = null, DateTimeOffset? due = null, byte[]? chart = null) =>
        new(incident, "home", "email", kind, key ?? NotificationNames.Of(kind), recipient,
            new NotificationContent($"[{kind}] home", "text body", "<p>html body</p>", chart) { Screenshot = chart is null ? null : [.. chart.Reverse()] },
            $"m-{incident}-{key ?? kind.ToString()}@shop.test",
            kind == NotificationKind.Trigger ? null : $"m-{incident}-Trigger@shop.test", due ?? T0);

    private Task<IReadOnlyList<OutboxMessage>> ClaimAsync(DateTimeOffset now, string owner = "a", int limit = 100, IAlertOutboxStore? store = null) =>
        (store ?? _outbox).ClaimAsync("email", owner, now, Lease, limit, default);

    [Fact]
    public async Task Queues_a_notification_once_per_incident_key_and_recipient()
    {
        var incident = await OpenIncidentAsync("home", T0);

        var first = await _outbox.AddAsync([Notification(incident, "a@shop.test"), Notification(incident, "b@shop.test")], T0, default);
        var again = await _outbox.AddAsync([Notification(incident, "a@shop.test"), Notification(incident, "c@shop.test")], T0, default);

        Assert.Equal((2, 1), (first, again));
        Assert.Equal(["a@shop.test", "b@shop.test", "c@shop.test"], (await _outbox.ListAsync(incident, default)).Select(r => r.Recipient));
    }

    [Fact]
    public async Task Round_trips_a_row_with_its_content_and_chart()
    {
        var incident = await OpenIncidentAsync("home", T0);
        byte[] chart = [0x89, 0x50, 0x4E, 0x47, 0, 1, 2, 255];
        await _outbox.AddAsync([Notification(incident, "a@shop.test", NotificationKind.Reminder, "reminder:1", T0.AddSeconds(30), chart)],
            T0, default);

        var claimed = Assert.Single(await ClaimAsync(T0.AddMinutes(1)));
        var listed = Assert.Single(await _outbox.ListAsync(incident, default));

        Assert.Equal(new OutboxEntry(listed.Id, incident, "email", NotificationKind.Reminder, "reminder:1", "a@shop.test",
            NotificationStatus.Pending, T0.AddSeconds(30), null, $"m-{incident}-reminder:1@shop.test", 0, null), listed);
        Assert.Equal(listed, claimed.Entry);
        Assert.Equal(("home", "[Reminder] home", "text body", "<p>html body</p>"),
            (claimed.CheckId, claimed.Content.Subject, claimed.Content.TextBody, claimed.Content.HtmlBody));
        Assert.Equal(chart, claimed.Content.Chart);
        Assert.Equal(chart.Reverse(), claimed.Content.Screenshot);
        Assert.Equal($"m-{incident}-Trigger@shop.test", claimed.InReplyTo);
        Assert.Equal(T0, claimed.CreatedAt);
    }

    [Fact]
    public async Task Claims_due_rows_oldest_first_and_leaves_future_ones()
    {
        var one = await OpenIncidentAsync("home", T0);
        var two = await OpenIncidentAsync("cart", T0);
        await _outbox.AddAsync([Notification(one, "a@shop.test", due: T0.AddSeconds(30)), Notification(two, "a@shop.test", due: T0.AddSeconds(10)),
            Notification(two, "b@shop.test", due: T0.AddMinutes(5))], T0, default);

        var claimed = await ClaimAsync(T0.AddMinutes(1));

        Assert.Equal([(two, "a@shop.test"), (one, "a@shop.test")], claimed.Select(c => (c.Entry.IncidentId, c.Entry.Recipient)));
    }

    [Fact]
    public async Task Holds_a_later_row_back_while_an_earlier_one_to_the_same_recipient_is_pending()
    {
        var incident = await OpenIncidentAsync("home", T0);
        await _outbox.AddAsync([Notification(incident, "a@shop.test"), Notification(incident, "b@shop.test")], T0, default);
        await _outbox.AddAsync([Notification(incident, "a@shop.test", NotificationKind.Resolve), Notification(incident, "b@shop.test", NotificationKind.Resolve)],
            T0.AddSeconds(5), default);

        var firstRound = await ClaimAsync(T0.AddMinutes(1));
        await _outbox.MarkSentAsync(firstRound.Single(c => c.Entry.Recipient == "a@shop.test").Entry.Id, "a", T0.AddMinutes(1), default);
        await _outbox.MarkFailedAsync(firstRound.Single(c => c.Entry.Recipient == "b@shop.test").Entry.Id, "a", "550 no", T0.AddMinutes(1), default);
        var secondRound = await ClaimAsync(T0.AddMinutes(1));

        Assert.All(firstRound, c => Assert.Equal(NotificationKind.Trigger, c.Entry.Kind));
        // a's trigger went, so a's resolve may go; b's trigger is still pending, so b's resolve waits behind it (b's
        // trigger itself is in back-off until T0+1m, which is now).
        Assert.Equal([("a@shop.test", NotificationKind.Resolve), ("b@shop.test", NotificationKind.Trigger)],
            secondRound.Select(c => (c.Entry.Recipient, c.Entry.Kind)).OrderBy(x => x.Recipient));
    }

    [Fact]
    public async Task Does_not_hand_a_claimed_row_to_another_owner_until_its_lease_ends()
    {
        var incident = await OpenIncidentAsync("home", T0);
        await _outbox.AddAsync([Notification(incident, "a@shop.test")], T0, default);

        var mine = await ClaimAsync(T0, "a");
        var whileLeased = await ClaimAsync(T0.AddMinutes(4), "b", store: SecondInstance());
        var afterLease = await ClaimAsync(T0.AddMinutes(6), "b", store: SecondInstance());
        var lostClaim = await _outbox.MarkSentAsync(mine[0].Entry.Id, "a", T0.AddMinutes(6), default);
        var ownClaim = await _outbox.MarkSentAsync(afterLease[0].Entry.Id, "b", T0.AddMinutes(6), default);

        Assert.Single(mine);
        Assert.Empty(whileLeased);
        Assert.Single(afterLease);
        Assert.Equal((false, true), (lostClaim, ownClaim));
        Assert.Empty(await ClaimAsync(T0.AddHours(1), "c"));
    }

    [Fact]
    public async Task Two_instances_claiming_at_once_never_get_the_same_row()
    {
        var incident = await OpenIncidentAsync("home", T0);
        await _outbox.AddAsync(Enumerable.Range(0, 60).Select(i => Notification(incident, $"r{i}@shop.test")).ToList(), T0, default);
        var byOwner = new ConcurrentDictionary<string, ConcurrentBag<long>>();

        async Task DrainAsync(string owner, IAlertOutboxStore store)
        {
            while (await ClaimAsync(T0.AddMinutes(1), owner, limit: 7, store: store) is { Count: > 0 } claimed)
                foreach (var c in claimed) byOwner.GetOrAdd(owner, _ => []).Add(c.Entry.Id);
        }
        await Task.WhenAll(Task.Run(() => DrainAsync("a", _outbox)), Task.Run(() => DrainAsync("b", SecondInstance())));

        var all = byOwner.Values.SelectMany(ids => ids).ToList();
        Assert.Equal(60, all.Count);
        Assert.Equal(60, all.Distinct().Count());
    }

    [Fact]
    public async Task Keeps_a_failed_row_pending_with_its_error_until_its_retry_time()
    {
        var incident = await OpenIncidentAsync("home", T0);
        await _outbox.AddAsync([Notification(incident, "a@shop.test")], T0, default);
        var claimed = Assert.Single(await ClaimAsync(T0));

        await _outbox.MarkFailedAsync(claimed.Entry.Id, "a", "SMTP 127.0.0.1:2525: Connection refused", T0.AddSeconds(15), default);
        var beforeRetry = await ClaimAsync(T0.AddSeconds(14));
        var row = Assert.Single(await _outbox.ListAsync(incident, default));
        var atRetry = await ClaimAsync(T0.AddSeconds(15));

        Assert.Empty(beforeRetry);
        Assert.Equal((NotificationStatus.Pending, 1, "SMTP 127.0.0.1:2525: Connection refused"), (row.Status, row.Attempts, row.LastError));
        Assert.Single(atRetry);
        Assert.Equal(1, await _outbox.CountPendingAsync(default));
    }

    [Fact]
    public async Task Marks_a_row_sent_once_and_never_hands_it_out_again()
    {
        var incident = await OpenIncidentAsync("home", T0);
        await _outbox.AddAsync([Notification(incident, "a@shop.test")], T0, default);
        var claimed = Assert.Single(await ClaimAsync(T0));

        Assert.True(await _outbox.MarkSentAsync(claimed.Entry.Id, "a", T0.AddSeconds(1), default));
        Assert.False(await _outbox.MarkSentAsync(claimed.Entry.Id, "a", T0.AddSeconds(2), default));

        var row = Assert.Single(await _outbox.ListAsync(incident, default));
        Assert.Equal((NotificationStatus.Sent, T0.AddSeconds(1), 1), (row.Status, row.SentAt, row.Attempts));
        Assert.Empty(await ClaimAsync(T0.AddDays(1)));
        Assert.Equal(0, await _outbox.CountPendingAsync(default));
    }

    [Fact]
    public async Task Cancels_a_pending_row_but_not_one_being_sent_by_another_instance()
    {
        var incident = await OpenIncidentAsync("home", T0);
        await _outbox.AddAsync([Notification(incident, "a@shop.test"), Notification(incident, "b@shop.test")], T0, default);
        var rows = await _outbox.ListAsync(incident, default);
        await ClaimAsync(T0, "other", limit: 1);

        var free = await _outbox.CancelAsync(rows[1].Id, null, "acknowledged", T0, default);
        var held = await _outbox.CancelAsync(rows[0].Id, null, "acknowledged", T0, default);
        var byHolder = await _outbox.CancelAsync(rows[0].Id, "other", "acknowledged", T0, default);

        Assert.Equal((true, false, true), (free, held, byHolder));
        Assert.All(await _outbox.ListAsync(incident, default), r => Assert.Equal(NotificationStatus.Cancelled, r.Status));
        Assert.Empty(await ClaimAsync(T0.AddDays(1)));
    }

    [Fact]
    public async Task Lists_the_incidents_to_plan_open_recently_resolved_with_rows_and_any_with_pending_rows()
    {
        var open = await OpenIncidentAsync("open", T0);
        var resolvedWithRows = await OpenIncidentAsync("recent", T0);
        var resolvedLongAgoPending = await OpenIncidentAsync("old-pending", T0);
        await OpenIncidentAsync("quiet", T0);
        await _outbox.AddAsync([Notification(resolvedWithRows, "a@shop.test"), Notification(resolvedLongAgoPending, "a@shop.test")], T0, default);
        var sent = Assert.Single(await ClaimAsync(T0, limit: 1));
        await _outbox.MarkSentAsync(sent.Entry.Id, "a", T0, default);
        foreach (var (check, at) in new[] { ("recent", T0.AddHours(30)), ("old-pending", T0.AddMinutes(1)), ("quiet", T0.AddHours(30)) })
            await _incidents.SaveEvaluationAsync(new CheckState(check, CheckStatus.Up, at, 0, 2, null, at, [], false, false), [],
                [new IncidentResolved(check, at, "ok")], "ok", default);

        var ids = await _outbox.IncidentsToPlanAsync(T0.AddHours(6), default);

        Assert.Equal(new[] { open, resolvedWithRows, resolvedLongAgoPending }.Order(), ids);
    }

    [Fact]
    public async Task Shares_one_secret_between_instances()
    {
        var first = await _outbox.GetOrAddSecretAsync("ack-signing-key", "from-instance-a", T0, default);
        var second = await SecondInstance().GetOrAddSecretAsync("ack-signing-key", "from-instance-b", T0, default);

        Assert.Equal(("from-instance-a", "from-instance-a"), (first, second));
    }
}

public sealed class SqliteAlertOutboxStoreTests() : AlertOutboxStoreConformance(new SqliteTestBackend());

[Collection(PostgresCollection.Name)]
public sealed class PostgresAlertOutboxStoreTests(PostgresFixture postgres) : AlertOutboxStoreConformance(new PostgresTestBackend(postgres.Server));
