using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Checks;
using Monitoring.Checks.Yaml;
using Monitoring.IntegrationTests.Shop;
using Monitoring.IntegrationTests.Storage;
using Monitoring.Quality;
using Monitoring.Quality.Findings;
using Monitoring.Quality.Incremental;
using Monitoring.Shop.Import;
using Monitoring.Shop.Model;
using Monitoring.Storage;
using Monitoring.TestSupport;
using YamlDotNet.RepresentationModel;

namespace Monitoring.IntegrationTests.Quality;

/// <summary>
/// The incremental scan on each backend, with a clock the test moves: the shop writer stamps <c>changed_at</c> with
/// it, so "changed since the last scan" is exact. Every test starts with a full scan at <see cref="T1"/>, changes the
/// store at <see cref="T2"/> and runs the incremental scan at <see cref="T3"/>.
/// </summary>
public abstract class IncrementalScanConformance(ITestBackend backend) : IAsyncLifetime
{
    private const string Rules = """
        rules:
          - {id: product-name-required, entity: product, kind: required, fields: [name], severity: blocker, team: catalogue}
          - {id: product-gtin-valid, entity: product, kind: gtin, severity: blocker, team: catalogue}
          - {id: product-gtin-unique, entity: product, kind: unique, field: gtin, normalize: gtin, severity: major, team: catalogue}
          - {id: image-alt-text, entity: media, kind: alt_text, min_length: 5, severity: minor, team: studio}
          - {id: account-parent-exists, entity: account, kind: reference, field: parent_account_id, set: account, severity: major, team: sales}
        """;

    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset T1 = T0.AddMinutes(1), T2 = T0.AddMinutes(5), T3 = T0.AddMinutes(7), T4 = T0.AddMinutes(20);

    private readonly Clock _clock = new() { Now = T0 };
    private Backend _backend = null!;
    private IShopWriter _writer = null!;
    private SqlQualityStore _store = null!;
    private QualityScanner _scanner = null!;

    public async Task InitializeAsync()
    {
        _backend = backend.Open(await backend.CreateDatabaseAsync());
        await _backend.Migrator.MigrateAsync(default);
        _writer = ShopBackend.Writer(_backend, _clock);
        _store = new SqlQualityStore(_backend.Database);
        _scanner = new QualityScanner(_store, new SqlShopRecords(_backend.Database), _clock, NullLogger<QualityScanner>.Instance,
            marks: new QualityScanMarks(new SqlWatermarkStore(_backend.Database, _clock)));

        // P1 is clean; P2 has no name; P3 a wrong check digit; P4 and P5 share a GTIN; M1 (of P3) has no alt text.
        await WriteProducts(["P1", "Cordless drill", "4006381333931"], ["P2", null, "5901234123457"], ["P3", "Hand saw", "4006381333932"],
            ["P4", "Hammer", "8712345678906"], ["P5", "Mallet", "8712345678906"]);
        await Write(ShopModel.Media, ["id", "sku", "kind", "alt_text"], ["M1", "P3", "image", null]);
        await Write(ShopModel.Account, ["id", "name", "parent_account_id"], ["A1", "Acme", "A9"], ["A2", "Bolt", "A9"]);
        await Write(ShopModel.Contact, ["id", "account_id", "email"], ["C1", "A1", "jane@acme.example"]);

        _clock.Now = T1;
        var first = await _scanner.ScanChangedAsync(ReadRules(Rules), default);
        Assert.False(first.Incremental);
        Assert.Equal(
            ["account-parent-exists account A1", "account-parent-exists account A2", "image-alt-text media M1", "product-gtin-unique product P4",
             "product-gtin-unique product P5", "product-gtin-valid product P3", "product-name-required product P2"],
            (await Unresolved()).Select(f => $"{f.RuleId} {f.Entity} {f.Key}").Order(StringComparer.Ordinal).ToList());
        _clock.Now = T2;
    }

    public Task DisposeAsync() => backend.DisposeAsync().AsTask();

    [Fact]
    public async Task Only_the_changed_product_is_rescored_and_its_new_finding_opens()
    {
        await WriteProducts(["P1", null, "4006381333931"]);

        _clock.Now = T3;
        var report = await _scanner.ScanChangedAsync(ReadRules(Rules), default);

        Assert.True(report.Incremental);
        Assert.Equal(1, report.Records);
        Assert.Equal(1, report.Transitions[FindingTransition.Opened]);
        var opened = (await _store.GetAsync("product-name-required", "product", "P1", default))!;
        Assert.Equal((FindingStatus.Open, T3, T3), (opened.Status, opened.FirstSeenAt, opened.LastSeenAt));
        // Nobody looked at the others again: their findings are as the full scan left them.
        foreach (var (rule, entity, key) in new[] { ("product-name-required", "product", "P2"), ("product-gtin-valid", "product", "P3"),
                     ("image-alt-text", "media", "M1"), ("account-parent-exists", "account", "A1") })
        {
            var untouched = (await _store.GetAsync(rule, entity, key, default))!;
            Assert.Equal((FindingStatus.Open, T1), (untouched.Status, untouched.LastSeenAt));
        }
        Assert.Empty(report.Domains);
    }

    [Fact]
    public async Task A_fixed_record_resolves_and_an_untouched_records_findings_stay_open()
    {
        await WriteProducts(["P2", "Jigsaw", "5901234123457"]);

        _clock.Now = T3;
        var report = await _scanner.ScanChangedAsync(ReadRules(Rules), default);

        Assert.Equal(1, report.Transitions[FindingTransition.Resolved]);
        var fixedOne = (await _store.GetAsync("product-name-required", "product", "P2", default))!;
        Assert.Equal((FindingStatus.Resolved, T3), (fixedOne.Status, fixedOne.ResolvedAt));
        Assert.Equal(6, report.Unresolved);
        Assert.Equal(6, (await Unresolved()).Count(f => f.LastSeenAt == T1));
    }

    [Fact]
    public async Task A_change_of_a_related_row_rescores_its_product_or_account()
    {
        // A tier price of P3 and a contact of A1: P3 (and its medium M1) and A1 are looked at again, P2 and A2 are not.
        await Write(ShopModel.TierPrice, ["sku", "price_list", "min_qty", "unit_price"], ["P3", "pro", 10L, 9.5m]);
        await Write(ShopModel.Contact, ["id", "account_id", "email"], ["C1", "A1", "jane.doe@acme.example"]);

        _clock.Now = T3;
        var report = await _scanner.ScanChangedAsync(ReadRules(Rules), default);

        Assert.Equal(3, report.Records);
        Assert.Equal(T3, (await _store.GetAsync("product-gtin-valid", "product", "P3", default))!.LastSeenAt);
        Assert.Equal(T3, (await _store.GetAsync("image-alt-text", "media", "M1", default))!.LastSeenAt);
        Assert.Equal(T3, (await _store.GetAsync("account-parent-exists", "account", "A1", default))!.LastSeenAt);
        Assert.Equal(T1, (await _store.GetAsync("product-name-required", "product", "P2", default))!.LastSeenAt);
        Assert.Equal(T1, (await _store.GetAsync("account-parent-exists", "account", "A2", default))!.LastSeenAt);
    }

    [Fact]
    public async Task Uniqueness_is_left_to_the_full_scan_which_resolves_both_holders()
    {
        await WriteProducts(["P4", "Hammer", "4006381333931"], ["P5", "Mallet", "5901234123457"]);

        _clock.Now = T3;
        var incremental = await _scanner.ScanChangedAsync(ReadRules(Rules), default);
        Assert.Equal(2, incremental.Records);
        Assert.Equal(FindingStatus.Open, (await _store.GetAsync("product-gtin-unique", "product", "P5", default))!.Status);

        _clock.Now = T4;
        var full = await _scanner.ScanAsync(ReadRules(Rules), default);

        Assert.False(full.Incremental);
        // P4 now shares P1's GTIN and P5 P2's: four holders of two shared values, where there were two of one.
        Assert.Equal(["P1", "P2", "P4", "P5"], (await Unresolved()).Where(f => f.RuleId == "product-gtin-unique").Select(f => f.Key).Order().ToList());
        Assert.Equal(T4, (await _store.GetAsync("product-gtin-unique", "product", "P5", default))!.LastSeenAt);
    }

    [Fact]
    public async Task Nothing_changed_rescores_nothing_and_a_changed_rule_set_runs_a_full_scan()
    {
        _clock.Now = T3;
        var idle = await _scanner.ScanChangedAsync(ReadRules(Rules), default);
        Assert.True(idle.Incremental);
        Assert.Equal((0, 7), (idle.Records, idle.Unresolved));

        // Reformatted but the same: still incremental. A changed minimum: a full scan.
        var reformatted = await _scanner.ScanChangedAsync(ReadRules(Rules.Replace("{id: image-alt-text, entity: media,", "{entity: media, id: image-alt-text,")), default);
        Assert.True(reformatted.Incremental);
        _clock.Now = T4;
        var changed = await _scanner.ScanChangedAsync(ReadRules(Rules.Replace("min_length: 5", "min_length: 8")), default);
        Assert.False(changed.Incremental);
        Assert.Equal(8, changed.Records);
        Assert.Equal(T4, (await _store.GetAsync("product-name-required", "product", "P2", default))!.LastSeenAt);
    }

    private async Task<IReadOnlyList<FindingState>> Unresolved() => await _store.ListAsync(new FindingQuery(Limit: 100), default);

    private Task WriteProducts(params object?[][] rows) => Write(ShopModel.Product, ["sku", "name", "gtin"], rows);

    private async Task Write(ShopEntity entity, string[] fields, params object?[][] rows)
    {
        var batch = new EntityBatch(new EntityTarget(entity, fields.Select(f => entity.Find(f)!).ToArray()));
        foreach (var row in rows) batch.Add(row);
        await _writer.WriteAsync(batch, default);
    }

    private static IReadOnlyList<QualityRuleDefinition> ReadRules(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var diagnostics = new ConfigDiagnostics();
        var file = new ConfigFile("checks/quality/t.yaml", diagnostics, new VariableExpander(_ => null));
        var rules = QualityRuleReader.Read(new ConfigNode(stream.Documents[0].RootNode, "", file));
        Assert.Empty(diagnostics.Errors);
        return rules;
    }

    /// <summary>A clock the test sets; the writer, the scanner and the watermark store all read it.</summary>
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}

public sealed class SqliteIncrementalScanTests() : IncrementalScanConformance(new SqliteTestBackend());

[Collection(PostgresCollection.Name)]
public sealed class PostgresIncrementalScanTests(PostgresFixture postgres) : IncrementalScanConformance(new PostgresTestBackend(postgres.Server));
