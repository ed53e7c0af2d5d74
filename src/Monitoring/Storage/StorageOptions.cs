namespace Monitoring.Storage;

public enum StorageProvider
{
    /// <summary>An embedded SQLite file: the default, nothing to install.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: the production backend, shared by several instances.</summary>
    Postgres,
}

/// <summary>Where the service keeps its data. Bound from the <c>Monitoring:Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Monitoring:Storage";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The SQLite database file; its folder is created when missing.</summary>
    public string SqlitePath { get; set; } = Path.Combine("data", "monitoring.db");

    /// <summary>The PostgreSQL connection string (Npgsql syntax); required when the provider is Postgres.</summary>
    public string? ConnectionString { get; set; }
}
