namespace Monitoring.Shop.Sources;

/// <summary>How far an incremental source has read, per source and entity, as the text of the last value seen.</summary>
public interface IWatermarkStore
{
    /// <summary>The last value recorded, or null when the source has never been read.</summary>
    Task<string?> GetAsync(string source, string entity, CancellationToken cancellationToken);

    Task SetAsync(string source, string entity, string value, CancellationToken cancellationToken);
}
