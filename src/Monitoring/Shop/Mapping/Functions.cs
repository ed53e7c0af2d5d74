namespace Monitoring.Shop.Mapping;

/// <summary>
/// Every function of the mapping language. Adding one is a line here (or in the text and conversion tables) with its
/// evaluator; nothing else knows the list. Null propagates through most functions: a missing value stays missing.
/// </summary>
public static class Functions
{
    private static readonly Dictionary<string, Function> ByName = new[]
    {
        new Function("if", 2, 3, "if(condition, then, else)", (_, a, _) => If(a)),
        new Function("coalesce", 1, int.MaxValue, "coalesce(a, b, ...): the first that is not null", (_, a, _) => Coalesce(a)),
        new Function("nullif", 2, 2, "nullif(x, y): null when x = y, else x", (_, a, f) => NullIf(a[0], a[1], f)),
        new Function("line", 0, 0, "line(): the row's 1-based line in the file", (_, _, _) => row => Value.FromNumber(row.Line)),
        new Function("file", 0, 0, "file(): the file's name", (_, _, _) => row => Value.FromText(row.FileName)),
    }
    .Concat(ConversionFunctions.All)
    .Concat(TextFunctions.All)
    .ToDictionary(f => f.Name, StringComparer.Ordinal);

    public static IReadOnlyList<Function> All { get; } = ByName.Values.ToArray();

    public static IReadOnlyList<string> Names { get; } = ByName.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>The function of that name; names are lower-case, so <c>IF</c> is accepted as <c>if</c>.</summary>
    public static Function? Find(string name) => ByName.GetValueOrDefault(name) ?? ByName.GetValueOrDefault(name.ToLowerInvariant());

    private static Evaluator If(Evaluator[] a)
    {
        var (condition, then) = (a[0], a[1]);
        var otherwise = a.Length > 2 ? a[2] : (_ => Value.Null);
        return row =>
        {
            var c = condition(row);
            if (c.IsError) return c;
            var isTrue = Coerce.IsTrue(c, row, out var error);
            return error.IsError ? error : isTrue ? then(row) : otherwise(row);
        };
    }

    private static Evaluator Coalesce(Evaluator[] a) => row =>
    {
        foreach (var argument in a)
        {
            var v = argument(row);
            if (!v.IsNull) return v;
        }
        return Value.Null;
    };

    private static Evaluator NullIf(Evaluator x, Evaluator y, ValueFormat format) => row =>
    {
        var v = x(row);
        if (v.IsError || v.IsNull) return v;
        var equal = Operators.Compare("=", v, y(row), row, format);
        return equal.IsError ? equal : equal.Boolean ? Value.Null : v;
    };
}
