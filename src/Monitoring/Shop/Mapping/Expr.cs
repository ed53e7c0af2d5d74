namespace Monitoring.Shop.Mapping;

/// <summary>A parsed mapping expression; <see cref="Position"/> is the 1-based character where it starts, for messages.</summary>
public abstract record Expr(int Position)
{
    /// <summary>Every column the expression reads, so that a file's header can be checked before any row is.</summary>
    public abstract IEnumerable<string> Columns();
}

/// <summary>A constant: <c>'erp'</c>, <c>1.5</c>, <c>true</c>, <c>null</c>.</summary>
public sealed record LiteralExpr(Value Value, int Position) : Expr(Position)
{
    public override IEnumerable<string> Columns() => [];
}

/// <summary>A column of the row, bare (<c>Quantity</c>) or bracketed (<c>[Unit Price]</c>).</summary>
public sealed record ColumnExpr(string Name, int Position) : Expr(Position)
{
    public override IEnumerable<string> Columns() => [Name];
}

/// <summary><c>-x</c> or <c>not x</c>.</summary>
public sealed record UnaryExpr(string Operator, Expr Operand, int Position) : Expr(Position)
{
    public override IEnumerable<string> Columns() => Operand.Columns();
}

/// <summary>An arithmetic, comparison or logical operator between two expressions.</summary>
public sealed record BinaryExpr(string Operator, Expr Left, Expr Right, int Position) : Expr(Position)
{
    public override IEnumerable<string> Columns() => Left.Columns().Concat(Right.Columns());
}

/// <summary>A call of one of the <see cref="Functions"/>.</summary>
public sealed record CallExpr(string Function, IReadOnlyList<Expr> Arguments, int Position) : Expr(Position)
{
    public override IEnumerable<string> Columns() => Arguments.SelectMany(a => a.Columns());
}
