namespace Monitoring.Shop.Mapping;

/// <summary>
/// Turns a parsed expression into a tree of closures, once per file: column names are resolved to ordinals here,
/// so evaluating a row is only delegate calls over the row's fields.
/// </summary>
public static class ExpressionCompiler
{
    /// <param name="expr">A parsed expression.</param>
    /// <param name="ordinal">The ordinal of a column; every column of the expression must have been checked to exist.</param>
    /// <param name="format">How the source writes numbers and dates.</param>
    public static Evaluator Compile(Expr expr, Func<string, int> ordinal, ValueFormat format) => expr switch
    {
        LiteralExpr literal => Constant(literal.Value),
        ColumnExpr column => Column(ordinal(column.Name)),
        UnaryExpr { Operator: "-" } unary => Negate(Compile(unary.Operand, ordinal, format), format),
        UnaryExpr unary => Not(Compile(unary.Operand, ordinal, format)),
        BinaryExpr { Operator: "and" or "or" } logic =>
            Logic(logic.Operator == "and", Compile(logic.Left, ordinal, format), Compile(logic.Right, ordinal, format)),
        BinaryExpr { Operator: "+" or "-" or "*" or "/" } arithmetic =>
            Arithmetic(arithmetic.Operator, Compile(arithmetic.Left, ordinal, format), Compile(arithmetic.Right, ordinal, format), format),
        BinaryExpr comparison =>
            Comparison(comparison.Operator, Compile(comparison.Left, ordinal, format), Compile(comparison.Right, ordinal, format), format),
        CallExpr call => Functions.Find(call.Function)!.Compile(call,
            call.Arguments.Select(a => Compile(a, ordinal, format)).ToArray(), format),
        _ => throw new ArgumentOutOfRangeException(nameof(expr), expr, null),
    };

    private static Evaluator Constant(Value value) => _ => value;

    private static Evaluator Column(int ordinal) => row => row.Get(ordinal);

    private static Evaluator Negate(Evaluator operand, ValueFormat format) => row =>
    {
        var v = Coerce.ToNumber(operand(row), row, format);
        return v.Kind == ValueKind.Number ? Value.FromNumber(-v.Number) : v;
    };

    private static Evaluator Not(Evaluator operand) => row =>
    {
        var v = operand(row);
        if (v.IsError) return v;
        var isTrue = Coerce.IsTrue(v, row, out var error);
        return error.IsError ? error : Value.FromBoolean(!isTrue);
    };

    /// <summary>Short-circuits, so that <c>Quantity != null and Quantity &lt; 0</c> never reads a missing value as a number.</summary>
    private static Evaluator Logic(bool isAnd, Evaluator left, Evaluator right) => row =>
    {
        var l = left(row);
        if (l.IsError) return l;
        var leftTrue = Coerce.IsTrue(l, row, out var error);
        if (error.IsError) return error;
        if (leftTrue != isAnd) return Value.FromBoolean(leftTrue);
        var r = right(row);
        if (r.IsError) return r;
        var rightTrue = Coerce.IsTrue(r, row, out error);
        return error.IsError ? error : Value.FromBoolean(rightTrue);
    };

    private static Evaluator Arithmetic(string op, Evaluator left, Evaluator right, ValueFormat format) => row =>
    {
        var l = left(row);
        if (l.IsError || l.IsNull) return l;
        var r = right(row);
        return r.IsError || r.IsNull ? r : Operators.Arithmetic(op, l, r, row, format);
    };

    private static Evaluator Comparison(string op, Evaluator left, Evaluator right, ValueFormat format) =>
        row => Operators.Compare(op, left(row), right(row), row, format);
}
