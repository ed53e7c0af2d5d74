namespace Monitoring.Storage.Postgres;

/// <summary>PostgreSQL stores timestamps as timestamptz, ids as uuid and JSON as jsonb.</summary>
public sealed class PostgresDialect : SqlDialect
{
    public override string Name => "postgres";

    // Npgsql writes a DateTimeOffset to timestamptz only when its offset is zero.
    public override object Timestamp(DateTimeOffset value) => value.ToUniversalTime();

    public override DateTimeOffset ReadTimestamp(object value) => value switch
    {
        DateTime utc => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)),
        DateTimeOffset offset => offset.ToUniversalTime(),
        _ => throw new InvalidCastException($"Unexpected timestamp type {value.GetType()}"),
    };

    public override object Id(Guid value) => value;

    public override Guid ReadId(object value) => (Guid)value;

    public override string Json(string parameter) => $"CAST({parameter} AS jsonb)";
}
