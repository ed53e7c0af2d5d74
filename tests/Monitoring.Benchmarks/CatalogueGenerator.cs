using System.Diagnostics;
using Monitoring.Quality.Validators;
using Npgsql;
using NpgsqlTypes;

namespace Monitoring.Benchmarks;

/// <summary>
/// Writes a B2B catalogue into the canonical tables of a migrated PostgreSQL database with binary COPY: products with
/// translations (en, de, most fr), tier prices (every product in the <c>pro</c> list, a third also in
/// <c>wholesale</c>), stock in two or three warehouses, 1–4 images and sometimes a PDF, and 90 days of orders whose
/// lines give the products their revenue. About one product in nine gets one defect of the kinds
/// <see cref="QualityBenchmarkRules"/> checks, and a few media are orphans, so that a scan has findings to upsert.
/// Deterministic: the same count gives the same rows.
/// </summary>
public sealed class CatalogueGenerator(int products, DateTimeOffset now)
{
    /// <summary>The share of products that get one defect.</summary>
    public const double DefectShare = 0.11;

    private static readonly string[] Brands = Enumerable.Range(1, 200).Select(i => $"Brand{i:D3}").ToArray();
    private static readonly string[] Suppliers = Enumerable.Range(1, 40).Select(i => $"SUP-{i:D2}").ToArray();
    private static readonly string[] Categories =
    [
        "outillage/perceuses", "outillage/scies", "outillage/meuleuses", "outillage/mesure", "quincaillerie/vis",
        "quincaillerie/chevilles", "quincaillerie/serrures", "electricite/cables", "electricite/eclairage",
        "plomberie/raccords", "plomberie/robinets", "epi/gants", "epi/casques", "jardin/arrosage", "peinture/rouleaux",
    ];
    private static readonly string[] Nouns = ["drill", "saw", "grinder", "screw set", "anchor", "cable", "lamp", "valve", "glove", "helmet", "hose", "roller"];
    private static readonly string[] Adjectives = ["Cordless", "Heavy-duty", "Compact", "Professional", "Stainless", "Insulated", "Reinforced", "Precision"];
    private static readonly string[] Words =
        "robust durable steel housing ergonomic grip for daily use on building sites and in workshops with low vibration high torque".Split(' ');

    /// <summary>What was written, by table.</summary>
    public Dictionary<string, long> Rows { get; } = new(StringComparer.Ordinal);

    /// <summary>How many products got a defect on purpose (a media or tier defect included).</summary>
    public int DefectiveProducts { get; private set; }

    public static string Sku(int i) => $"PR-{i:D7}";

    public async Task WriteAsync(string connectionString, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var random = new Random(20261123);
        var changedAt = now.UtcDateTime;

        var plans = new ProductPlan[products];
        for (var i = 0; i < products; i++) plans[i] = Plan(i, random);
        DefectiveProducts = plans.Count(p => p.Defect != Defect.None);

        await CopyAsync(connection, "products (sku, name, description, brand, category_path, gtin, status, list_price, unit_cost, currency, weight_kg, length_cm, width_cm, height_cm, min_order_qty, order_multiple, supplier, created_at, updated_at, changed_at)",
            "products", plans, (w, p) => WriteProduct(w, p, plans, changedAt), clock, cancellationToken);
        await CopyAsync(connection, "product_translations (sku, locale, name, description, changed_at)", "product_translations", plans,
            (w, p) => WriteTranslations(w, p, changedAt), clock, cancellationToken);
        await CopyAsync(connection, "tier_prices (sku, price_list, min_qty, unit_price, currency, changed_at)", "tier_prices", plans,
            (w, p) => WriteTiers(w, p, changedAt), clock, cancellationToken);
        await CopyAsync(connection, "stock_levels (sku, warehouse, quantity, reserved, reorder_point, updated_at, changed_at)", "stock_levels", plans,
            (w, p) => WriteStock(w, p, changedAt), clock, cancellationToken);
        await CopyAsync(connection, "media (id, sku, url, kind, alt_text, position, width, height, bytes, content_type, checked_at, status, changed_at)", "media", plans,
            (w, p) => WriteMedia(w, p, plans, changedAt), clock, cancellationToken);
        await WriteOrdersAsync(connection, random, changedAt, clock, cancellationToken);
        await using (var analyze = new NpgsqlCommand("ANALYZE", connection)) await analyze.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<NpgsqlBinaryImporter> Begin(NpgsqlConnection connection, string table) =>
        await connection.BeginBinaryImportAsync($"COPY {table} FROM STDIN (FORMAT binary)");

    private async Task CopyAsync(NpgsqlConnection connection, string table, string name, ProductPlan[] plans,
        Func<NpgsqlBinaryImporter, ProductPlan, int> write, Stopwatch clock, CancellationToken cancellationToken)
    {
        long rows = 0;
        await using (var importer = await Begin(connection, table))
        {
            for (var i = 0; i < plans.Length; i++)
            {
                rows += write(importer, plans[i]);
                if ((i + 1) % 250_000 == 0)
                    Console.Error.WriteLine($"  {name}: {i + 1:N0} of {plans.Length:N0} products, {rows:N0} rows, {clock.Elapsed.TotalSeconds:0} s");
            }
            await importer.CompleteAsync(cancellationToken);
        }
        Rows[name] = rows;
        Console.Error.WriteLine($"  {name}: {rows:N0} rows written, {clock.Elapsed.TotalSeconds:0} s");
    }

    private enum Defect
    {
        None, MissingName, ShortDescription, BadGtin, DuplicateGtin, UnderMargin, ZeroWeight, RisingTier, TierUnderMoq,
        MissingTranslation, NoImage, LowResolution, NoAltText, SharedImage, Stale, BadCurrency, BadStatus, UnknownSupplier,
    }

    private sealed record ProductPlan(
        int Index, string Sku, string Name, string Description, string Brand, string Category, string Gtin, string Status,
        decimal ListPrice, decimal UnitCost, long Moq, string Supplier, DateTime CreatedAt, DateTime UpdatedAt,
        int Images, bool Document, bool French, bool Wholesale, int Warehouses, Defect Defect);

    private ProductPlan Plan(int i, Random random)
    {
        var defect = random.NextDouble() < DefectShare ? (Defect)random.Next(1, Enum.GetValues<Defect>().Length) : Defect.None;
        var noun = Nouns[random.Next(Nouns.Length)];
        var name = $"{Adjectives[random.Next(Adjectives.Length)]} {noun} {i % 997}";
        var words = Enumerable.Range(0, 20 + random.Next(30)).Select(_ => Words[random.Next(Words.Length)]);
        var text = $"{name}: {string.Join(' ', words)}.";
        // A third of descriptions carry the HTML a PIM exports.
        var description = random.Next(3) == 0 ? $"<p>{text}</p><ul><li>{noun}</li><li>{Brands[i % Brands.Length]}</li></ul>" : text;
        var price = Math.Round(5 + (decimal)random.NextDouble() * 1995, 2);
        var cost = Math.Round(price * (0.45m + (decimal)random.NextDouble() * 0.35m), 2);
        var created = now.UtcDateTime.AddDays(-30 - random.Next(1500));
        var updated = now.UtcDateTime.AddDays(-random.Next(300)).AddMinutes(-random.Next(1440));
        if (updated < created) updated = created;
        var status = random.NextDouble() switch { < 0.90 => "active", < 0.96 => "inactive", < 0.99 => "discontinued", _ => "draft" };
        return new ProductPlan(i, Sku(i), name, description, Brands[random.Next(Brands.Length)], Categories[random.Next(Categories.Length)],
            Gtin(i), status, price, cost, random.NextDouble() < 0.7 ? 1 : 5 * random.Next(1, 3), Suppliers[random.Next(Suppliers.Length)],
            created, updated, 1 + random.Next(4), random.NextDouble() < 0.1, random.NextDouble() < 0.9, random.NextDouble() < 0.33,
            2 + random.Next(2), defect);
    }

    /// <summary>A valid, distinct GTIN-13 in the German 400–440 range.</summary>
    private static string Gtin(int i)
    {
        var payload = $"40{i:D10}";
        return payload + GtinValidator.CheckDigit(payload);
    }

    private int WriteProduct(NpgsqlBinaryImporter w, ProductPlan p, ProductPlan[] plans, DateTime changedAt)
    {
        var gtin = p.Defect switch
        {
            Defect.BadGtin => p.Gtin[..^1] + (char)('0' + (p.Gtin[^1] - '0' + 1) % 10),
            Defect.DuplicateGtin when p.Index > 0 => plans[p.Index - 1].Gtin,
            _ => p.Gtin,
        };
        w.StartRow();
        w.Write(p.Sku, NpgsqlDbType.Text);
        Text(w, p.Defect == Defect.MissingName ? null : p.Name);
        w.Write(p.Defect == Defect.ShortDescription ? "See catalogue." : p.Description, NpgsqlDbType.Text);
        w.Write(p.Brand, NpgsqlDbType.Text);
        w.Write(p.Category, NpgsqlDbType.Text);
        w.Write(gtin, NpgsqlDbType.Text);
        w.Write(p.Defect == Defect.BadStatus ? "actif" : p.Status, NpgsqlDbType.Text);
        w.Write(p.ListPrice, NpgsqlDbType.Numeric);
        w.Write(p.Defect == Defect.UnderMargin ? Math.Round(p.ListPrice * 0.97m, 2) : p.UnitCost, NpgsqlDbType.Numeric);
        w.Write(p.Defect == Defect.BadCurrency ? "EURO" : "EUR", NpgsqlDbType.Text);
        w.Write(p.Defect == Defect.ZeroWeight ? 0m : 0.1m + p.Index % 500 / 10m, NpgsqlDbType.Numeric);
        w.Write(10m + p.Index % 90, NpgsqlDbType.Numeric);
        w.Write(5m + p.Index % 40, NpgsqlDbType.Numeric);
        w.Write(2m + p.Index % 30, NpgsqlDbType.Numeric);
        w.Write(p.Moq, NpgsqlDbType.Bigint);
        w.Write(1L, NpgsqlDbType.Bigint);
        w.Write(p.Defect == Defect.UnknownSupplier ? "SUP-99" : p.Supplier, NpgsqlDbType.Text);
        w.Write(p.CreatedAt, NpgsqlDbType.TimestampTz);
        w.Write(p.Defect == Defect.Stale ? now.UtcDateTime.AddDays(-400 - p.Index % 300) : p.UpdatedAt, NpgsqlDbType.TimestampTz);
        w.Write(changedAt, NpgsqlDbType.TimestampTz);
        return 1;
    }

    private static int WriteTranslations(NpgsqlBinaryImporter w, ProductPlan p, DateTime changedAt)
    {
        var locales = p.French ? new[] { "en", "de", "fr" } : ["en", "de"];
        foreach (var locale in locales)
        {
            w.StartRow();
            w.Write(p.Sku, NpgsqlDbType.Text);
            w.Write(locale, NpgsqlDbType.Text);
            w.Write($"{p.Name} ({locale})", NpgsqlDbType.Text);
            Text(w, p.Defect == Defect.MissingTranslation && locale == "de" ? null : $"{p.Description} [{locale}]");
            w.Write(changedAt, NpgsqlDbType.TimestampTz);
        }
        return locales.Length;
    }

    private static int WriteTiers(NpgsqlBinaryImporter w, ProductPlan p, DateTime changedAt)
    {
        var rows = 0;
        void Tier(string list, long min, decimal price)
        {
            w.StartRow();
            w.Write(p.Sku, NpgsqlDbType.Text);
            w.Write(list, NpgsqlDbType.Text);
            w.Write(min, NpgsqlDbType.Bigint);
            w.Write(Math.Round(price, 2), NpgsqlDbType.Numeric);
            w.Write("EUR", NpgsqlDbType.Text);
            w.Write(changedAt, NpgsqlDbType.TimestampTz);
            rows++;
        }
        var first = p.Defect == Defect.TierUnderMoq && p.Moq > 1 ? 1 : p.Moq;
        Tier("pro", first, p.ListPrice * 0.95m);
        Tier("pro", p.Moq * 10, p.ListPrice * (p.Defect == Defect.RisingTier ? 0.97m : 0.90m));
        Tier("pro", p.Moq * 50, p.ListPrice * 0.85m);
        if (p.Wholesale)
        {
            Tier("wholesale", p.Moq * 100, p.ListPrice * 0.80m);
            Tier("wholesale", p.Moq * 500, p.ListPrice * 0.75m);
        }
        return rows;
    }

    private int WriteStock(NpgsqlBinaryImporter w, ProductPlan p, DateTime changedAt)
    {
        for (var i = 0; i < p.Warehouses; i++)
        {
            w.StartRow();
            w.Write(p.Sku, NpgsqlDbType.Text);
            w.Write($"WH-{i + 1}", NpgsqlDbType.Text);
            w.Write((decimal)(p.Index * 7 % 500), NpgsqlDbType.Numeric);
            w.Write((decimal)(p.Index % 13), NpgsqlDbType.Numeric);
            w.Write(20m, NpgsqlDbType.Numeric);
            w.Write(now.UtcDateTime.AddHours(-(p.Index % 48)), NpgsqlDbType.TimestampTz);
            w.Write(changedAt, NpgsqlDbType.TimestampTz);
        }
        return p.Warehouses;
    }

    private int WriteMedia(NpgsqlBinaryImporter w, ProductPlan p, ProductPlan[] plans, DateTime changedAt)
    {
        var rows = 0;
        void Media(string id, string sku, string url, string kind, string? alt, int position, long width, long height, long bytes, string type)
        {
            w.StartRow();
            w.Write(id, NpgsqlDbType.Text);
            w.Write(sku, NpgsqlDbType.Text);
            w.Write(url, NpgsqlDbType.Text);
            w.Write(kind, NpgsqlDbType.Text);
            Text(w, alt);
            w.Write((long)position, NpgsqlDbType.Bigint);
            w.Write(width, NpgsqlDbType.Bigint);
            w.Write(height, NpgsqlDbType.Bigint);
            w.Write(bytes, NpgsqlDbType.Bigint);
            w.Write(type, NpgsqlDbType.Text);
            w.Write(now.UtcDateTime.AddDays(-(p.Index % 30)), NpgsqlDbType.TimestampTz);
            w.Write("ok", NpgsqlDbType.Text);
            w.Write(changedAt, NpgsqlDbType.TimestampTz);
            rows++;
        }
        var images = p.Defect == Defect.NoImage ? 0 : p.Images;
        for (var n = 1; n <= images; n++)
        {
            var url = p.Defect == Defect.SharedImage && n == 1 && p.Index > 0
                ? $"https://media.example.com/p/{plans[p.Index - 1].Sku}/1.jpg"
                : $"https://media.example.com/p/{p.Sku}/{n}.jpg";
            var small = p.Defect == Defect.LowResolution && n == 1;
            Media($"{p.Sku}-{n}", p.Sku, url, "image", p.Defect == Defect.NoAltText && n == 1 ? null : $"{p.Name}, view {n}", n,
                small ? 640 : 1600 + p.Index % 800, small ? 480 : 1200 + p.Index % 600, 80_000 + p.Index % 900_000, "image/jpeg");
        }
        if (p.Document)
            Media($"{p.Sku}-pdf", p.Sku, $"https://media.example.com/p/{p.Sku}/datasheet.pdf", "document", null, images + 1,
                0, 0, 250_000, "application/pdf");
        // One product in 500 leaves an image behind from a product that no longer exists.
        if (p.Index % 500 == 499)
            Media($"{p.Sku}-orphan", $"PR-X{p.Index:D7}", $"https://media.example.com/old/{p.Sku}.jpg", "image", "Old product photo", 1,
                1600, 1200, 120_000, "image/jpeg");
        return rows;
    }

    /// <summary>90 days of orders, a sixth as many as products, with three lines each on products chosen with a skew
    /// (a few sell most), so that priorities differ; 3 % are cancelled and do not count.</summary>
    private async Task WriteOrdersAsync(NpgsqlConnection connection, Random random, DateTime changedAt, Stopwatch clock, CancellationToken cancellationToken)
    {
        var orders = Math.Max(1, products / 6);
        await using (var importer = await Begin(connection, "orders (id, account_id, placed_at, status, currency, total_excl_vat, is_synthetic, changed_at)"))
        {
            for (var i = 0; i < orders; i++)
            {
                importer.StartRow();
                importer.Write($"OR-{i:D8}", NpgsqlDbType.Text);
                importer.Write($"AC-{i % 5000:D5}", NpgsqlDbType.Text);
                importer.Write(now.UtcDateTime.AddMinutes(-random.Next(89 * 24 * 60)), NpgsqlDbType.TimestampTz);
                importer.Write(random.NextDouble() < 0.03 ? "cancelled" : "placed", NpgsqlDbType.Text);
                importer.Write("EUR", NpgsqlDbType.Text);
                importer.Write(0m, NpgsqlDbType.Numeric);
                importer.Write(false, NpgsqlDbType.Boolean);
                importer.Write(changedAt, NpgsqlDbType.TimestampTz);
            }
            await importer.CompleteAsync(cancellationToken);
        }
        Rows["orders"] = orders;
        await using (var importer = await Begin(connection, "order_lines (order_id, line_no, sku, quantity, amount, changed_at)"))
        {
            for (var i = 0; i < orders; i++)
            for (var line = 1; line <= 3; line++)
            {
                var product = (int)(products * Math.Pow(random.NextDouble(), 3));
                importer.StartRow();
                importer.Write($"OR-{i:D8}", NpgsqlDbType.Text);
                importer.Write((long)line, NpgsqlDbType.Bigint);
                importer.Write(Sku(product), NpgsqlDbType.Text);
                importer.Write((decimal)(1 + random.Next(20)), NpgsqlDbType.Numeric);
                importer.Write(Math.Round(10 + (decimal)random.NextDouble() * 990, 2), NpgsqlDbType.Numeric);
                importer.Write(changedAt, NpgsqlDbType.TimestampTz);
            }
            await importer.CompleteAsync(cancellationToken);
        }
        Rows["order_lines"] = orders * 3L;
        Console.Error.WriteLine($"  orders: {orders:N0} orders, {orders * 3L:N0} lines written, {clock.Elapsed.TotalSeconds:0} s");
    }

    private static void Text(NpgsqlBinaryImporter w, string? value)
    {
        if (value is null) w.WriteNull();
        else w.Write(value, NpgsqlDbType.Text);
    }
}
