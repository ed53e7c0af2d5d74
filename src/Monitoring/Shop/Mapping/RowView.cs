namespace Monitoring.Shop.Mapping;

/// <summary>
/// The current row of a source as compiled expressions see it. One instance per open reader, moved from row to row,
/// so that evaluating a row allocates no row object.
/// </summary>
public abstract class RowView
{
    /// <summary>The 1-based physical line where the record starts, or the record's index for a query.</summary>
    public long Line { get; set; }

    /// <summary>The file name (without folder) for <c>file()</c>; the origin for other sources.</summary>
    public string FileName { get; init; } = "";

    public abstract string ColumnName(int ordinal);

    /// <summary>The column's value: <see cref="ValueKind.Column"/> for raw text still in the buffer, or a typed value.</summary>
    public abstract Value Get(int ordinal);

    /// <summary>The raw characters of a column that <see cref="Get"/> returned as <see cref="ValueKind.Column"/>.</summary>
    public virtual ReadOnlySpan<char> Span(int ordinal) => throw new NotSupportedException("typed rows have no raw text");

    /// <summary>The raw text of a column that <see cref="Get"/> returned as <see cref="ValueKind.Column"/>.</summary>
    public virtual string String(int ordinal) => Span(ordinal).ToString();
}
