using Monitoring.IntegrationTests.Storage;
using Monitoring.Quality;
using Monitoring.Quality.Findings;
using Monitoring.Quality.Scoring;
using Monitoring.Storage;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Quality;

/// <summary>What every backend of <see cref="IQualityStore"/> must do, on a fresh migrated database per test.</summary>
public abstract class QualityStoreConformance(ITestBackend backend) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 9, 30, 0, 123, TimeSpan.Zero);

    private IQualityStore _store = null!;

    public async Task InitializeAsync()
    {
        var opened = backend.Open(await backend.CreateDatabaseAsync());
        await opened.Migrator.MigrateAsync(default);
        _store = new SqlQualityStore(opened.Database);
    }

    public Task DisposeAsync() => backend.DisposeAsync().AsTask();

    [Fact]
    public async Task Stores_a_finding_and_reads_it_back_unchanged()
    {
        var finding = Finding("product-gtin-valid", "SKU-1", 42.5) with
        {
            Status = FindingStatus.Ignored, ResolvedAt = T0.AddHours(1), ReopenCount = 2, AcknowledgedBy = "catalogue",
            IgnoreReason = "supplier GTIN", IgnoredUntil = T0.AddDays(30), Field = "gtin", Value = "4006381333932", Fix = "fix it",
        };

        await _store.UpsertAsync([finding], default);

        Assert.Equal(finding, Assert.Single(await _store.LoadStatesAsync(default)));
        Assert.Equal(finding, await _store.GetAsync("product-gtin-valid", "product", "SKU-1", default));
        Assert.Null(await _store.GetAsync("product-gtin-valid", "product", "SKU-2", default));
    }

    [Fact]
    public async Task Upserting_again_replaces_the_row_of_the_same_rule_entity_and_key()
    {
        await _store.UpsertAsync([Finding("r1", "SKU-1", 1)], default);

        await _store.UpsertAsync([Finding("r1", "SKU-1", 9) with { Message = "new text", LastSeenAt = T0.AddHours(1) }], default);

        var stored = Assert.Single(await _store.LoadStatesAsync(default));
        Assert.Equal(("new text", 9d, T0.AddHours(1)), (stored.Message, stored.Priority, stored.LastSeenAt));
    }

    [Fact]
    public async Task Lists_unresolved_findings_by_priority_filtered_and_paged()
    {
        await _store.UpsertAsync([
            Finding("r1", "A", 10), Finding("r1", "B", 30), Finding("r2", "C", 20) with { Severity = QualitySeverity.Blocker, Team = "studio" },
            Finding("r1", "D", 99) with { Status = FindingStatus.Resolved }, Finding("r2", "E", 5) with { Status = FindingStatus.Acknowledged },
        ], default);

        Assert.Equal(["B", "C", "A", "E"], Keys(await _store.ListAsync(new FindingQuery(), default)));
        Assert.Equal(4, await _store.CountAsync(new FindingQuery(), default));
        Assert.Equal(["B", "A"], Keys(await _store.ListAsync(new FindingQuery(RuleId: "r1"), default)));
        Assert.Equal(["C"], Keys(await _store.ListAsync(new FindingQuery(Severity: QualitySeverity.Blocker), default)));
        Assert.Equal(["C"], Keys(await _store.ListAsync(new FindingQuery(Team: "studio"), default)));
        Assert.Equal(["D"], Keys(await _store.ListAsync(new FindingQuery(Status: FindingStatus.Resolved), default)));
        Assert.Equal(["E"], Keys(await _store.ListAsync(new FindingQuery(Status: FindingStatus.Acknowledged), default)));
        Assert.Equal(["C", "A"], Keys(await _store.ListAsync(new FindingQuery(Offset: 1, Limit: 2), default)));
        Assert.Equal(2, await _store.CountAsync(new FindingQuery(RuleId: "r2"), default));
    }

    [Fact]
    public async Task Setting_the_workflow_changes_the_decision_and_keeps_the_evidence()
    {
        await _store.UpsertAsync([Finding("r1", "A", 10)], default);
        var ignored = FindingLifecycle.Ignore(Finding("r1", "A", 10) with { Message = "stale copy" }, "a kit, no GTIN", T0, T0.AddDays(10));

        Assert.True(await _store.SetWorkflowAsync(ignored, default));
        Assert.False(await _store.SetWorkflowAsync(ignored with { Key = "nope" }, default));

        var stored = await _store.GetAsync("r1", "product", "A", default);
        Assert.Equal((FindingStatus.Ignored, "a kit, no GTIN", T0.AddDays(10), "message of A"),
            (stored!.Status, stored.IgnoreReason, stored.IgnoredUntil, stored.Message));
    }

    [Fact]
    public async Task Keeps_one_score_per_day_and_domain_the_latest_scan_winning()
    {
        var day = new DateOnly(2026, 11, 20);
        await _store.SaveScoresAsync(day.AddDays(-1), [Domain("catalogue", 70)], T0, default);
        await _store.SaveScoresAsync(day, [Domain("catalogue", 75), Domain("media", 90)], T0, default);
        await _store.SaveScoresAsync(day, [Domain("catalogue", 80)], T0.AddMinutes(15), default);

        var history = await _store.ListScoresAsync(day.AddDays(-1), default);

        Assert.Equal([(day.AddDays(-1), "catalogue", 70d), (day, "catalogue", 80d), (day, "media", 90d)],
            history.Select(h => (h.Day, h.Domain, h.Score)).ToList());
        Assert.Equal(3, history[1].Grades[QualityGrade.A]);
        Assert.Equal(0.25, history[1].BlockerShare);
        Assert.Equal(2, (await _store.ListScoresAsync(day, default)).Count);
    }

    private static List<string> Keys(IEnumerable<FindingState> findings) => findings.Select(f => f.Key).ToList();

    private static FindingState Finding(string rule, string key, double priority) => new()
    {
        RuleId = rule, Entity = "product", Key = key, Status = FindingStatus.Open, Severity = QualitySeverity.Major,
        Dimension = QualityDimension.Validity, Message = $"message of {key}", Priority = priority, Fingerprint = "0123456789abcdef",
        FirstSeenAt = T0, LastSeenAt = T0, Team = "catalogue",
    };

    private static DomainScore Domain(string domain, double score) => new(domain, score, GradingPolicy.Default.GradeOf(score, 0), 4,
        new Dictionary<QualityGrade, int> { [QualityGrade.A] = 3, [QualityGrade.E] = 1 }, new Dictionary<QualityDimension, double>(), 0.25);
}

public sealed class SqliteQualityStoreTests() : QualityStoreConformance(new SqliteTestBackend());

[Collection(PostgresCollection.Name)]
public sealed class PostgresQualityStoreTests(PostgresFixture postgres) : QualityStoreConformance(new PostgresTestBackend(postgres.Server));
