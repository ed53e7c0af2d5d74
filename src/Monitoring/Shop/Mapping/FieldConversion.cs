using Monitoring.Shop.Model;

namespace Monitoring.Shop.Mapping;

/// <summary>Converts an evaluated value to the .NET type of a canonical field (<see cref="ShopField.ClrType"/>).</summary>
public static class FieldConversion
{
    private static readonly object BoxedTrue = true;
    private static readonly object BoxedFalse = false;

    /// <summary>The typed value (boxed) or null; a failure sets <paramref name="error"/> and returns null.</summary>
    public static object? Convert(in Value value, ShopFieldType type, RowView row, ValueFormat format, out string? error)
    {
        error = null;
        if (value.IsError)
        {
            error = value.ErrorMessage;
            return null;
        }
        if (value.IsNull) return null;
        switch (type)
        {
            case ShopFieldType.Text:
                return Coerce.ToText(value, row);
            case ShopFieldType.Decimal:
                var number = Coerce.ToNumber(value, row, format);
                return Result(number, out error) ? number.Number : null;
            case ShopFieldType.Integer:
                var whole = Coerce.ToNumber(value, row, format);
                if (!Result(whole, out error)) return null;
                if (whole.Number == decimal.Truncate(whole.Number) && whole.Number is >= long.MinValue and <= long.MaxValue)
                    return (long)whole.Number;
                error = Coerce.NotA(value.Kind == ValueKind.Number ? whole : value, row, "a whole number").ErrorMessage;
                return null;
            case ShopFieldType.Timestamp:
                var instant = Coerce.ToTimestamp(value, row, format);
                return Result(instant, out error) ? new DateTimeOffset(instant.Time, TimeSpan.Zero) : null;
            case ShopFieldType.Date:
                var date = Coerce.ToDate(value, row, format);
                return Result(date, out error) ? DateOnly.FromDateTime(date.Time) : null;
            default:
                var flag = Coerce.ToBoolean(value, row);
                return Result(flag, out error) ? flag.Boolean ? BoxedTrue : BoxedFalse : null;
        }
    }

    private static bool Result(in Value value, out string? error)
    {
        error = value.IsError ? value.ErrorMessage : null;
        return !value.IsError && !value.IsNull;
    }
}
