using Monitoring.Shop.Sources;

namespace Monitoring.Shop.Import;

/// <summary>Imports a declared source: every origin it opens (each file of its glob, each entity query), in order.</summary>
public sealed class SourceImporter(ShopImporter importer, IWatermarkStore watermarks, TimeProvider time, ILogger<SourceImporter> logger)
{
    /// <summary>Imports the source; a failing origin is reported and the next one still runs.</summary>
    /// <param name="file">Only this file (csv), instead of the source's glob.</param>
    public async Task<IReadOnlyList<ImportReport>> ImportAsync(SourceDefinition source, string? file, IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        var context = new SourceContext(watermarks, time, Directory.GetCurrentDirectory());
        var reports = new List<ImportReport>();
        await using var readers = source.OpenAsync(context, file, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            IMappedRowReader reader;
            try
            {
                if (!await readers.MoveNextAsync()) break;
                reader = readers.Current;
            }
            catch (SourceException e)
            {
                // Opening failed (missing file, not a CSV, database down): nothing was read, say what and go on.
                reports.Add(await importer.RecordFailureAsync(source.Id, file ?? source.Id, e.Message, cancellationToken));
                break;
            }
            await using (reader)
                reports.Add(await importer.ImportAsync(source.Id, reader, progress, cancellationToken));
        }
        if (reports.Count == 0) logger.LogInformation("Source {Source}: nothing to import", source.Id);
        return reports;
    }
}
