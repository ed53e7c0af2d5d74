namespace Monitoring.Shop.Mapping;

/// <summary>Functions that read text as numbers or dates, and arithmetic helpers.</summary>
internal static class ConversionFunctions
{
    public static IEnumerable<Function> All =>
    [
        new("number", 1, 2, "number(x) or number(x, ','): x as a number, with another decimal separator than the source's",
            Number, call => Function.RequireTextLiteral(call, 1, "decimal separator") ?? SingleCharacter(call)),
        new("date", 1, 2, "date(x) or date(x, 'dd/MM/yyyy HH:mm'): x as a timestamp, with another format than the source's",
            Date, call => Function.RequireTextLiteral(call, 1, "date format")),
        new("text", 1, 1, "text(x): x as text (numbers with a dot, timestamps in ISO 8601)",
            (_, a, _) => row => Coerce.ToTextValue(a[0](row), row)),
        new("abs", 1, 1, "abs(x): x without its sign", (_, a, f) => NumberFunction(a[0], f, Math.Abs)),
        new("round", 1, 2, "round(x) or round(x, digits): half away from zero", Round),
    ];

    private static string? SingleCharacter(CallExpr call) =>
        call.Arguments.Count > 1 && call.Arguments[1] is LiteralExpr { Value.Text.Length: not 1 }
            ? "the decimal separator must be one character, like ','"
            : null;

    private static Evaluator Number(CallExpr call, Evaluator[] a, ValueFormat format)
    {
        var x = a[0];
        if (call.Arguments.Count == 1) return row => Coerce.ToNumber(x(row), row, format);
        var separator = ((LiteralExpr)call.Arguments[1]).Value.Text[0];
        return row =>
        {
            var v = x(row);
            if (v.Kind is not (ValueKind.Column or ValueKind.Text)) return Coerce.ToNumber(v, row, format);
            return format.TryParseNumber(Coerce.Chars(v, row), separator, out var n)
                ? Value.FromNumber(n)
                : Coerce.NotA(v, row, $"a number (with decimal separator '{separator}')");
        };
    }

    private static Evaluator Date(CallExpr call, Evaluator[] a, ValueFormat format)
    {
        var x = a[0];
        var pattern = call.Arguments.Count > 1 ? ((LiteralExpr)call.Arguments[1]).Value.Text : null;
        return row => Coerce.ToTimestamp(x(row), row, format, pattern);
    }

    private static Evaluator NumberFunction(Evaluator x, ValueFormat format, Func<decimal, decimal> f) => row =>
    {
        var v = Coerce.ToNumber(x(row), row, format);
        return v.Kind == ValueKind.Number ? Value.FromNumber(f(v.Number)) : v;
    };

    private static Evaluator Round(CallExpr call, Evaluator[] a, ValueFormat format)
    {
        var x = a[0];
        var digits = a.Length > 1 ? a[1] : (_ => Value.FromNumber(0));
        return row =>
        {
            var v = Coerce.ToNumber(x(row), row, format);
            if (v.Kind != ValueKind.Number) return v;
            var d = Coerce.ToNumber(digits(row), row, format);
            if (d.Kind != ValueKind.Number) return d;
            var places = (int)Math.Clamp(d.Number, 0, 28);
            return Value.FromNumber(Math.Round(v.Number, places, MidpointRounding.AwayFromZero));
        };
    }
}
