namespace Monitoring.Shop.Model;

/// <summary>
/// The canonical B2B model (DESIGN.md §5): the one shape every source maps the shop's data into, and the only shape
/// the KPI and quality jobs read. The migrations <c>*_shop_model.sql</c> create these tables on both backends; a
/// test holds the two in step.
/// </summary>
public static class ShopModel
{
    /// <summary>A customer company: the unit of a B2B customer.</summary>
    public static readonly ShopEntity Account = new("account", "accounts",
        [
            Key("id", ShopFieldType.Text), Text("name"), Text("vat_number"), Text("country"), Text("segment"),
            Text("price_list"), Text("sales_rep"), Text("parent_account_id"), Timestamp("opened_at"), Text("status"),
            Text("acquisition_channel")
        ]);

    /// <summary>A person at an account: buyer, approver or prescriber, with consent flags and when they were given.</summary>
    public static readonly ShopEntity Contact = new("contact", "contacts",
        [
            Key("id", ShopFieldType.Text), Text("account_id"), Text("name"), Text("email"), Text("phone"),
            Text("role"), Boolean("consent_email"), Timestamp("consent_email_at"), Boolean("consent_phone"),
            Timestamp("consent_phone_at"), Timestamp("created_at")
        ]);

    /// <summary>A billing or delivery address of an account.</summary>
    public static readonly ShopEntity Address = new("address", "addresses",
        [
            Key("id", ShopFieldType.Text), Text("account_id"), Text("kind"), Text("line"), Text("postcode"),
            Text("city"), Text("country"), Boolean("validated")
        ]);

    /// <summary>A sellable item (SKU) with its prices, logistics data and supplier.</summary>
    public static readonly ShopEntity Product = new("product", "products",
        [
            Key("sku", ShopFieldType.Text), Text("name"), Text("description"), Text("brand"), Text("category_path"),
            Text("gtin"), Text("status"), Decimal("list_price"), Decimal("unit_cost"), Text("currency"),
            Decimal("weight_kg"), Decimal("length_cm"), Decimal("width_cm"), Decimal("height_cm"),
            Integer("min_order_qty"), Integer("order_multiple"), Text("supplier"), Timestamp("created_at"),
            Timestamp("updated_at")
        ]);

    /// <summary>A product's name and description in one locale.</summary>
    public static readonly ShopEntity ProductTranslation = new("product_translation", "product_translations",
        [
            Key("sku", ShopFieldType.Text), Key("locale", ShopFieldType.Text), Text("name"), Text("description")
        ]);

    /// <summary>A product's unit price in a price list from a minimum quantity up.</summary>
    public static readonly ShopEntity TierPrice = new("tier_price", "tier_prices",
        [
            Key("sku", ShopFieldType.Text), Key("price_list", ShopFieldType.Text),
            Key("min_qty", ShopFieldType.Integer), Decimal("unit_price"), Text("currency")
        ]);

    /// <summary>A product's stock in one warehouse.</summary>
    public static readonly ShopEntity Stock = new("stock", "stock_levels",
        [
            Key("sku", ShopFieldType.Text), Key("warehouse", ShopFieldType.Text), Decimal("quantity"),
            Decimal("reserved"), Decimal("reorder_point"), Timestamp("updated_at")
        ]);

    /// <summary>An image, document or video of a product, with what the last check of it found.</summary>
    public static readonly ShopEntity Media = new("media", "media",
        [
            Key("id", ShopFieldType.Text), Text("sku"), Text("url"), Text("kind"), Text("alt_text"),
            Integer("position"), Integer("width"), Integer("height"), Integer("bytes"), Text("content_type"),
            Timestamp("checked_at"), Text("status")
        ]);

    /// <summary>An order of an account; amounts exclude VAT unless named incl_vat, in the order's currency.</summary>
    public static readonly ShopEntity Order = new("order", "orders",
        [
            Key("id", ShopFieldType.Text), Text("account_id"), Text("contact_id"), Text("channel"),
            Timestamp("placed_at"), Text("status"), Text("currency"), Decimal("total_excl_vat"),
            Decimal("total_incl_vat"), Decimal("discount"), Decimal("shipping_charged"), Text("payment_method"),
            Text("country"), Synthetic()
        ]);

    /// <summary>A line of an order, with the unit cost captured when it was sold.</summary>
    public static readonly ShopEntity OrderLine = new("order_line", "order_lines",
        [
            Key("order_id", ShopFieldType.Text), Key("line_no", ShopFieldType.Integer), Text("sku"),
            Decimal("quantity"), Decimal("list_price"), Decimal("net_price"), Decimal("unit_cost"), Decimal("amount")
        ]);

    /// <summary>A visit to the shop, with the furthest funnel step it reached (none, product, cart, checkout, payment, order).</summary>
    public static readonly ShopEntity Session = new("session", "sessions",
        [
            Key("id", ShopFieldType.Text), Text("visitor_id"), Text("account_id"), Timestamp("started_at"),
            Text("device"), Text("channel"), Text("landing_page"), Text("country"), Integer("pages"),
            Text("furthest_step"), Synthetic()
        ]);

    /// <summary>One attempt to pay an order (or a checkout session): authorised, refused or error.</summary>
    public static readonly ShopEntity PaymentAttempt = new("payment_attempt", "payment_attempts",
        [
            Key("id", ShopFieldType.Text), Text("order_id"), Text("session_id"), Timestamp("attempted_at"),
            Text("method"), Text("provider"), Text("status"), Text("error_code"), Decimal("amount"), Decimal("fee"),
            Text("currency")
        ]);

    /// <summary>A parcel of an order: carrier, dates, promised delay and cost.</summary>
    public static readonly ShopEntity Shipment = new("shipment", "shipments",
        [
            Key("id", ShopFieldType.Text), Text("order_id"), Text("carrier"), Timestamp("shipped_at"),
            Timestamp("delivered_at"), Integer("promised_days"), Decimal("cost"), Decimal("fee_charged")
        ]);

    /// <summary>Goods sent back: a quantity of an order line, why, and what was refunded.</summary>
    public static readonly ShopEntity Return = new("return", "returns",
        [
            Key("id", ShopFieldType.Text), Text("order_id"), Integer("line_no"), Text("sku"), Decimal("quantity"),
            Text("reason"), Text("supplier"), Decimal("refund_amount"), Timestamp("returned_at")
        ]);

    /// <summary>Marketing spend of one channel on one day.</summary>
    public static readonly ShopEntity MarketingSpend = new("marketing_spend", "marketing_spend",
        [
            Key("day", ShopFieldType.Date), Key("channel", ShopFieldType.Text), Decimal("amount"), Text("currency")
        ]);

    /// <summary>A customer-service ticket.</summary>
    public static readonly ShopEntity SupportTicket = new("support_ticket", "support_tickets",
        [
            Key("id", ShopFieldType.Text), Text("account_id"), Text("order_id"), Timestamp("created_at"),
            Timestamp("resolved_at"), Text("category"), Text("channel")
        ]);

    /// <summary>An NPS answer (score 0-10) or a product review (score 1-5).</summary>
    public static readonly ShopEntity Review = new("review", "reviews",
        [
            Key("id", ShopFieldType.Text), Text("kind"), Text("account_id"), Text("contact_id"), Text("sku"),
            Integer("score"), Text("comment"), Timestamp("answered_at")
        ]);

    /// <summary>A KPI's target for a segment and period, with who owns it and by when.</summary>
    public static readonly ShopEntity KpiTarget = new("kpi_target", "kpi_targets",
        [
            Key("kpi", ShopFieldType.Text), Key("segment", ShopFieldType.Text), Key("period", ShopFieldType.Text),
            Decimal("target"), Date("deadline"), Text("owner")
        ]);
    /// <summary>Every entity, in the order a full import writes them (parents before children, for readability only:
    /// there are no foreign keys).</summary>
    public static IReadOnlyList<ShopEntity> Entities { get; } =
    [
        Account, Contact, Address, Product, ProductTranslation, TierPrice, Stock, Media, Order, OrderLine, Session,
        PaymentAttempt, Shipment, Return, MarketingSpend, SupportTicket, Review, KpiTarget,
    ];

    private static readonly Dictionary<string, ShopEntity> ByName = Entities.ToDictionary(e => e.Name, StringComparer.Ordinal);

    /// <summary>The entity of that name (<c>order_line</c>), or null.</summary>
    public static ShopEntity? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The entity names, for error messages that list what is known.</summary>
    public static string KnownNames => string.Join(", ", Entities.Select(e => e.Name));

    private static ShopField Key(string name, ShopFieldType type) => new(name, type, IsKey: true);
    private static ShopField Text(string name) => new(name, ShopFieldType.Text);
    private static ShopField Integer(string name) => new(name, ShopFieldType.Integer);
    private static ShopField Decimal(string name) => new(name, ShopFieldType.Decimal);
    private static ShopField Timestamp(string name) => new(name, ShopFieldType.Timestamp);
    private static ShopField Date(string name) => new(name, ShopFieldType.Date);
    private static ShopField Boolean(string name) => new(name, ShopFieldType.Boolean);

    /// <summary>Marks the orders and sessions our own probes made, which every KPI leaves out.</summary>
    private static ShopField Synthetic() => new("is_synthetic", ShopFieldType.Boolean, Default: false);
}
