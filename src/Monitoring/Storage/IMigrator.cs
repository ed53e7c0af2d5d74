namespace Monitoring.Storage;

/// <summary>Applies the backend's pending migrations.</summary>
public interface IMigrator
{
    /// <summary>Applies every migration not yet applied, in order; returns the ids applied now (empty when up to date).
    /// Safe to run twice and from several instances at once.</summary>
    Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken);
}
