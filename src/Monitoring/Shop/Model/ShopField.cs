namespace Monitoring.Shop.Model;

/// <summary>A column of a canonical entity.</summary>
/// <param name="Name">The snake_case name sources map to, and the column's name in both backends.</param>
/// <param name="Type">What a value of it is in memory.</param>
/// <param name="IsKey">Part of the entity's natural key: required in every record, never updated.</param>
/// <param name="Default">What a missing value is written as, for the columns that cannot be null.</param>
public sealed record ShopField(string Name, ShopFieldType Type, bool IsKey = false, object? Default = null)
{
    /// <summary>The .NET type a value of this field has once converted.</summary>
    public Type ClrType => Type switch
    {
        ShopFieldType.Text => typeof(string),
        ShopFieldType.Integer => typeof(long),
        ShopFieldType.Decimal => typeof(decimal),
        ShopFieldType.Timestamp => typeof(DateTimeOffset),
        ShopFieldType.Date => typeof(DateOnly),
        ShopFieldType.Boolean => typeof(bool),
        _ => throw new ArgumentOutOfRangeException(nameof(Type), Type, null),
    };

    public override string ToString() => Name;
}
