using Monitoring.Shop.Import;
using Monitoring.Shop.Model;

namespace Monitoring.Shop.Demo;

/// <summary>
/// Generates a realistic B2B shop's history: accounts, contacts, catalogue, orders, visits, payments, shipments,
/// returns, spend, tickets, reviews and targets, with known defects at documented rates (<see cref="DemoDefects"/>).
/// The same options always produce exactly the same rows, in the same batches.
/// </summary>
public sealed class DemoDataGenerator
{
    /// <summary>
    /// Writes every row to <paramref name="sink"/> in batches of at most <see cref="DemoDataOptions.BatchSize"/> rows,
    /// one entity per batch, and returns the exact row and defect counts.
    /// </summary>
    public async Task<DemoDataReport> GenerateAsync(DemoDataOptions options, Func<EntityBatch, CancellationToken, Task> sink,
        CancellationToken ct)
    {
        options.Validate();
        var calendar = new DemoCalendar(options.Start, options.End);
        var writer = new DemoBatchWriter(options.BatchSize, sink);
        var catalog = DemoCatalog.Build(options);
        var defects = new Dictionary<string, long>(catalog.Defects);

        var accounts = DemoAccounts.Build(options, calendar, catalog, defects);
        var (contacts, addresses) = DemoContacts.Build(options, calendar, accounts, defects);
        DemoReferenceRows.Accounts(accounts, writer);
        writer.AddRange(ShopModel.Contact, contacts);
        writer.AddRange(ShopModel.Address, addresses);
        await writer.FlushFullAsync(ct);
        DemoReferenceRows.Catalog(catalog, writer);
        DemoReferenceRows.KeyAccountTiers(accounts, catalog, writer);
        await writer.FlushFullAsync(ct);

        var payments = new DemoPayments(options, calendar, writer);
        var feedback = new DemoFeedback(options, calendar, catalog, writer);
        var orders = new DemoOrders(options, calendar, catalog, accounts, writer, payments, new DemoFulfilment(options, calendar, writer, feedback));
        var sessions = new DemoSessions(options, calendar, catalog, accounts, writer, payments);
        for (var d = 0; d < calendar.Days; d++)
        {
            var day = calendar.Day(d);
            sessions.Day(day, orders.PlaceDay(day));
            await writer.FlushFullAsync(ct);
        }
        defects[DemoDefects.OrphanOrderLine] = orders.Orphans;

        feedback.AccountsOverHistory(accounts);
        DemoMarketing.Spend(options, calendar, writer);
        DemoMarketing.Targets(calendar, writer);
        await writer.FlushAllAsync(ct);

        return new DemoDataReport(
            new Dictionary<string, long>(writer.Rows),
            DemoDefects.All.ToDictionary(k => k, k => defects.GetValueOrDefault(k)),
            options.Start, options.End);
    }

    /// <summary>The catalogue alone (products with their tiers, stock, media and translations), as the history has it.</summary>
    public static DemoCatalog Catalog(DemoDataOptions options) => DemoCatalog.Build(options);
}
