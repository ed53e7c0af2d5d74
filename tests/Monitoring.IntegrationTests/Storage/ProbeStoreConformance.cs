using System.Data.Common;
using Monitoring.Probes;
using Monitoring.Probes.Http;
using Monitoring.Storage;

namespace Monitoring.IntegrationTests.Storage;

/// <summary>
/// What every backend of <see cref="IProbeStore"/> must do, run against a real database. A backend's test class only
/// says how to make a fresh empty database and how to open the backend on it; each test starts on its own migrated one.
/// </summary>
public abstract class ProbeStoreConformance(ITestBackend backend) : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private const string ProbesMigration = "20261122_0001_probes";

    private Backend? _backend;

    protected Task<string> CreateDatabaseAsync() => backend.CreateDatabaseAsync();

    protected Backend Open(string database) => backend.Open(database);

    protected Backend OpenUnreachable() => backend.OpenUnreachable();

    public Task DisposeAsync() => backend.DisposeAsync().AsTask();

    private Backend Current => _backend ?? throw new InvalidOperationException("The test database is not open");

    protected IProbeStore Store => new SqlProbeStore(Current.Database);

    /// <summary>What the migration at the start of the test applied.</summary>
    protected IReadOnlyList<string> AppliedAtStart { get; private set; } = [];

    public async Task InitializeAsync()
    {
        _backend = Open(await CreateDatabaseAsync());
        AppliedAtStart = await Current.Migrator.MigrateAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Applies_the_probes_migration_on_the_first_run_and_nothing_on_the_second()
    {
        Assert.Contains(ProbesMigration, AppliedAtStart);
        Assert.Empty(await Current.Migrator.MigrateAsync(CancellationToken.None));
        Assert.Equal(1, await TimesRecordedAsync(Current.Database, ProbesMigration));
    }

    [Fact]
    public async Task Migrates_once_when_two_instances_start_together()
    {
        var database = await CreateDatabaseAsync();
        var first = Open(database);
        var second = Open(database);

        var applied = await Task.WhenAll(
            Task.Run(() => first.Migrator.MigrateAsync(CancellationToken.None)),
            Task.Run(() => second.Migrator.MigrateAsync(CancellationToken.None)));

        // One of them applies what a lone migrator applies; the other waits for it, then finds nothing to do.
        Assert.Contains(applied, ids => ids.Count == 0);
        Assert.Equal(AppliedAtStart, applied.SelectMany(ids => ids));
        Assert.Equal(1, await TimesRecordedAsync(first.Database, ProbesMigration));
    }

    [Fact]
    public async Task Ping_succeeds_when_the_backend_is_up() =>
        await Current.Health.PingAsync(CancellationToken.None);

    [Fact]
    public async Task Ping_throws_when_the_backend_cannot_be_reached() =>
        await Assert.ThrowsAnyAsync<DbException>(() => OpenUnreachable().Health.PingAsync(CancellationToken.None));

    [Fact]
    public async Task Sync_stores_every_field_of_a_definition()
    {
        await Store.SyncDefinitionsAsync([Definition("checkout", team: "payments"), Definition("home", team: null)], T0, CancellationToken.None);

        var stored = await Store.ListActiveAsync(CancellationToken.None);

        Assert.Equal(
        [
            new StoredProbe("checkout", "Probe checkout", "http", "http://shop.test/checkout", TimeSpan.FromMinutes(1),
                TimeSpan.FromSeconds(10), "payments", "checks/probes/checkout.yaml:3", T0),
            new StoredProbe("home", "Probe home", "http", "http://shop.test/home", TimeSpan.FromMinutes(1),
                TimeSpan.FromSeconds(10), null, "checks/probes/home.yaml:3", T0),
        ], stored);
    }

    [Fact]
    public async Task Sync_updates_a_changed_definition()
    {
        await Store.SyncDefinitionsAsync([Definition("home")], T0, CancellationToken.None);
        var changed = Definition("home", url: "http://shop.test/start") with
        {
            Name = "Start page",
            Interval = TimeSpan.FromSeconds(30),
            Timeout = TimeSpan.FromSeconds(5),
        };

        await Store.SyncDefinitionsAsync([changed], T0.AddHours(1), CancellationToken.None);

        var stored = Assert.Single(await Store.ListActiveAsync(CancellationToken.None));
        Assert.Equal(("Start page", "http://shop.test/start", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5), T0.AddHours(1)),
            (stored.Name, stored.Target, stored.Interval, stored.Timeout, stored.UpdatedAt));
    }

    [Fact]
    public async Task Sync_deactivates_removed_probes_and_reactivates_them_when_declared_again()
    {
        await Store.SyncDefinitionsAsync([Definition("cart"), Definition("home"), Definition("search")], T0, CancellationToken.None);

        await Store.SyncDefinitionsAsync([Definition("search"), Definition("home")], T0.AddMinutes(1), CancellationToken.None);
        Assert.Equal(["home", "search"], Ids(await Store.ListActiveAsync(CancellationToken.None)));

        await Store.SyncDefinitionsAsync([Definition("search"), Definition("cart"), Definition("home")], T0.AddMinutes(2), CancellationToken.None);
        Assert.Equal(["cart", "home", "search"], Ids(await Store.ListActiveAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task Sync_with_no_probes_deactivates_them_all()
    {
        await Store.SyncDefinitionsAsync([Definition("cart"), Definition("home")], T0, CancellationToken.None);

        await Store.SyncDefinitionsAsync([], T0.AddMinutes(1), CancellationToken.None);

        Assert.Empty(await Store.ListActiveAsync(CancellationToken.None));
        Assert.Empty(await Store.SummariseAsync(T0, CancellationToken.None));
    }

    public static TheoryData<ProbeResult> Results => new()
    {
        new ProbeResult(Guid.NewGuid(), "home", T0.AddMilliseconds(123), TimeSpan.FromMilliseconds(87.654), ProbeOutcome.Pass, 200, "200 OK in 87ms"),
        new ProbeResult(Guid.NewGuid(), "home", new DateTimeOffset(2026, 11, 20, 11, 0, 0, 999, TimeSpan.FromHours(1)),
            TimeSpan.FromMilliseconds(10_000.001), ProbeOutcome.Fail, null, "timeout: no answer within 10s") { Failure = FailureClass.Timeout },
        new ProbeResult(Guid.NewGuid(), "home", T0, TimeSpan.FromMilliseconds(2400.5), ProbeOutcome.Degraded, 200, "slow")
        {
            Failure = FailureClass.Latency,
            Phases = new Dictionary<string, TimeSpan>
            {
                ["resolve"] = TimeSpan.FromMilliseconds(1.5), ["connect"] = TimeSpan.FromMilliseconds(0.25),
                ["tls"] = TimeSpan.FromMilliseconds(12), ["processing"] = TimeSpan.FromMilliseconds(2300), ["transfer"] = TimeSpan.FromMilliseconds(86.75),
            },
            CertificateExpiresAt = new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero),
        },
        new ProbeResult(Guid.NewGuid(), "home", T0, TimeSpan.FromMilliseconds(0.001), ProbeOutcome.Fail, 500,
            "status: expected \"2xx\", got 500 — l'hôte « shop » répond 😞\nbody: {'error': \"boom\"}") { Failure = FailureClass.HttpStatus },
    };

    [Theory]
    [MemberData(nameof(Results))]
    public async Task Results_round_trip_every_field(ProbeResult result)
    {
        await Store.RecordAsync(result, CancellationToken.None);

        var read = Assert.Single(await Store.ResultsAsync("home", T0.AddDays(-1), T0.AddDays(1), CancellationToken.None));
        Assert.Equal(result.Duration.TotalMilliseconds, read.Duration.TotalMilliseconds, 0.001);
        Assert.Equal(result with { Duration = read.Duration }, read);
    }

    [Fact]
    public async Task Recording_the_same_run_twice_stores_it_once()
    {
        var result = Result("home", T0);

        await Store.RecordAsync(result, CancellationToken.None);
        await Store.RecordAsync(result with { Message = "the retry" }, CancellationToken.None);

        var stored = Assert.Single(await Store.ResultsAsync("home", T0, T0.AddMinutes(1), CancellationToken.None));
        Assert.Equal(result.Message, stored.Message);
    }

    public static TheoryData<int, int, int[]> Windows => new()
    {
        // Runs of "home" start at minutes 0, 1, 2 and 3 after T0; the window is [from, to) in minutes after T0.
        { 0, 4, [0, 1, 2, 3] },
        { 1, 3, [1, 2] },
        { 2, 2, [] },
        { 3, 10, [3] },
        { -5, 0, [] },
        { 4, 10, [] },
    };

    [Theory]
    [MemberData(nameof(Windows))]
    public async Task Results_are_the_probes_runs_in_the_window_oldest_first(int from, int to, int[] minutes)
    {
        foreach (var minute in new[] { 2, 0, 3, 1 })
        {
            await Store.RecordAsync(Result("home", T0.AddMinutes(minute)), CancellationToken.None);
            await Store.RecordAsync(Result("cart", T0.AddMinutes(minute)), CancellationToken.None);
        }

        var results = await Store.ResultsAsync("home", T0.AddMinutes(from), T0.AddMinutes(to), CancellationToken.None);

        Assert.All(results, r => Assert.Equal("home", r.ProbeId));
        Assert.Equal(minutes.Select(m => T0.AddMinutes(m)), results.Select(r => r.StartedAt));
    }

    [Fact]
    public async Task Summary_last_result_is_the_newest_run_whatever_the_order_recorded()
    {
        await Store.SyncDefinitionsAsync([Definition("home")], T0, CancellationToken.None);
        var newest = Result("home", T0.AddMinutes(5), ProbeOutcome.Fail);
        foreach (var result in new[] { Result("home", T0.AddMinutes(2)), newest, Result("home", T0), Result("home", T0.AddMinutes(4)) })
            await Store.RecordAsync(result, CancellationToken.None);

        var summary = Assert.Single(await Store.SummariseAsync(T0, CancellationToken.None));

        Assert.Equal(newest with { Duration = summary.LastResult!.Duration }, summary.LastResult);
    }

    public static TheoryData<string, int, int, double?> Tallies => new()
    {
        // Runs as "minute:outcome" relative to the window's start (P pass, F fail); a negative minute is before it.
        { "", 0, 0, null },
        { "-2:P -1:F", 0, 0, null },
        { "0:P 1:P 2:F 3:P", 4, 3, 0.75 },
        { "-1:P 0:F 1:P", 2, 1, 0.5 },
        { "-1:F 5:P", 1, 1, 1.0 },
        { "0:F 1:F", 2, 0, 0.0 },
    };

    [Theory]
    [MemberData(nameof(Tallies))]
    public async Task Summary_counts_the_runs_at_or_after_the_window_start(string runs, int expectedRuns, int expectedPassed, double? ratio)
    {
        await Store.SyncDefinitionsAsync([Definition("home")], T0, CancellationToken.None);
        var since = T0.AddHours(1);
        foreach (var run in runs.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var (minute, outcome) = (int.Parse(run.Split(':')[0]), run.EndsWith('P') ? ProbeOutcome.Pass : ProbeOutcome.Fail);
            await Store.RecordAsync(Result("home", since.AddMinutes(minute), outcome), CancellationToken.None);
        }

        var summary = Assert.Single(await Store.SummariseAsync(since, CancellationToken.None));

        Assert.Equal((expectedRuns, expectedPassed, ratio), (summary.Runs, summary.Passed, summary.SuccessRatio));
        Assert.Equal(runs.Length > 0, summary.LastResult is not null);
    }

    [Fact]
    public async Task Summary_covers_every_active_probe_and_no_inactive_one()
    {
        await Store.SyncDefinitionsAsync([Definition("cart"), Definition("home"), Definition("search")], T0, CancellationToken.None);
        await Store.RecordAsync(Result("cart", T0), CancellationToken.None);
        await Store.RecordAsync(Result("home", T0), CancellationToken.None);
        await Store.SyncDefinitionsAsync([Definition("home"), Definition("search")], T0.AddMinutes(1), CancellationToken.None);

        var summaries = await Store.SummariseAsync(T0, CancellationToken.None);

        Assert.Equal(["home", "search"], summaries.Select(s => s.Probe.Id));
        Assert.Equal((1, 1, 1.0), (summaries[0].Runs, summaries[0].Passed, summaries[0].SuccessRatio));
        Assert.Null(summaries[1].LastResult);
        Assert.Equal((0, 0, (double?)null), (summaries[1].Runs, summaries[1].Passed, summaries[1].SuccessRatio));
    }

    private static ProbeDefinition Definition(string id, string? team = "shop", string? url = null) =>
        new(id, $"Probe {id}", "http", TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(10), team,
            new HttpProbeSettings { Url = new Uri(url ?? $"http://shop.test/{id}") }, $"checks/probes/{id}.yaml:3");

    private static ProbeResult Result(string probeId, DateTimeOffset startedAt, ProbeOutcome outcome = ProbeOutcome.Pass) =>
        new(Guid.NewGuid(), probeId, startedAt, TimeSpan.FromMilliseconds(120), outcome, 200, "200 OK");

    private static IEnumerable<string> Ids(IEnumerable<StoredProbe> probes) => probes.Select(p => p.Id);

    private static async Task<long> TimesRecordedAsync(IDbConnectionFactory database, string migration)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM schema_migrations WHERE id = '{migration}'";
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
