namespace Monitoring.Shop.Mapping;

/// <summary>
/// What the operators do to values. Arithmetic reads both sides as numbers and passes null on. A comparison is
/// numeric when either side is a number, by time when either is a date, else between texts; <c>x = null</c> tests
/// for a missing value, and ordering against null is null, which counts as false.
/// </summary>
public static class Operators
{
    public static Value Arithmetic(string op, in Value left, in Value right, RowView row, ValueFormat format)
    {
        var l = Coerce.ToNumber(left, row, format);
        if (l.Kind != ValueKind.Number) return l;
        var r = Coerce.ToNumber(right, row, format);
        if (r.Kind != ValueKind.Number) return r;
        try
        {
            return op switch
            {
                "+" => Value.FromNumber(l.Number + r.Number),
                "-" => Value.FromNumber(l.Number - r.Number),
                "*" => Value.FromNumber(l.Number * r.Number),
                _ => r.Number == 0 ? Value.Fail($"division of {l} by zero") : Value.FromNumber(l.Number / r.Number),
            };
        }
        catch (OverflowException)
        {
            return Value.Fail($"{l} {op} {r} is too large a number");
        }
    }

    public static Value Compare(string op, in Value left, in Value right, RowView row, ValueFormat format)
    {
        if (left.IsError) return left;
        if (right.IsError) return right;
        if (left.IsNull || right.IsNull)
        {
            return op switch
            {
                "=" => Value.FromBoolean(left.IsNull && right.IsNull),
                "!=" => Value.FromBoolean(left.IsNull != right.IsNull),
                _ => Value.Null,
            };
        }
        int order;
        if (left.Kind == ValueKind.Number || right.Kind == ValueKind.Number)
        {
            var l = Coerce.ToNumber(left, row, format);
            if (l.IsError) return l;
            var r = Coerce.ToNumber(right, row, format);
            if (r.IsError) return r;
            order = l.Number.CompareTo(r.Number);
        }
        else if (left.Kind is ValueKind.Timestamp or ValueKind.Date || right.Kind is ValueKind.Timestamp or ValueKind.Date)
        {
            if (left.Kind == ValueKind.Date && right.Kind == ValueKind.Date) order = left.Time.CompareTo(right.Time);
            else
            {
                var l = Coerce.ToTimestamp(left, row, format);
                if (l.IsError) return l;
                var r = Coerce.ToTimestamp(right, row, format);
                if (r.IsError) return r;
                order = l.Time.CompareTo(r.Time);
            }
        }
        else if (left.Kind == ValueKind.Boolean || right.Kind == ValueKind.Boolean)
        {
            var l = Coerce.ToBoolean(left, row);
            if (l.IsError) return l;
            var r = Coerce.ToBoolean(right, row);
            if (r.IsError) return r;
            order = l.Boolean.CompareTo(r.Boolean);
        }
        else order = Coerce.Chars(left, row).SequenceCompareTo(Coerce.Chars(right, row));

        return Value.FromBoolean(op switch
        {
            "=" => order == 0,
            "!=" => order != 0,
            "<" => order < 0,
            "<=" => order <= 0,
            ">" => order > 0,
            _ => order >= 0,
        });
    }
}
