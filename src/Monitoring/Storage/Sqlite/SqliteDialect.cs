namespace Monitoring.Storage.Sqlite;

/// <summary>SQLite has no timestamp, uuid or JSON column types: Unix milliseconds, text and text.</summary>
public sealed class SqliteDialect : SqlDialect
{
    public override string Name => "sqlite";

    public override object Timestamp(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public override DateTimeOffset ReadTimestamp(object value) => DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value));

    public override object Id(Guid value) => value.ToString("D");

    public override Guid ReadId(object value) => Guid.Parse((string)value);

    public override string Json(string parameter) => parameter;
}
