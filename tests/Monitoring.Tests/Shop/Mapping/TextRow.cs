using Monitoring.Shop.Mapping;

namespace Monitoring.Tests.Shop.Mapping;

/// <summary>A row of raw text columns, as a csv file gives them, for evaluating expressions without a file.</summary>
internal sealed class TextRow((string Name, string Value)[] columns) : RowView
{
    public int Ordinal(string name) => Array.FindIndex(columns, c => c.Name == name) is var i and >= 0
        ? i
        : throw new ArgumentException($"no column {name}");

    public override string ColumnName(int ordinal) => columns[ordinal].Name;

    public override Value Get(int ordinal) => columns[ordinal].Value.Length == 0 ? Value.Null : Value.FromColumn(ordinal);

    public override ReadOnlySpan<char> Span(int ordinal) => columns[ordinal].Value;

    /// <summary>Parses, compiles and evaluates <paramref name="expression"/> over this row, as text for comparisons.</summary>
    public string Evaluate(string expression, ValueFormat format)
    {
        var evaluator = ExpressionCompiler.Compile(ExpressionParser.Parse(expression), Ordinal, format);
        var value = evaluator(this);
        return value.Kind == ValueKind.Column ? $"'{String(value.Column)}'" : value.ToString();
    }
}
