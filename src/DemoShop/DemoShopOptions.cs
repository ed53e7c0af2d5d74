using DemoShop.Catalog;
using DemoShop.Faults;

namespace DemoShop;

/// <summary>
/// How to start the demo shop. Everything is optional: by default it sells <see cref="BuiltInCatalog"/> over HTTP
/// only, with no fault. Faults set here (or in configuration, <c>DemoShop:Faults:*</c>) are in force from the start.
/// </summary>
public sealed class DemoShopOptions
{
    /// <summary>The catalogue to sell (e.g. the monitoring demo generator's); null = the built-in forty products.</summary>
    public IReadOnlyList<ShopProduct>? Products { get; init; }

    /// <summary>The fault switches; keep a reference to change them at runtime without HTTP.</summary>
    public FaultSettings? Faults { get; init; }

    /// <summary>Also serve HTTPS on this port (0 = any free port) with a self-signed certificate made at start-up.</summary>
    public int? HttpsPort { get; init; }

    /// <summary>The clock for order dates and certificate validity.</summary>
    public TimeProvider? Clock { get; init; }
}
