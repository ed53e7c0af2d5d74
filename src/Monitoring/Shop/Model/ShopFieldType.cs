namespace Monitoring.Shop.Model;

/// <summary>
/// The types a canonical field can have, with the .NET type a value of it has in memory: every source converts to
/// these before a value reaches a store, and every store converts them to its own column types.
/// </summary>
public enum ShopFieldType
{
    /// <summary><see cref="string"/>.</summary>
    Text,

    /// <summary><see cref="long"/>.</summary>
    Integer,

    /// <summary><see cref="decimal"/>: amounts, quantities, weights.</summary>
    Decimal,

    /// <summary><see cref="DateTimeOffset"/> in UTC.</summary>
    Timestamp,

    /// <summary><see cref="DateOnly"/>: a calendar day in the shop's time zone.</summary>
    Date,

    /// <summary><see cref="bool"/>.</summary>
    Boolean,
}
