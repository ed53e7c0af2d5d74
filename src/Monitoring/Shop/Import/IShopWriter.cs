namespace Monitoring.Shop.Import;

/// <summary>
/// Writes canonical records into the store: each record is inserted, or updated by its natural key when one of its
/// mapped fields differs, or left alone when nothing differs, so that importing the same data twice changes nothing.
/// </summary>
public interface IShopWriter
{
    /// <summary>
    /// Upserts the batch in one transaction. Rows of the same key in one batch collapse to the last one (a later row
    /// of a file supersedes an earlier one), and count as unchanged.
    /// </summary>
    Task<WriteCounts> WriteAsync(EntityBatch batch, CancellationToken cancellationToken);
}

/// <summary>What a write did to the rows it was given.</summary>
public readonly record struct WriteCounts(long Inserted, long Updated, long Unchanged)
{
    public static WriteCounts operator +(WriteCounts a, WriteCounts b) =>
        new(a.Inserted + b.Inserted, a.Updated + b.Updated, a.Unchanged + b.Unchanged);
}
