using Monitoring.IntegrationTests.Storage;
using Monitoring.Quality;
using Monitoring.Quality.Findings;
using Monitoring.Quality.Scoring;
using Monitoring.Storage;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Quality;

/// <summary>The records' grade history on every backend: a row only when a record's score, grade or dimension scores
/// changed; and the finding reads of the record's page and the weekly digest.</summary>
public abstract class QualityHistoryStoreConformance(ITestBackend backend) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 16, 8, 0, 0, TimeSpan.Zero);

    private IQualityHistoryStore _history = null!;
    private IQualityStore _store = null!;

    public async Task InitializeAsync()
    {
        var opened = backend.Open(await backend.CreateDatabaseAsync());
        await opened.Migrator.MigrateAsync(default);
        _history = new SqlQualityHistoryStore(opened.Database);
        _store = new SqlQualityStore(opened.Database);
    }

    public Task DisposeAsync() => backend.DisposeAsync().AsTask();

    [Fact]
    public async Task Writes_a_row_only_when_a_records_score_grade_or_dimensions_changed()
    {
        var p1 = Score("P1", 80, QualityGrade.B, (QualityDimension.Completeness, 100), (QualityDimension.Validity, 60));
        var p2 = Score("P2", 100, QualityGrade.A, (QualityDimension.Completeness, 100));

        var first = await _history.SaveChangedAsync([p1, p2], T0, default);
        var unchanged = await _history.SaveChangedAsync([p1, p2], T0.AddMinutes(15), default);
        var worse = await _history.SaveChangedAsync([p1 with { Score = 56.5, Grade = QualityGrade.D }, p2], T0.AddMinutes(30), default);
        var gated = await _history.SaveChangedAsync([p1 with { Score = 56.5, Grade = QualityGrade.E }, p2], T0.AddMinutes(45), default);
        // The same total from other dimension scores: still a change the record's page must show.
        var shifted = await _history.SaveChangedAsync([p1 with
        {
            Score = 56.5, Grade = QualityGrade.E,
            Dimensions = new Dictionary<QualityDimension, double> { [QualityDimension.Completeness] = 90, [QualityDimension.Validity] = 70.04 },
        }, p2], T0.AddMinutes(60), default);
        var again = await _history.SaveChangedAsync([p1 with
        {
            Score = 56.5, Grade = QualityGrade.E,
            Dimensions = new Dictionary<QualityDimension, double> { [QualityDimension.Validity] = 70.01, [QualityDimension.Completeness] = 90 },
        }, p2], T0.AddMinutes(75), default);

        Assert.Equal((2, 0, 1, 1, 1, 0), (first, unchanged, worse, gated, shifted, again));
        var history = await _history.ListAsync("product", "P1", default);
        Assert.Equal([(T0, 80d, QualityGrade.B), (T0.AddMinutes(30), 56.5, QualityGrade.D), (T0.AddMinutes(45), 56.5, QualityGrade.E),
                (T0.AddMinutes(60), 56.5, QualityGrade.E)],
            history.Select(h => (h.ScannedAt, h.Score, h.Grade)).ToList());
        Assert.Equal(new Dictionary<QualityDimension, double> { [QualityDimension.Completeness] = 100, [QualityDimension.Validity] = 60 }, history[0].Dimensions);
        Assert.Equal(70, history[^1].Dimensions[QualityDimension.Validity]);
        Assert.Equal([T0], (await _history.ListAsync("product", "P2", default)).Select(h => h.ScannedAt));
        Assert.Empty(await _history.ListAsync("account", "P1", default));
    }

    [Fact]
    public async Task Writes_more_records_than_one_statement_holds()
    {
        var scores = Enumerable.Range(0, 2_345).Select(i => Score($"SKU-{i:00000}", i % 100, QualityGrade.C)).ToList();

        Assert.Equal(2_345, await _history.SaveChangedAsync(scores, T0, default));
        Assert.Equal(1, await _history.SaveChangedAsync(scores.Select((s, i) => i == 1_500 ? s with { Score = 1 } : s).ToList(), T0.AddHours(1), default));
        Assert.Equal([0d, 1d], (await _history.ListAsync("product", "SKU-01500", default)).Select(h => h.Score));
    }

    [Fact]
    public async Task Lists_every_finding_of_one_record_and_a_teams_findings_of_the_week()
    {
        await _store.UpsertAsync([
            Finding("r1", "P1", "catalogue", 10, FindingStatus.Open, T0.AddDays(-30)),
            Finding("r2", "P1", "studio", 50, FindingStatus.Resolved, T0.AddDays(-30), resolved: T0.AddDays(-20)),
            Finding("r3", "P2", "catalogue", 5, FindingStatus.Resolved, T0.AddDays(-30), resolved: T0.AddDays(-2)),
            Finding("r4", "P3", "catalogue", 7, FindingStatus.Resolved, T0.AddDays(-30), resolved: T0.AddDays(-9)),
            Finding("r5", "P4", "catalogue", 1, FindingStatus.Resolved, T0.AddDays(-3), resolved: T0.AddDays(-1)),
            Finding("r6", "P5", "catalogue", 3, FindingStatus.Ignored, T0.AddDays(-60)),
        ], default);

        Assert.Equal(["r2", "r1"], (await _store.ListRecordAsync("product", "P1", default)).Select(f => f.RuleId));
        Assert.Empty(await _store.ListRecordAsync("account", "P1", default));
        Assert.Equal(["r1", "r3", "r6", "r5"], (await _store.ListTeamAsync("catalogue", T0.AddDays(-7), default)).Select(f => f.RuleId));
    }

    private static RecordScore Score(string key, double score, QualityGrade grade, params (QualityDimension, double)[] dimensions) =>
        new("product", key, "catalogue", score, grade, 0, 0, dimensions.ToDictionary(d => d.Item1, d => d.Item2), 0m);

    private static FindingState Finding(string rule, string key, string team, double priority, FindingStatus status, DateTimeOffset first,
        DateTimeOffset? resolved = null) => new()
    {
        RuleId = rule, Entity = "product", Key = key, Status = status, Severity = QualitySeverity.Major, Dimension = QualityDimension.Validity,
        Message = $"{rule} on {key}", Priority = priority, Fingerprint = "0123456789abcdef", FirstSeenAt = first, LastSeenAt = first,
        ResolvedAt = resolved, Team = team,
    };
}

public sealed class SqliteQualityHistoryStoreTests() : QualityHistoryStoreConformance(new SqliteTestBackend());

[Collection(PostgresCollection.Name)]
public sealed class PostgresQualityHistoryStoreTests(PostgresFixture postgres) : QualityHistoryStoreConformance(new PostgresTestBackend(postgres.Server));
