using Monitoring.Checks;
using Monitoring.IntegrationTests.Shop;
using Monitoring.IntegrationTests.Storage;
using Monitoring.Kpis;
using Monitoring.Shop.Import;
using Monitoring.Shop.Model;
using Monitoring.Storage;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Kpis;

/// <summary>
/// The report's targets on each backend: those of checks/kpis/targets.yaml win, KPI by KPI, over the kpi_targets
/// records imported from the shop, which still serve the KPIs the file does not name.
/// </summary>
public abstract class KpiReportTargetsConformance(ITestBackend backend) : IAsyncLifetime
{
    private static readonly Period Week = Period.IsoWeek(2026, 47);

    private Backend? _backend;

    private Backend Current => _backend ?? throw new InvalidOperationException("The test database is not open");

    public async Task InitializeAsync()
    {
        _backend = backend.Open(await backend.CreateDatabaseAsync());
        await Current.Migrator.MigrateAsync(CancellationToken.None);
        // Every day of weeks 46 and 47: 100 sessions, 5 web orders of 300 € each (a 5 % conversion, 1,500 € a day).
        var days = new Period(PeriodKind.Day, Week.Start.AddDays(-7), Week.End).EachDay();
        await new SqlKpiFactsStore(Current.Database, TimeProvider.System).SaveAsync(days.Select(d => new DailyFacts(d, SegmentKey.All,
            new FactSums { Sessions = 100, Orders = 5, WebOrders = 5, NetRevenue = 1500m })).ToList(), default);
        var targets = new EntityBatch(new EntityTarget(ShopModel.KpiTarget, ShopModel.KpiTarget.Fields.ToArray()));
        targets.Add(["conversion_rate", "*", "week", 0.10m, new DateOnly(2026, 12, 31), "Imported owner"]);
        targets.Add(["orders", "*", "week", 30m, new DateOnly(2026, 12, 31), "Imported owner"]);
        await ShopBackend.Writer(Current, TimeProvider.System).WriteAsync(targets, default);
    }

    public Task DisposeAsync() => backend.DisposeAsync().AsTask();

    [Fact]
    public async Task Lights_each_kpi_against_the_file_first_and_the_imported_targets_for_the_others()
    {
        KpiTarget[] fromFile =
        [
            new("conversion_rate", SegmentKey.All, "week", 0.06m, null, "Directeur e-commerce", "Review the checkout funnel"),
            new("net_revenue", SegmentKey.All, "week", 10000m, null, "Directeur commercial", "Push the year-end offer"),
        ];
        var checks = new ActiveChecks(new CheckSet("checks", new MonitoringSettings(), []) { KpiTargets = fromFile });
        var report = new KpiReport(new SqlKpiFactsStore(Current.Database, TimeProvider.System), Current.Database, checks: checks);

        var rows = (await report.ForAsync(Week, default)).ToDictionary(c => c.Kpi.Id);

        // 35 orders ÷ 700 sessions = 5 % against the file's 6 % (the imported 10 % is ignored); no better than last week: red.
        Assert.Equal((0.05m, 0.06m, "Directeur e-commerce", "Review the checkout funnel", Light.Red),
            (rows["conversion_rate"].Current.Value, rows["conversion_rate"].Target?.Target, rows["conversion_rate"].Target?.Owner,
                rows["conversion_rate"].Target?.Note, rows["conversion_rate"].Light));
        // 7 × 1,500 = 10,500 € against 10,000 €: met.
        Assert.Equal((10500m, 10000m, Light.Green), (rows["net_revenue"].Current.Value, rows["net_revenue"].Target?.Target, rows["net_revenue"].Light));
        // The file does not name orders: the imported target of 30 a week stands, and 35 meets it.
        Assert.Equal((35m, 30m, "Imported owner", Light.Green),
            (rows["orders"].Current.Value, rows["orders"].Target?.Target, rows["orders"].Target?.Owner, rows["orders"].Light));
        Assert.Null(rows["sessions"].Target);
    }

    [Fact]
    public async Task Uses_the_targets_of_the_configuration_in_force_after_a_reload()
    {
        var checks = new ActiveChecks(new CheckSet("checks", new MonitoringSettings(), []));
        var report = new KpiReport(new SqlKpiFactsStore(Current.Database, TimeProvider.System), Current.Database, checks: checks);
        var before = await report.ComparisonAsync(KpiCatalog.Find("conversion_rate")!, Week, SegmentKey.All, default);

        checks.Replace(checks.Current with { KpiTargets = [new("conversion_rate", SegmentKey.All, "week", 0.0505m, null, "Claire", null)] });
        var after = await report.ComparisonAsync(KpiCatalog.Find("conversion_rate")!, Week, SegmentKey.All, default);

        Assert.Equal((0.10m, Light.Red), (before.Target?.Target, before.Light)); // the imported target while the file names none
        Assert.Equal((0.0505m, Light.Amber), (after.Target?.Target, after.Light)); // 5 % is within 5 % of 5.05 %
    }
}

public sealed class SqliteKpiReportTargetsTests() : KpiReportTargetsConformance(new SqliteTestBackend());

[Collection(PostgresCollection.Name)]
public sealed class PostgresKpiReportTargetsTests(PostgresFixture postgres) : KpiReportTargetsConformance(new PostgresTestBackend(postgres.Server));
