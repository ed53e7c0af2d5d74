using System.Globalization;
using Monitoring.Shop.Mapping;
using Npgsql;

namespace Monitoring.Shop.Sources.Sql;

/// <summary>The current row of a query as typed values, read with the typed getter of each column (no boxing).</summary>
internal sealed class SqlRow : RowView
{
    private enum Getter : byte { Text, Decimal, Integer, Double, DateTime, Date, Boolean, Other }

    private readonly NpgsqlDataReader _reader;
    private readonly ValueFormat _format;
    private readonly string[] _names;
    private readonly Getter[] _getters;

    public SqlRow(NpgsqlDataReader reader, ValueFormat format)
    {
        _reader = reader;
        _format = format;
        _names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        _getters = Enumerable.Range(0, reader.FieldCount).Select(i => GetterOf(reader.GetDataTypeName(i), reader.GetFieldType(i))).ToArray();
    }

    public IReadOnlyList<string> Names => _names;

    public override string ColumnName(int ordinal) => _names[ordinal];

    public override Value Get(int ordinal)
    {
        if (_reader.IsDBNull(ordinal)) return Value.Null;
        switch (_getters[ordinal])
        {
            case Getter.Text: return Value.FromText(_reader.GetString(ordinal), ordinal);
            case Getter.Decimal: return Value.FromNumber(_reader.GetDecimal(ordinal));
            case Getter.Integer: return Value.FromNumber(_reader.GetInt64(ordinal));
            case Getter.Double:
                var number = _reader.GetDouble(ordinal);
                return double.IsFinite(number) && Math.Abs(number) < 7.9e28
                    ? Value.FromNumber((decimal)number)
                    : Value.Fail($"{number} in column {_names[ordinal]} is not a finite number");
            case Getter.DateTime:
                var time = _reader.GetDateTime(ordinal);
                // timestamptz arrives in UTC; a timestamp without time zone is a wall-clock time of the source's zone.
                return Value.FromTimestamp(time.Kind == DateTimeKind.Utc ? time : _format.ToUtc(time));
            case Getter.Date: return Value.FromDate(_reader.GetFieldValue<DateOnly>(ordinal));
            case Getter.Boolean: return Value.FromBoolean(_reader.GetBoolean(ordinal));
            default: return Value.FromText(Convert.ToString(_reader.GetValue(ordinal), CultureInfo.InvariantCulture), ordinal);
        }
    }

    /// <summary>The row as text by column, for the quarantine.</summary>
    public Dictionary<string, string?> Raw()
    {
        var raw = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < _names.Length; i++)
            raw.TryAdd(_names[i], _reader.IsDBNull(i) ? null : Convert.ToString(_reader.GetValue(i), CultureInfo.InvariantCulture));
        return raw;
    }

    private static Getter GetterOf(string dataType, Type type) => dataType switch
    {
        "date" => Getter.Date,
        _ when type == typeof(string) => Getter.Text,
        _ when type == typeof(decimal) => Getter.Decimal,
        _ when type == typeof(long) || type == typeof(int) || type == typeof(short) => Getter.Integer,
        _ when type == typeof(double) || type == typeof(float) => Getter.Double,
        _ when type == typeof(DateTime) => Getter.DateTime,
        _ when type == typeof(bool) => Getter.Boolean,
        _ => Getter.Other,
    };
}
