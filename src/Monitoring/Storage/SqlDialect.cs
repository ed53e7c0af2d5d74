namespace Monitoring.Storage;

/// <summary>
/// What differs between the backends in otherwise shared SQL: how timestamps, ids and JSON are written and read.
/// The stores keep one SQL text for both backends wherever both dialects agree.
/// </summary>
public abstract class SqlDialect
{
    /// <summary>The backend's short name for logs and metrics.</summary>
    public abstract string Name { get; }

    /// <summary>A timestamp as the backend stores it.</summary>
    public abstract object Timestamp(DateTimeOffset value);

    /// <summary>A stored timestamp back as UTC.</summary>
    public abstract DateTimeOffset ReadTimestamp(object value);

    /// <summary>A unique id as the backend stores it.</summary>
    public abstract object Id(Guid value);

    public abstract Guid ReadId(object value);

    /// <summary>The SQL that turns a text parameter into the backend's JSON column type.</summary>
    public abstract string Json(string parameter);
}
