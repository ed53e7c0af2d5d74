namespace Monitoring.Shop.Import;

/// <summary>What one import of one origin did, per entity.</summary>
public sealed class ImportReport
{
    public required string Source { get; init; }

    public required string Origin { get; init; }

    public long RunId { get; set; }

    /// <summary>Rows read from the origin, good and bad.</summary>
    public long RowsRead { get; set; }

    /// <summary>Rows quarantined: none of their entities was written.</summary>
    public long RowsRejected { get; set; }

    /// <summary>Counts per entity, in the order the source declares them.</summary>
    public Dictionary<string, EntityCounts> Entities { get; init; } = new(StringComparer.Ordinal);

    public TimeSpan Duration { get; set; }

    /// <summary>Why the import stopped before the end, when it did; rows written before that stay written.</summary>
    public string? Error { get; set; }

    public bool Succeeded => Error is null;

    public EntityCounts For(string entity) =>
        Entities.TryGetValue(entity, out var counts) ? counts : Entities[entity] = new EntityCounts();
}

/// <summary>One entity's counts in an import.</summary>
public sealed class EntityCounts
{
    /// <summary>Records of this entity the good rows carried.</summary>
    public long Read { get; set; }

    public long Inserted { get; set; }

    public long Updated { get; set; }

    /// <summary>Records equal to what was stored, or superseded by a later record of the same key.</summary>
    public long Unchanged { get; set; }

    /// <summary>Rows rejected because of a value of this entity.</summary>
    public long Rejected { get; set; }

    public void Add(WriteCounts counts)
    {
        Inserted += counts.Inserted;
        Updated += counts.Updated;
        Unchanged += counts.Unchanged;
    }
}
