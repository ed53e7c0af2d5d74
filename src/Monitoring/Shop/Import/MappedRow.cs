namespace Monitoring.Shop.Import;

/// <summary>
/// One row of a source after mapping: canonical values for each target of the reader, or the reason it was
/// rejected. A row is atomic: when any of its values fails, none of its entities is written.
/// </summary>
public sealed class MappedRow
{
    /// <summary>Where the row came from: the 1-based line of a file where the record starts, or a record's index.</summary>
    public required long Line { get; init; }

    /// <summary>
    /// Per target of the reader (same order), the values in the target's field order, typed as
    /// <see cref="Model.ShopField.ClrType"/> or null; a null array when the target does not apply to this row.
    /// </summary>
    public object?[]?[] Values { get; init; } = [];

    /// <summary>Why the row is rejected; null when it is good.</summary>
    public string? Rejection { get; init; }

    /// <summary>The entity whose mapping failed, when one did.</summary>
    public string? RejectedEntity { get; init; }

    /// <summary>The row's raw values by column name, kept for rejected rows so that the quarantine shows them.</summary>
    public IReadOnlyDictionary<string, string?>? Raw { get; init; }

    public static MappedRow Rejected(long line, string reason, IReadOnlyDictionary<string, string?> raw, string? entity = null) =>
        new() { Line = line, Rejection = reason, Raw = raw, RejectedEntity = entity };
}
