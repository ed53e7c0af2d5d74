using System.Diagnostics;
using System.Threading.Channels;
using Monitoring.Storage;

namespace Monitoring.Shop.Import;

/// <summary>
/// Imports one origin of a source: reads its mapped rows, quarantines the rejected ones with their line and reason,
/// and writes the good ones in batches per entity. Reading and writing overlap (one batch is written while the next
/// is read), which is what lets a two-core machine keep both the parser and the database busy.
/// </summary>
public sealed class ShopImporter(IShopWriter writer, IImportStore imports, TimeProvider time, ILogger<ShopImporter> logger,
    Metrics.MonitoringMetrics? metrics = null)
{
    /// <summary>Rows per batch: large enough to amortise a transaction, small enough to keep memory flat.</summary>
    public int BatchSize { get; init; } = 50_000;

    /// <summary>How often progress is reported, in rows.</summary>
    public int ProgressEvery { get; init; } = 25_000;

    private const int QuarantineChunk = 1_000;

    public async Task<ImportReport> ImportAsync(string source, IMappedRowReader reader, IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var report = new ImportReport { Source = source, Origin = reader.Origin };
        report.RunId = await imports.StartRunAsync(source, reader.Origin, time.GetUtcNow(), cancellationToken);
        foreach (var target in reader.Targets) report.For(target.Entity.Name);

        // Bounded: the reader never gets more than two batches ahead of the database. When the writer fails, the
        // reader is cancelled too, or it would wait forever for room in the channel.
        var pending = Channel.CreateBounded<EntityBatch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writing = WriteAllAsync(pending.Reader, report, stop);
        try
        {
            await ReadAllAsync(reader, pending.Writer, report, progress, clock, stop.Token);
            pending.Writer.Complete();
            await writing;
            await reader.CompleteAsync(cancellationToken);
            var released = await imports.ReleaseFixedAsync(source, reader.Origin, report.RunId, cancellationToken);
            if (released > 0) logger.LogInformation("{Source} {Origin}: {Released} row(s) left the quarantine (fixed)", source, reader.Origin, released);
            // An earlier run of this origin still "running" died with its process: this run has imported it all again
            // (rows are upserted by key), so that run is closed rather than left running forever.
            var interrupted = await imports.CloseInterruptedAsync(source, reader.Origin, report.RunId, time.GetUtcNow(), cancellationToken);
            if (interrupted > 0) logger.LogWarning("{Source} {Origin}: {Interrupted} earlier run(s) had been interrupted; this run imported the origin again", source, reader.Origin, interrupted);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Batches already read are still written: what came before the failure stays imported.
            pending.Writer.TryComplete();
            try { await writing; } catch (Exception) { /* examined just below */ }
            // The writer's failure is the cause when the reader only stopped because of it.
            var cause = writing.IsFaulted ? writing.Exception!.GetBaseException() : e;
            report.Error = cause is SourceException ? cause.Message : $"{reader.Origin}: {cause.Message}";
            logger.LogError(cause, "Import of {Source} {Origin} failed", source, reader.Origin);
        }
        finally
        {
            report.Duration = clock.Elapsed;
            await imports.FinishRunAsync(report, time.GetUtcNow(), CancellationToken.None);
            metrics?.RecordImport(report, time.GetUtcNow());
        }
        logger.LogInformation("Imported {Source} {Origin}: {Rows} rows, {Rejected} rejected, in {Seconds:0.0} s",
            source, reader.Origin, report.RowsRead, report.RowsRejected, report.Duration.TotalSeconds);
        return report;
    }

    /// <summary>Records an origin that could not even be opened, so that the runs list shows it.</summary>
    public async Task<ImportReport> RecordFailureAsync(string source, string origin, string problem, CancellationToken cancellationToken)
    {
        var report = new ImportReport { Source = source, Origin = origin, Error = problem };
        report.RunId = await imports.StartRunAsync(source, origin, time.GetUtcNow(), cancellationToken);
        await imports.FinishRunAsync(report, time.GetUtcNow(), cancellationToken);
        metrics?.RecordImport(report, time.GetUtcNow());
        logger.LogError("Source {Source}: {Problem}", source, problem);
        return report;
    }

    private async Task ReadAllAsync(IMappedRowReader reader, ChannelWriter<EntityBatch> pending, ImportReport report,
        IProgress<ImportProgress>? progress, Stopwatch clock, CancellationToken cancellationToken)
    {
        var targets = reader.Targets;
        var batches = targets.Select(t => new EntityBatch(t, BatchSize)).ToArray();
        var rejected = new List<MappedRow>();
        while (await reader.ReadAsync(cancellationToken) is { } row)
        {
            report.RowsRead++;
            if (row.Rejection is not null)
            {
                report.RowsRejected++;
                if (row.RejectedEntity is { } entity) report.For(entity).Rejected++;
                rejected.Add(row);
                if (rejected.Count >= QuarantineChunk) await FlushQuarantineAsync(report, rejected, cancellationToken);
            }
            else
            {
                for (var i = 0; i < batches.Length; i++)
                {
                    if (row.Values[i] is not { } values) continue;
                    batches[i].Add(values);
                    if (batches[i].Count < BatchSize) continue;
                    await pending.WriteAsync(batches[i], cancellationToken);
                    batches[i] = new EntityBatch(targets[i], BatchSize);
                }
            }
            if (progress is not null && report.RowsRead % ProgressEvery == 0)
                progress.Report(new ImportProgress(reader.Origin, report.RowsRead, report.RowsRejected, reader.Position, reader.Length, clock.Elapsed));
        }
        foreach (var batch in batches.Where(b => b.Count > 0)) await pending.WriteAsync(batch, cancellationToken);
        await FlushQuarantineAsync(report, rejected, cancellationToken);
        progress?.Report(new ImportProgress(reader.Origin, report.RowsRead, report.RowsRejected, reader.Position, reader.Length, clock.Elapsed));
    }

    private async Task FlushQuarantineAsync(ImportReport report, List<MappedRow> rejected, CancellationToken cancellationToken)
    {
        await imports.QuarantineAsync(report.RunId, report.Source, report.Origin, rejected, time.GetUtcNow(), cancellationToken);
        rejected.Clear();
    }

    private async Task WriteAllAsync(ChannelReader<EntityBatch> pending, ImportReport report, CancellationTokenSource stop)
    {
        try
        {
            await foreach (var batch in pending.ReadAllAsync(stop.Token))
            {
                var counts = await writer.WriteAsync(batch, stop.Token);
                var entity = report.For(batch.Target.Entity.Name);
                entity.Read += batch.Count;
                entity.Add(counts);
            }
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }
    }
}
