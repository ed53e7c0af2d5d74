using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Checks;
using Monitoring.Checks.Yaml;
using Monitoring.IntegrationTests.Shop;
using Monitoring.IntegrationTests.Storage;
using Monitoring.Metrics;
using Monitoring.Quality;
using Monitoring.Quality.Findings;
using Monitoring.Shop.Import;
using Monitoring.Shop.Model;
using Monitoring.Storage;
using Monitoring.TestSupport;
using Prometheus;
using YamlDotNet.RepresentationModel;

namespace Monitoring.IntegrationTests.Quality;

/// <summary>A full scan over a small hand-built store of each backend: known defects become findings, and fixing
/// them resolves them at the next scan.</summary>
public abstract class QualityScannerConformance(ITestBackend backend) : IAsyncLifetime
{
    private const string Rules = """
        rules:
          - {id: product-name-required, entity: product, kind: required, fields: [name], when: {status: active}, severity: blocker, team: catalogue}
          - {id: product-gtin-valid, entity: product, kind: gtin, severity: blocker, team: catalogue}
          - {id: image-alt-text, entity: media, kind: alt_text, min_length: 5, severity: minor, team: studio}
          - {id: account-parent-exists, entity: account, kind: reference, field: parent_account_id, set: account, severity: major, team: sales}
          - {id: contact-email, entity: contact, kind: email, severity: major, team: customer-service}
        """;

    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private Backend _backend = null!;
    private IShopWriter _writer = null!;
    private SqlQualityStore _store = null!;
    private MonitoringMetrics _metrics = null!;
    private QualityScanner _scanner = null!;

    public async Task InitializeAsync()
    {
        _backend = backend.Open(await backend.CreateDatabaseAsync());
        await _backend.Migrator.MigrateAsync(default);
        _writer = ShopBackend.Writer(_backend, TimeProvider.System);
        _store = new SqlQualityStore(_backend.Database);
        _metrics = new MonitoringMetrics(Prometheus.Metrics.NewCustomRegistry());
        _scanner = new QualityScanner(_store, new SqlShopRecords(_backend.Database), TimeProvider.System, NullLogger<QualityScanner>.Instance, _metrics);

        await Write(ShopModel.Product, ["sku", "name", "gtin", "status"],
            ["P1", "Cordless drill", "4006381333931", "active"], ["P2", null, "4006381333932", "active"]);
        await Write(ShopModel.Media, ["id", "sku", "kind", "alt_text"], ["M1", "P1", "image", null], ["M2", "P1", "image", "Drill, side view"]);
        await Write(ShopModel.Account, ["id", "name", "parent_account_id"], ["A1", "Acme", "A9"], ["A2", "Bolt", "A1"]);
        await Write(ShopModel.Contact, ["id", "account_id", "email"], ["C1", "A1", "jane@"], ["C2", "A2", "john@bolt.example"]);
        // P2 sold 500 in the window; P1's only order was cancelled and does not count.
        await Write(ShopModel.Order, ["id", "account_id", "placed_at", "status"],
            ["O1", "A1", Now.AddDays(-10), "placed"], ["O2", "A2", Now.AddDays(-5), "cancelled"], ["O3", "A2", Now.AddDays(-200), "placed"]);
        await Write(ShopModel.OrderLine, ["order_id", "line_no", "sku", "amount"],
            ["O1", 1L, "P2", 500m], ["O2", 1L, "P1", 1000m], ["O3", 1L, "P1", 2000m]);
    }

    public Task DisposeAsync() => backend.DisposeAsync().AsTask();

    [Fact]
    public async Task Known_defects_become_open_findings_weighted_by_revenue()
    {
        var report = await _scanner.ScanAsync(ReadRules(), default);

        var open = await _store.ListAsync(new FindingQuery(), default);
        Assert.Equal(
            ["product-gtin-valid product P2", "product-name-required product P2", "account-parent-exists account A1", "contact-email contact C1",
             "image-alt-text media M1"],
            open.Select(f => $"{f.RuleId} {f.Entity} {f.Key}").ToList());
        // Blocker weight 10 × (500 revenue + 1); the contact carries its account's revenue (O1: 500).
        Assert.Equal(5010, open[0].Priority);
        Assert.Equal(4 * 501, open.Single(f => f.RuleId == "contact-email").Priority);
        Assert.Equal(5, report.Transitions[FindingTransition.Opened]);
        Assert.Equal(["catalogue", "customers", "media"], report.Domains.Select(d => d.Domain).ToList());
        Assert.Equal(1, _metrics.QualityFindingsOpen.WithLabels("product-gtin-valid", "blocker").Value);
        Assert.Equal(1, _metrics.QualityFindingsOpen.WithLabels("account-parent-exists", "major").Value);
        Assert.Equal(3, (await _store.ListScoresAsync(DateOnly.FromDateTime(Now.UtcDateTime), default)).Count);
    }

    [Fact]
    public async Task Fixing_the_data_resolves_its_findings_at_the_next_scan_and_leaves_the_others_open()
    {
        var rules = ReadRules();
        var first = await _scanner.ScanAsync(rules, default);
        await Write(ShopModel.Product, ["sku", "name", "gtin", "status"], ["P2", "Hand saw", "4006381333931", "active"]);
        await Write(ShopModel.Contact, ["id", "account_id", "email"], ["C1", "A1", "jane@acme.example"]);

        var second = await _scanner.ScanAsync(rules, default);

        Assert.Equal(3, second.Transitions[FindingTransition.Resolved]);
        Assert.Equal(["account-parent-exists", "image-alt-text"], (await _store.ListAsync(new FindingQuery(), default)).Select(f => f.RuleId).ToList());
        Assert.Equal(3, await _store.CountAsync(new FindingQuery(Status: FindingStatus.Resolved), default));
        Assert.True(second.Domains.Single(d => d.Domain == "catalogue").Score > first.Domains.Single(d => d.Domain == "catalogue").Score);
        Assert.Equal(0, _metrics.QualityFindingsOpen.WithLabels("product-gtin-valid", "blocker").Value);
    }

    [Fact]
    public async Task An_ignored_finding_stays_ignored_and_counts_as_a_pass()
    {
        var rules = ReadRules();
        await _scanner.ScanAsync(rules, default);
        var finding = (await _store.GetAsync("image-alt-text", "media", "M1", default))!;
        await _store.SetWorkflowAsync(FindingLifecycle.Ignore(finding, "decorative image", Now), default);

        var again = await _scanner.ScanAsync(rules, default);

        Assert.Equal(FindingStatus.Ignored, (await _store.GetAsync("image-alt-text", "media", "M1", default))!.Status);
        Assert.Equal(100, again.Domains.Single(d => d.Domain == "media").Score);
        Assert.False(again.Transitions.ContainsKey(FindingTransition.Opened));
    }

    private async Task Write(ShopEntity entity, string[] fields, params object?[][] rows)
    {
        var batch = new EntityBatch(new EntityTarget(entity, fields.Select(f => entity.Find(f)!).ToArray()));
        foreach (var row in rows) batch.Add(row);
        await _writer.WriteAsync(batch, default);
    }

    private static IReadOnlyList<QualityRuleDefinition> ReadRules()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(Rules));
        var diagnostics = new ConfigDiagnostics();
        var file = new ConfigFile("checks/quality/t.yaml", diagnostics, new VariableExpander(_ => null));
        var rules = QualityRuleReader.Read(new ConfigNode(stream.Documents[0].RootNode, "", file));
        Assert.Empty(diagnostics.Errors);
        return rules;
    }
}

public sealed class SqliteQualityScannerTests() : QualityScannerConformance(new SqliteTestBackend());

[Collection(PostgresCollection.Name)]
public sealed class PostgresQualityScannerTests(PostgresFixture postgres) : QualityScannerConformance(new PostgresTestBackend(postgres.Server));
