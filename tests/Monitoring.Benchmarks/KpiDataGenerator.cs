using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Monitoring.Benchmarks;

/// <summary>
/// Fills a migrated PostgreSQL database with a synthetic shop for the KPI benchmark through binary COPY: accounts,
/// products in twelve top-level categories, orders of five lines spread evenly over the days (3 % cancelled, four
/// sales channels), and sessions (about 30 % signed in, five countries, a funnel that thins out). Deterministic (fixed
/// seed). Every row's changed_at is the day before the run, so the incremental run only sees what it is shown.
/// </summary>
public sealed class KpiDataGenerator(KpiBenchmarkOptions options, DateTimeOffset firstDayUtc, DateTimeOffset changedAt)
{
    public const int LinesPerOrder = 5;

    private static readonly string[] Segments = ["distributor", "sme", "large_company", "public_sector", "reseller"];
    private static readonly string[] Countries = ["FR", "DE", "BE", "ES", "IT"];
    private static readonly string[] AcquisitionChannels = ["direct", "organic", "paid_search", "email", "referral"];
    private static readonly string[] SalesChannels = ["web", "web", "web", "phone", "erp_direct", "punchout"];
    private static readonly string[] Steps = ["none", "none", "product", "product", "product", "cart", "cart", "checkout", "payment", "order"];

    private readonly Random random = new(20261123);

    public async Task FillAsync(NpgsqlConnection connection)
    {
        var clock = Stopwatch.StartNew();
        await CopyAsync(connection, "accounts (id, segment, country, acquisition_channel, opened_at, changed_at)", options.Accounts, (w, i) =>
        {
            w.Write($"A{i:D7}", NpgsqlDbType.Text);
            w.Write(Segments[i % Segments.Length], NpgsqlDbType.Text);
            w.Write(Countries[i % Countries.Length], NpgsqlDbType.Text);
            w.Write(AcquisitionChannels[i / 7 % AcquisitionChannels.Length], NpgsqlDbType.Text);
            w.Write(firstDayUtc.AddDays(-1500 + random.Next(1500 + options.Days)).UtcDateTime, NpgsqlDbType.TimestampTz);
            w.Write(changedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
        }, clock);
        await CopyAsync(connection, "products (sku, category_path, status, unit_cost, changed_at)", options.Products, (w, i) =>
        {
            w.Write($"P{i:D7}", NpgsqlDbType.Text);
            w.Write($"Category {i % 12:D2} > Family {i % 97:D2} > Leaf {i % 997:D3}", NpgsqlDbType.Text);
            w.Write(i % 10 == 9 ? "discontinued" : "active", NpgsqlDbType.Text);
            w.Write(Math.Round(2m + i % 500 * 0.37m, 2), NpgsqlDbType.Numeric);
            w.Write(changedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
        }, clock);
        var orders = options.OrderLines / LinesPerOrder;
        var span = TimeSpan.FromDays(options.Days);
        DateTime PlacedAt(long i, long count) => (firstDayUtc + span * ((i + 0.5) / count)).UtcDateTime;
        await CopyAsync(connection, "orders (id, account_id, channel, placed_at, status, discount, shipping_charged, country, changed_at)", orders, (w, i) =>
        {
            var account = random.Next(options.Accounts);
            w.Write($"O{i:D9}", NpgsqlDbType.Text);
            w.Write($"A{account:D7}", NpgsqlDbType.Text);
            w.Write(SalesChannels[random.Next(SalesChannels.Length)], NpgsqlDbType.Text);
            w.Write(PlacedAt(i, orders), NpgsqlDbType.TimestampTz);
            w.Write(random.Next(100) < 3 ? "cancelled" : "delivered", NpgsqlDbType.Text);
            w.Write(random.Next(4) == 0 ? 5m : 0m, NpgsqlDbType.Numeric);
            w.Write(random.Next(3) == 0 ? 0m : 12.5m, NpgsqlDbType.Numeric);
            w.Write(Countries[account % Countries.Length], NpgsqlDbType.Text);
            w.Write(changedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
        }, clock);
        await CopyAsync(connection, "order_lines (order_id, line_no, sku, quantity, amount, unit_cost, changed_at)", (long)orders * LinesPerOrder, (w, i) =>
        {
            var quantity = 1 + random.Next(12);
            var cost = Math.Round(2m + random.Next(500) * 0.37m, 2);
            w.Write($"O{i / LinesPerOrder:D9}", NpgsqlDbType.Text);
            w.Write(i % LinesPerOrder + 1, NpgsqlDbType.Bigint);
            w.Write($"P{random.Next(options.Products):D7}", NpgsqlDbType.Text);
            w.Write((decimal)quantity, NpgsqlDbType.Numeric);
            w.Write(quantity * Math.Round(cost * 1.35m, 2), NpgsqlDbType.Numeric);
            w.Write(cost, NpgsqlDbType.Numeric);
            w.Write(changedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
        }, clock);
        var visitors = Math.Max(options.Sessions / 8, 1);
        await CopyAsync(connection, "sessions (id, visitor_id, account_id, started_at, channel, country, pages, furthest_step, changed_at)", options.Sessions, (w, i) =>
        {
            var visitor = random.Next(visitors);
            w.Write($"S{i:D10}", NpgsqlDbType.Text);
            w.Write($"V{visitor:D9}", NpgsqlDbType.Text);
            if (visitor % 10 < 3) w.Write($"A{visitor % options.Accounts:D7}", NpgsqlDbType.Text); else w.WriteNull();
            w.Write(PlacedAt(i, options.Sessions), NpgsqlDbType.TimestampTz);
            w.Write(AcquisitionChannels[random.Next(AcquisitionChannels.Length)], NpgsqlDbType.Text);
            w.Write(Countries[visitor % Countries.Length], NpgsqlDbType.Text);
            w.Write((long)(1 + random.Next(15)), NpgsqlDbType.Bigint);
            w.Write(Steps[random.Next(Steps.Length)], NpgsqlDbType.Text);
            w.Write(changedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
        }, clock);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string table, long rows, Action<NpgsqlBinaryImporter, long> row, Stopwatch clock)
    {
        var name = table[..table.IndexOf(' ')];
        await using (var writer = await connection.BeginBinaryImportAsync($"COPY {table} FROM STDIN (FORMAT BINARY)"))
        {
            var step = Math.Max(rows / 10, 1);
            for (long i = 0; i < rows; i++)
            {
                writer.StartRow();
                row(writer, i);
                if ((i + 1) % step == 0 && rows >= 100_000)
                    Console.Error.WriteLine($"  {name}: {i + 1:N0} of {rows:N0} rows ({clock.Elapsed.TotalSeconds:0} s)");
            }
            await writer.CompleteAsync();
        }
        Console.Error.WriteLine($"generated {rows:N0} {name} ({clock.Elapsed.TotalSeconds:0} s)");
    }
}
