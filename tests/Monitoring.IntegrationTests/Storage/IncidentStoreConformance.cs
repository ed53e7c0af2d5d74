using Monitoring.Incidents;
using Monitoring.Probes;
using Monitoring.Storage;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Storage;

/// <summary>What every backend of <see cref="IIncidentStore"/> must do, on a fresh migrated database per test.</summary>
public abstract class IncidentStoreConformance(ITestBackend backend) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private IIncidentStore _store = null!;

    public async Task InitializeAsync()
    {
        var opened = backend.Open(await backend.CreateDatabaseAsync());
        await opened.Migrator.MigrateAsync(CancellationToken.None);
        _store = new SqlIncidentStore(opened.Database);
    }

    public Task DisposeAsync() => backend.DisposeAsync().AsTask();

    private static CheckState Down(string id) => new(id, CheckStatus.Down, T0.AddMinutes(3), 3, 0, T0.AddMinutes(1), T0.AddMinutes(3),
        [T0.AddMinutes(3)], false, false);

    private Task SaveAsync(CheckState state, params CheckEvent[] events) =>
        _store.SaveEvaluationAsync(state, [], events, "last message", CancellationToken.None);

    [Fact]
    public async Task Round_trips_a_check_state()
    {
        var state = new CheckState("home", CheckStatus.Recovering, T0.AddSeconds(90.5), 0, 1, T0.AddMinutes(-5), T0.AddMinutes(2),
            [T0.AddMinutes(-10), T0.AddMinutes(-1).AddMilliseconds(7)], true, true, AlertHeldBack: true);

        await SaveAsync(state);
        await SaveAsync(state with { ConsecutiveSuccesses = 2 });

        var stored = await _store.GetStateAsync("home", CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal((state with { ConsecutiveSuccesses = 2 }) with { Transitions = stored.Transitions }, stored);
        Assert.Equal(state.Transitions, stored.Transitions);
        Assert.Null(await _store.GetStateAsync("other", CancellationToken.None));
        Assert.Equal(["home"], (await _store.ListStatesAsync(CancellationToken.None)).Select(s => s.CheckId));
    }

    [Fact]
    public async Task Opens_updates_and_resolves_an_incident_with_its_times()
    {
        await SaveAsync(Down("home"), new IncidentOpened("home", T0.AddMinutes(3), T0.AddMinutes(1), FailureClass.HttpStatus,
            "status: expected 2xx, got 500", Notify: true, HeldBackBecause: null));
        await _store.SaveEvaluationAsync(Down("home"), [], [], "status: expected 2xx, got 502", CancellationToken.None);
        var open = await _store.GetOpenIncidentAsync("home", CancellationToken.None);

        Assert.NotNull(open);
        Assert.Equal(("status: expected 2xx, got 500", "status: expected 2xx, got 502"), (open.FirstMessage, open.LastMessage));
        Assert.Equal(FailureClass.HttpStatus, open.Failure);
        Assert.Equal(TimeSpan.FromMinutes(2), open.TimeToDetect);
        Assert.True(open.IsOpen);

        await SaveAsync(Down("home") with { Status = CheckStatus.Up }, new IncidentResolved("home", T0.AddMinutes(9), "HTTP 200 in 40ms"));
        var resolved = await _store.GetIncidentAsync(open.Id, CancellationToken.None);

        Assert.NotNull(resolved);
        Assert.Equal(T0.AddMinutes(9), resolved.ResolvedAt);
        Assert.Equal(TimeSpan.FromMinutes(8), resolved.TimeToResolve);
        Assert.Equal("HTTP 200 in 40ms", resolved.LastMessage);
        Assert.Null(await _store.GetOpenIncidentAsync("home", CancellationToken.None));
    }

    [Fact]
    public async Task Never_keeps_two_open_incidents_for_one_check()
    {
        var opened = new IncidentOpened("home", T0, T0, FailureClass.Timeout, "timeout", true, null);
        await SaveAsync(Down("home"), opened);

        await Assert.ThrowsAnyAsync<Exception>(() => SaveAsync(Down("home"), opened with { At = T0.AddMinutes(1) }));

        Assert.Single(await _store.ListIncidentsAsync("home", 10, CancellationToken.None));
    }

    [Fact]
    public async Task Keeps_why_an_alert_was_held_back_until_it_is_released()
    {
        await SaveAsync(Down("cart"), new IncidentOpened("cart", T0, T0, FailureClass.Connect, "connect: refused", false,
            "depends on 'home', which is down"));
        var held = await _store.GetOpenIncidentAsync("cart", CancellationToken.None);

        await SaveAsync(Down("cart"), new IncidentAlertReleased("cart", T0.AddMinutes(5), "connect: refused"));
        var released = await _store.GetOpenIncidentAsync("cart", CancellationToken.None);

        Assert.Equal("depends on 'home', which is down", held!.HeldBackBecause);
        Assert.Null(released!.HeldBackBecause);
    }

    [Fact]
    public async Task Records_the_first_notification_and_one_acknowledgement_of_an_open_incident()
    {
        await SaveAsync(Down("home"), new IncidentOpened("home", T0, T0, FailureClass.Timeout, "timeout", true, null));
        var id = (await _store.GetOpenIncidentAsync("home", CancellationToken.None))!.Id;

        await _store.MarkNotifiedAsync(id, T0.AddMinutes(1), CancellationToken.None);
        await _store.MarkNotifiedAsync(id, T0.AddMinutes(30), CancellationToken.None);
        var first = await _store.AcknowledgeAsync(id, "ops@shop.test", T0.AddMinutes(4), CancellationToken.None);
        var second = await _store.AcknowledgeAsync(id, "someone-else", T0.AddMinutes(6), CancellationToken.None);
        var unknown = await _store.AcknowledgeAsync(id + 1000, "x", T0, CancellationToken.None);
        var incident = await _store.GetIncidentAsync(id, CancellationToken.None);

        Assert.Equal((true, false, false), (first, second, unknown));
        Assert.Equal(T0.AddMinutes(1), incident!.NotifiedAt);
        Assert.Equal(("ops@shop.test", TimeSpan.FromMinutes(3)), (incident.AcknowledgedBy, incident.TimeToAcknowledge!.Value));
    }

    [Fact]
    public async Task Lists_incidents_newest_first_per_check_or_all()
    {
        for (var i = 0; i < 3; i++)
        {
            await SaveAsync(Down("home"), new IncidentOpened("home", T0.AddHours(i), T0.AddHours(i), FailureClass.Timeout, $"outage {i}", true, null));
            await SaveAsync(Down("home"), new IncidentResolved("home", T0.AddHours(i).AddMinutes(5), "ok"));
        }
        await SaveAsync(Down("cart"), new IncidentOpened("cart", T0.AddMinutes(30), T0.AddMinutes(30), FailureClass.Dns, "dns", true, null));

        Assert.Equal(["outage 2", "outage 1", "outage 0"], (await _store.ListIncidentsAsync("home", 10, default)).Select(i => i.FirstMessage));
        Assert.Equal(["outage 2", "outage 1"], (await _store.ListIncidentsAsync(null, 2, default)).Select(i => i.FirstMessage));
        Assert.Equal(4, (await _store.ListIncidentsAsync(null, 10, default)).Count);
    }

    [Fact]
    public async Task Sums_availability_slices_per_window_of_hours()
    {
        var slices = Availability.Split(T0.AddMinutes(30), T0.AddMinutes(150), TimeCategory.Up)
            .Concat(Availability.Split(T0.AddMinutes(150), T0.AddMinutes(165), TimeCategory.Down))
            .Concat(Availability.Split(T0.AddMinutes(165), T0.AddMinutes(180), TimeCategory.Maintenance)).ToList();
        await _store.SaveEvaluationAsync(Down("home"), slices.Take(2).ToList(), [], "", default);
        await _store.SaveEvaluationAsync(Down("home"), slices.Skip(2).ToList(), [], "", default);

        var all = await _store.AvailabilityAsync("home", T0, T0.AddHours(3), default);
        var lastHour = await _store.AvailabilityAsync("home", T0.AddHours(2), T0.AddHours(3), default);
        var other = await _store.AvailabilityAsync("cart", T0, T0.AddHours(3), default);

        Assert.Equal((TimeSpan.FromMinutes(120), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(15)), (all.Up, all.Down, all.Maintenance));
        Assert.Equal(1 - 15.0 / 135, all.Ratio!.Value, 6);
        Assert.Equal((TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(15)), (lastHour.Up, lastHour.Down));
        Assert.Null(other.Ratio);
    }
}

public sealed class SqliteIncidentStoreTests() : IncidentStoreConformance(new SqliteTestBackend());

[Collection(PostgresCollection.Name)]
public sealed class PostgresIncidentStoreTests(PostgresFixture postgres) : IncidentStoreConformance(new PostgresTestBackend(postgres.Server));
