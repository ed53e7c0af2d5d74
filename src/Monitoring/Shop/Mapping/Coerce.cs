using System.Globalization;

namespace Monitoring.Shop.Mapping;

/// <summary>
/// Turns a value into the kind an operator, function or field needs. Raw text is parsed with the source's
/// <see cref="ValueFormat"/>; a failure is an <see cref="ValueKind.Error"/> value naming the text and its column, never
/// an exception, because a file of mostly bad rows must not cost an exception per row.
/// </summary>
public static class Coerce
{
    public static Value ToNumber(in Value value, RowView row, ValueFormat format) => value.Kind switch
    {
        ValueKind.Number or ValueKind.Null or ValueKind.Error => value,
        ValueKind.Column => format.TryParseNumber(row.Span(value.Column), out var n) ? Value.FromNumber(n) : NotA(value, row, "a number"),
        ValueKind.Text => format.TryParseNumber(value.Text, out var n) ? Value.FromNumber(n) : NotA(value, row, "a number"),
        ValueKind.Boolean => Value.FromNumber(value.Boolean ? 1 : 0),
        _ => NotA(value, row, "a number"),
    };

    public static Value ToTimestamp(in Value value, RowView row, ValueFormat format, string? pattern = null) => value.Kind switch
    {
        ValueKind.Timestamp or ValueKind.Null or ValueKind.Error => value,
        ValueKind.Date => Value.FromTimestamp(format.ToUtc(value.Time)),
        ValueKind.Column or ValueKind.Text => format.TryParseTimestamp(Chars(value, row), pattern, out var utc)
            ? Value.FromTimestamp(utc)
            : NotA(value, row, $"a date (expected {(pattern is null ? format.ExpectedDates : pattern)})"),
        _ => NotA(value, row, "a date"),
    };

    public static Value ToDate(in Value value, RowView row, ValueFormat format) => value.Kind switch
    {
        ValueKind.Date or ValueKind.Null or ValueKind.Error => value,
        ValueKind.Timestamp => Value.FromDate(format.ToLocalDate(value.Time)),
        ValueKind.Column or ValueKind.Text => format.TryParseDate(Chars(value, row), null, out var date)
            ? Value.FromDate(date)
            : NotA(value, row, $"a date (expected {format.ExpectedDates})"),
        _ => NotA(value, row, "a date"),
    };

    public static Value ToBoolean(in Value value, RowView row) => value.Kind switch
    {
        ValueKind.Boolean or ValueKind.Null or ValueKind.Error => value,
        ValueKind.Number => Value.FromBoolean(value.Number != 0),
        ValueKind.Column or ValueKind.Text => ValueFormat.TryParseBoolean(Chars(value, row), out var b)
            ? Value.FromBoolean(b)
            : NotA(value, row, "a boolean (write true/false, yes/no, y/n or 1/0)"),
        _ => NotA(value, row, "a boolean"),
    };

    /// <summary>Null and false are false; an error stays an error (checked by the caller first).</summary>
    public static bool IsTrue(in Value value, RowView row, out Value error)
    {
        error = default;
        if (value.Kind == ValueKind.Boolean) return value.Boolean;
        if (value.IsNull) return false;
        var converted = ToBoolean(value, row);
        if (converted.IsError) error = converted;
        return converted.Kind == ValueKind.Boolean && converted.Boolean;
    }

    /// <summary>The value as text (numbers invariant, timestamps ISO 8601), or null.</summary>
    public static string? ToText(in Value value, RowView row) => value.Kind switch
    {
        ValueKind.Null or ValueKind.Error => null,
        ValueKind.Column => row.String(value.Column),
        ValueKind.Text => value.Text,
        ValueKind.Number => value.Number.ToString(CultureInfo.InvariantCulture),
        ValueKind.Timestamp => value.Time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        ValueKind.Date => value.Time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => value.Boolean ? "true" : "false",
    };

    public static Value ToTextValue(in Value value, RowView row) =>
        value.Kind is ValueKind.Text or ValueKind.Null or ValueKind.Error ? value : Value.FromText(ToText(value, row), value.Column);

    /// <summary>The characters of raw text without making a string of a csv field.</summary>
    public static ReadOnlySpan<char> Chars(in Value value, RowView row) =>
        value.Kind == ValueKind.Column ? row.Span(value.Column) : value.Text.AsSpan();

    /// <summary><c>'abc' in column Quantity is not a number</c>.</summary>
    public static Value NotA(in Value value, RowView row, string what)
    {
        var text = value.Kind is ValueKind.Column or ValueKind.Text ? $"'{Chars(value, row)}'" : value.ToString();
        var column = value.Column >= 0 ? $" in column {row.ColumnName(value.Column)}" : "";
        return Value.Fail($"{text}{column} is not {what}");
    }
}
