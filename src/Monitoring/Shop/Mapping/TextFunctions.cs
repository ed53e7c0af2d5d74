namespace Monitoring.Shop.Mapping;

/// <summary>Functions over text; positions are 1-based, as in SQL and spreadsheets.</summary>
internal static class TextFunctions
{
    public static IEnumerable<Function> All =>
    [
        new("concat", 1, int.MaxValue, "concat(a, b, ...): the texts joined, nulls left out", (_, a, _) => Concat(a)),
        new("upper", 1, 1, "upper(x)", (_, a, _) => Map(a[0], s => s.ToUpperInvariant())),
        new("lower", 1, 1, "lower(x)", (_, a, _) => Map(a[0], s => s.ToLowerInvariant())),
        new("trim", 1, 1, "trim(x): without leading and trailing spaces", (_, a, _) => Map(a[0], s => s.Trim())),
        new("replace", 3, 3, "replace(x, find, with)", (_, a, _) => Replace(a)),
        new("starts_with", 2, 2, "starts_with(x, prefix)", (_, a, _) => Test(a, (s, t) => s.StartsWith(t, StringComparison.Ordinal))),
        new("ends_with", 2, 2, "ends_with(x, suffix)", (_, a, _) => Test(a, (s, t) => s.EndsWith(t, StringComparison.Ordinal))),
        new("contains", 2, 2, "contains(x, part)", (_, a, _) => Test(a, (s, t) => s.Contains(t, StringComparison.Ordinal))),
        new("substring", 2, 3, "substring(x, start, length): from the 1-based start", (_, a, f) => Substring(a, f)),
        new("left", 2, 2, "left(x, n): the first n characters", (_, a, f) => WithCount(a, f, (s, n) => s[..Math.Min(n, s.Length)])),
        new("right", 2, 2, "right(x, n): the last n characters", (_, a, f) => WithCount(a, f, (s, n) => s[Math.Max(0, s.Length - n)..])),
        new("split_part", 3, 3, "split_part(x, separator, n): the n-th (1-based) part", (_, a, f) => SplitPart(a, f)),
    ];

    private static Evaluator Map(Evaluator x, Func<string, string> f) => row =>
    {
        var v = x(row);
        if (v.IsError || v.IsNull) return v;
        return Value.FromText(f(Coerce.ToText(v, row)!), v.Column);
    };

    private static Evaluator Concat(Evaluator[] a) => row =>
    {
        var parts = new string?[a.Length];
        for (var i = 0; i < a.Length; i++)
        {
            var v = a[i](row);
            if (v.IsError) return v;
            parts[i] = Coerce.ToText(v, row);
        }
        return Value.FromText(string.Concat(parts));
    };

    private static Evaluator Replace(Evaluator[] a) => row =>
    {
        var v = a[0](row);
        if (v.IsError || v.IsNull) return v;
        var find = a[1](row);
        var with = a[2](row);
        if (find.IsError) return find;
        if (with.IsError) return with;
        var findText = Coerce.ToText(find, row);
        var text = Coerce.ToText(v, row)!;
        return string.IsNullOrEmpty(findText) ? v : Value.FromText(text.Replace(findText, Coerce.ToText(with, row) ?? "", StringComparison.Ordinal), v.Column);
    };

    private static Evaluator Test(Evaluator[] a, Func<string, string, bool> test) => row =>
    {
        var v = a[0](row);
        var part = a[1](row);
        if (v.IsError) return v;
        if (part.IsError) return part;
        if (v.IsNull || part.IsNull) return Value.False;
        return Value.FromBoolean(test(Coerce.ToText(v, row)!, Coerce.ToText(part, row)!));
    };

    private static Evaluator Substring(Evaluator[] a, ValueFormat format) => row =>
    {
        var v = a[0](row);
        if (v.IsError || v.IsNull) return v;
        var start = Coerce.ToNumber(a[1](row), row, format);
        if (start.Kind != ValueKind.Number) return start;
        var text = Coerce.ToText(v, row)!;
        var from = Math.Clamp((int)start.Number - 1, 0, text.Length);
        var length = text.Length - from;
        if (a.Length > 2)
        {
            var count = Coerce.ToNumber(a[2](row), row, format);
            if (count.Kind != ValueKind.Number) return count;
            length = Math.Clamp((int)count.Number, 0, length);
        }
        return Value.FromText(text.Substring(from, length), v.Column);
    };

    private static Evaluator WithCount(Evaluator[] a, ValueFormat format, Func<string, int, string> f) => row =>
    {
        var v = a[0](row);
        if (v.IsError || v.IsNull) return v;
        var n = Coerce.ToNumber(a[1](row), row, format);
        if (n.Kind != ValueKind.Number) return n;
        return Value.FromText(f(Coerce.ToText(v, row)!, (int)Math.Clamp(n.Number, 0, int.MaxValue)), v.Column);
    };

    private static Evaluator SplitPart(Evaluator[] a, ValueFormat format) => row =>
    {
        var v = a[0](row);
        if (v.IsError || v.IsNull) return v;
        var separator = a[1](row);
        if (separator.IsError) return separator;
        var n = Coerce.ToNumber(a[2](row), row, format);
        if (n.Kind != ValueKind.Number) return n;
        var parts = Coerce.ToText(v, row)!.Split(Coerce.ToText(separator, row) ?? "");
        var index = (int)n.Number - 1;
        return index >= 0 && index < parts.Length ? Value.FromText(parts[index], v.Column) : Value.Null;
    };
}
