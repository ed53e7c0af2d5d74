using Monitoring.Shop.Mapping;
using Sylvan.Data.Csv;

namespace Monitoring.Shop.Sources.Csv;

/// <summary>The current record of a csv file: fields stay in Sylvan's buffer until an expression needs a string.</summary>
internal sealed class CsvRow(CsvDataReader csv, string[] names) : RowView
{
    public override string ColumnName(int ordinal) => names[ordinal];

    public override Value Get(int ordinal) => csv.GetFieldSpan(ordinal).IsEmpty ? Value.Null : Value.FromColumn(ordinal);

    public override ReadOnlySpan<char> Span(int ordinal) => csv.GetFieldSpan(ordinal);

    public override string String(int ordinal) => csv.GetString(ordinal);
}
