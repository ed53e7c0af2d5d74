namespace Monitoring.Shop.Mapping;

/// <summary>What a value of the mapping language is while a row is evaluated.</summary>
public enum ValueKind : byte
{
    Null,

    /// <summary>A csv field not yet read: only its ordinal, so that a number is parsed from the buffer without a string.</summary>
    Column,
    Text,
    Number,

    /// <summary>An instant, in UTC.</summary>
    Timestamp,
    Date,
    Boolean,

    /// <summary>A failure, with its message; every operator passes it on unchanged.</summary>
    Error,
}

/// <summary>
/// One value of the mapping language. A struct with a tag, so that evaluating a row allocates nothing but the strings
/// it really needs; it lives only while its row is evaluated (a <see cref="ValueKind.Column"/> points into the row).
/// </summary>
public readonly struct Value
{
    private readonly string? _text;
    private readonly decimal _number;
    private readonly DateTime _time;

    private Value(ValueKind kind, int column = -1, string? text = null, decimal number = 0, DateTime time = default)
    {
        Kind = kind;
        Column = column;
        _text = text;
        _number = number;
        _time = time;
    }

    public ValueKind Kind { get; }

    /// <summary>The ordinal of the column the value was read from, or -1: error messages name it.</summary>
    public int Column { get; }

    public bool IsNull => Kind == ValueKind.Null;

    public bool IsError => Kind == ValueKind.Error;

    public string Text => _text!;

    public string ErrorMessage => _text!;

    public decimal Number => _number;

    public bool Boolean => _number != 0;

    /// <summary>A timestamp in UTC, or a date at midnight (unspecified kind).</summary>
    public DateTime Time => _time;

    public static readonly Value Null = default;
    public static readonly Value True = new(ValueKind.Boolean, number: 1);
    public static readonly Value False = new(ValueKind.Boolean, number: 0);

    public static Value FromColumn(int ordinal) => new(ValueKind.Column, ordinal);

    public static Value FromText(string? text, int column = -1) =>
        string.IsNullOrEmpty(text) ? Null : new(ValueKind.Text, column, text);

    public static Value FromNumber(decimal number) => new(ValueKind.Number, number: number);

    public static Value FromBoolean(bool value) => value ? True : False;

    public static Value FromTimestamp(DateTime utc) => new(ValueKind.Timestamp, time: DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    public static Value FromDate(DateOnly date) => new(ValueKind.Date, time: date.ToDateTime(TimeOnly.MinValue));

    public static Value Fail(string message) => new(ValueKind.Error, text: message);

    public override string ToString() => Kind switch
    {
        ValueKind.Null => "null",
        ValueKind.Column => $"column #{Column}",
        ValueKind.Text => $"'{_text}'",
        ValueKind.Number => _number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ValueKind.Timestamp => _time.ToString("O"),
        ValueKind.Date => DateOnly.FromDateTime(_time).ToString("yyyy-MM-dd"),
        ValueKind.Boolean => Boolean ? "true" : "false",
        _ => $"error: {_text}",
    };
}
