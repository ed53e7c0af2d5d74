using System.Data.Common;
using System.Diagnostics;
using Monitoring.Checks;
using Monitoring.Shop.Import;
using Monitoring.Storage;

namespace Monitoring.Shop.Demo;

/// <summary>
/// The demo's first start: when the store holds no order yet, generates two years of the demo shop's history into
/// it, then imports every source of checks/ once (the sample ERP and platform exports) and brings the KPI rollup up
/// to date and scans the data quality, so that the pages, the quarantine, the KPIs, the work list and the metrics have
/// something real to show within a minute or so. Runs in the background: the service and
/// its probes start at once. Only the demo verb registers it.
/// </summary>
public sealed class DemoDataLoader(
    IDbConnectionFactory database,
    IMigrator migrator,
    IShopWriter writer,
    IImportStore imports,
    SourceImporter sources,
    Kpis.KpiRunner kpis,
    Quality.QualityScanner quality,
    ActiveChecks checks,
    TimeProvider time,
    ILogger<DemoDataLoader> logger,
    IConfiguration? configuration = null,
    Kpis.StockHistoryRecorder? stock = null,
    SqlStockHistory? stockHistory = null) : BackgroundService
{
    /// <summary>The source name the generated history is recorded under in the import runs.</summary>
    public const string Source = "demo-data";

    /// <summary>The configuration key of <see cref="DemoDataOptions.MediaBaseUrl"/>.</summary>
    public const string MediaBaseUrlKey = "Monitoring:Demo:MediaBaseUrl";

    /// <summary>The shop's time zone, in which the last day of history is yesterday.</summary>
    private static readonly TimeZoneInfo ShopZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>Set when the first load is over (whether or not there was anything to do), for tests and logs.</summary>
    public TaskCompletionSource<DemoDataReport?> Loaded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Hosted services start in registration order and this one may come first: make sure the schema is there
            // (migrating is idempotent and safe when the service's own migration runs at the same time).
            await migrator.MigrateAsync(stoppingToken);
            var report = await GenerateWhenEmptyAsync(stoppingToken);
            foreach (var source in checks.Current.Sources)
                await sources.ImportAsync(source, null, null, stoppingToken);
            // The KPI job would get there within ten minutes; the demo shows its KPIs as soon as the data is in.
            await kpis.RunAsync(recomputeAll: false, null, stoppingToken);
            // Today's stock, and a made-up past for the generated history, so the stock KPIs have trends too.
            if (stock is not null && await stock.RecordTodayAsync(stoppingToken) is var todayStock && report is not null && stockHistory is not null)
                logger.LogInformation("Demo data: {Rows:N0} days × categories of stock history made up",
                    await DemoStockHistory.BackfillAsync(stockHistory, todayStock, report.Start, time.GetUtcNow(), stoppingToken));
            // Likewise the data-quality scores and the catalogue team's work list.
            await quality.ScanAsync(checks.Current.QualityRules, stoppingToken);
            Loaded.TrySetResult(report);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            Loaded.TrySetCanceled(stoppingToken);
        }
        catch (Exception e)
        {
            // The demo still serves its probes without the data: say why the shop's numbers are missing.
            logger.LogError(e, "Loading the demo data failed");
            Loaded.TrySetException(e);
        }
    }

    private async Task<DemoDataReport?> GenerateWhenEmptyAsync(CancellationToken cancellationToken)
    {
        if (await HasOrdersAsync(cancellationToken))
        {
            logger.LogInformation("Demo data: the store already holds orders; nothing generated");
            return null;
        }
        var yesterday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), ShopZone).Date).AddDays(-1);
        var options = new DemoDataOptions { End = yesterday };
        // The demo command sets it to the demo shop's /media, which serves the files the media rows name.
        if (configuration?[MediaBaseUrlKey] is { Length: > 0 } mediaBase) options = options with { MediaBaseUrl = mediaBase };
        logger.LogInformation("Demo data: generating two years of the demo shop's history ({Start} to {End})", options.Start, options.End);

        var clock = Stopwatch.StartNew();
        var run = new ImportReport { Source = Source, Origin = $"generator seed {options.Seed}" };
        run.RunId = await imports.StartRunAsync(Source, run.Origin, time.GetUtcNow(), cancellationToken);
        var written = 0L;
        var report = await new DemoDataGenerator().GenerateAsync(options, async (batch, ct) =>
        {
            var counts = await writer.WriteAsync(batch, ct);
            var entity = run.For(batch.Target.Entity.Name);
            entity.Read += batch.Count;
            entity.Add(counts);
            run.RowsRead += batch.Count;
            if ((written += batch.Count) % 200_000 < batch.Count)
                logger.LogInformation("Demo data: {Rows:N0} rows written", written);
        }, cancellationToken);
        run.Duration = clock.Elapsed;
        await imports.FinishRunAsync(run, time.GetUtcNow(), cancellationToken);
        logger.LogInformation("Demo data: {Rows:N0} rows ({Orders:N0} orders, {Sessions:N0} sessions) written in {Seconds:0.0} s",
            report.TotalRows, report.RowsOf("order"), report.RowsOf("session"), clock.Elapsed.TotalSeconds);
        return report;
    }

    private async Task<bool> HasOrdersAsync(CancellationToken cancellationToken)
    {
        await using DbConnection connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM orders)";
        return Convert.ToBoolean(await command.ExecuteScalarAsync(cancellationToken));
    }
}
