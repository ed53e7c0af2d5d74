using Monitoring.IntegrationTests.Storage;
using Monitoring.Kpis;
using Monitoring.Storage;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Kpis;

/// <summary>
/// Replacements of the same days at once, as when `monitoring kpis --recompute` runs while the service's job does:
/// each waits for the one before (PostgreSQL: an advisory lock; SQLite: its write lock), none fails on a duplicate key,
/// and the days end with one row per segment, all of one writer's.
/// </summary>
public abstract class KpiFactsReplaceConformance(ITestBackend backend) : IAsyncLifetime
{
    private static readonly DateOnly First = new(2026, 10, 1), Last = new(2026, 10, 30);

    private Backend? _backend;

    private Backend Current => _backend ?? throw new InvalidOperationException("The test database is not open");

    public async Task InitializeAsync()
    {
        _backend = backend.Open(await backend.CreateDatabaseAsync());
        await Current.Migrator.MigrateAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => backend.DisposeAsync().AsTask();

    private static List<DailyFacts> Facts(long orders) =>
        Enumerable.Range(0, Last.DayNumber - First.DayNumber + 1).Select(First.AddDays)
            .SelectMany(day => new[]
            {
                new DailyFacts(day, SegmentKey.All, new FactSums { Orders = orders }),
                new DailyFacts(day, new SegmentKey(SegmentKey.AccountSegment, "sme"), new FactSums { Orders = orders }),
            })
            .ToList();

    [Fact]
    public async Task Concurrent_replacements_of_the_same_days_each_succeed_and_leave_one_row_per_segment()
    {
        var store = new SqlKpiFactsStore(Current.Database, TimeProvider.System);
        await store.ReplaceAsync(First, Last, Facts(1), default);

        var writers = Enumerable.Range(2, 6).Select(n => Task.Run(() => store.ReplaceAsync(First, Last, Facts(n), default))).ToList();
        await Task.WhenAll(writers);

        var rows = await store.LoadAsync(First, Last, default);
        Assert.Equal(60, rows.Count);
        var written = Assert.Single(rows.Select(r => r.Sums.Orders).Distinct()); // one writer's rows, none mixed
        Assert.InRange(written, 2L, 7L);
    }
}

public sealed class SqliteKpiFactsReplaceTests() : KpiFactsReplaceConformance(new SqliteTestBackend());

[Collection(PostgresCollection.Name)]
public sealed class PostgresKpiFactsReplaceTests(PostgresFixture postgres) : KpiFactsReplaceConformance(new PostgresTestBackend(postgres.Server));
