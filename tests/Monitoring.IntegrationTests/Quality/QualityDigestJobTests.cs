using Monitoring.IntegrationTests.Mail;
using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Alerting;
using Monitoring.Checks;
using Monitoring.Checks.Yaml;
using Monitoring.IntegrationTests.Alerting;
using Monitoring.IntegrationTests.Storage;
using Monitoring.Quality;
using Monitoring.Quality.Digest;
using Monitoring.Quality.Findings;
using Monitoring.Scheduling;
using Monitoring.Storage;
using YamlDotNet.RepresentationModel;

namespace Monitoring.IntegrationTests.Quality;

/// <summary><c>system:quality-digest</c> over a real store: it queues each team's digest once, when the week's time has
/// come, to the recipients of the route that takes the team's warnings.</summary>
public sealed class QualityDigestJobTests : IAsyncLifetime
{
    // Monday 2026-11-23 08:00 in Paris is 07:00 UTC.
    private static readonly DateTimeOffset BeforeDue = new(2026, 11, 23, 6, 55, 0, TimeSpan.Zero);

    private readonly SqliteTestBackend _backend = new();
    private readonly RecordingMailOutbox _outbox = new();
    private readonly ManualClock _clock = new(BeforeDue);
    private readonly QualityDigestOptions _options = new();
    private IQualityStore _store = null!;
    private QualityDigestJob _job = null!;

    public async Task InitializeAsync()
    {
        var opened = _backend.Open(await _backend.CreateDatabaseAsync());
        await opened.Migrator.MigrateAsync(default);
        _store = new SqlQualityStore(opened.Database);
        var checks = new ActiveChecks(new CheckSet("checks", new MonitoringSettings { TimeZone = "Europe/Paris" }, [])
        {
            QualityRules = ReadRules(),
            Alerts = new AlertRoutes(
                [new AlertRoute { Name = "catalogue", Teams = ["catalogue"], To = ["Catalogue <catalogue@example.com>", "pim@example.com"] }],
                new AlertRoute { Name = "default", IsDefault = true, To = ["ops@example.com"] }),
        });
        _job = new QualityDigestJob(checks, new QualityDigestService(_store, checks, _options), _outbox, _options,
            new AlertingOptions { PublicBaseUrl = "https://monitor.example.com/" }, _clock, NullLogger<QualityDigestJob>.Instance);
        await _store.UpsertAsync([
            Finding("product-gtin-valid", "SKU-1", "catalogue", BeforeDue.AddDays(-2)),
            Finding("product-gtin-valid", "SKU-2", "catalogue", BeforeDue.AddDays(-40)),
            Finding("image-alt-text", "M-1", "studio", BeforeDue.AddDays(-3)) with { Entity = "media" },
        ], default);
    }

    public Task DisposeAsync() => _backend.DisposeAsync().AsTask();

    [Fact]
    public async Task Queues_each_teams_digest_once_when_its_time_has_come()
    {
        var early = await _job.RunAsync(default);
        _clock.Advance(TimeSpan.FromMinutes(7));
        var due = await _job.RunAsync(default);
        _clock.Advance(TimeSpan.FromMinutes(15));
        var again = await _job.RunAsync(default);

        Assert.Equal((0, 3, 0), (early, due, again));
        Assert.Equal(["catalogue:2026-W48 Catalogue <catalogue@example.com>", "catalogue:2026-W48 pim@example.com", "studio:2026-W48 ops@example.com"],
            _outbox.Messages.Select(m => $"{m.Key} {m.Recipient}").Order());
        var catalogue = _outbox.Messages.First(m => m.Key == "catalogue:2026-W48");
        Assert.Equal("Data quality, catalogue, 2026-W48: 1 new, 0 resolved, 2 open", catalogue.Subject);
        Assert.Contains("https://monitor.example.com/quality/records/product/SKU-2", catalogue.TextBody);
        Assert.Contains("Data quality, studio, 2026-W48: 1 new, 0 resolved, 1 open", _outbox.Messages.Single(m => m.Key.StartsWith("studio")).Subject);
    }

    [Fact]
    public async Task Queues_nothing_before_the_next_weeks_time_or_when_disabled()
    {
        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(3, await _job.RunAsync(default));

        _clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(6)); // Monday 2026-11-30 07:59 in Paris
        Assert.Equal(0, await _job.RunAsync(default));
        _options.Enabled = false;
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await _job.RunAsync(default));
        _options.Enabled = true;
        Assert.Equal(3, await _job.RunAsync(default));
        Assert.Equal(3, _outbox.Messages.Count(m => m.Key.EndsWith(":2026-W49", StringComparison.Ordinal)));
    }

    private static IReadOnlyList<QualityRuleDefinition> ReadRules()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader("""
            rules:
              - {id: product-gtin-valid, entity: product, kind: gtin, severity: blocker, team: catalogue}
              - {id: image-alt-text, entity: media, kind: alt_text, severity: minor, team: studio}
            """));
        var file = new ConfigFile("checks/quality/t.yaml", new ConfigDiagnostics(), new VariableExpander(_ => null));
        return QualityRuleReader.Read(new ConfigNode(stream.Documents[0].RootNode, "", file));
    }

    private static FindingState Finding(string rule, string key, string team, DateTimeOffset first) => new()
    {
        RuleId = rule, Entity = "product", Key = key, Status = FindingStatus.Open, Severity = QualitySeverity.Blocker,
        Dimension = QualityDimension.Validity, Message = $"{rule} fails on {key}", Priority = 10, Fingerprint = "0011223344556677",
        FirstSeenAt = first, LastSeenAt = first, Team = team,
    };
}
