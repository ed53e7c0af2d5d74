using Dapper;
using Monitoring.IntegrationTests.Storage;
using Monitoring.Shop.Import;
using Monitoring.Shop.Model;

namespace Monitoring.IntegrationTests.Shop;

/// <summary>
/// What the shop writer of every backend must do, against a real database: upsert by natural key, write only the
/// mapped fields, change nothing when the same data comes twice, and hold every field of the model.
/// </summary>
public abstract class ShopWriterConformance(ITestBackend backend) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private Backend? _backend;

    protected Backend Current => _backend ?? throw new InvalidOperationException("The test database is not open");

    private IShopWriter Writer => ShopBackend.Writer(Current, TimeProvider.System);

    public async Task InitializeAsync()
    {
        _backend = backend.Open(await backend.CreateDatabaseAsync());
        await Current.Migrator.MigrateAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => backend.DisposeAsync().AsTask();

    [Fact]
    public async Task Holds_a_record_of_every_entity_with_every_field_filled()
    {
        foreach (var entity in ShopModel.Entities)
        {
            var batch = new EntityBatch(EntityTarget.AllFields(entity));
            batch.Add(entity.Fields.Select(Sample).ToArray());
            var counts = await Writer.WriteAsync(batch, CancellationToken.None);
            Assert.True(counts == new WriteCounts(1, 0, 0), $"{entity.Name}: {counts}");
            Assert.Equal(1, await CountAsync(entity.Table));
        }
    }

    [Fact]
    public async Task Writing_the_same_records_twice_changes_nothing()
    {
        var first = await Writer.WriteAsync(Accounts(("a1", "Acme", "FR"), ("a2", "Bolt", "BE")), CancellationToken.None);
        var second = await Writer.WriteAsync(Accounts(("a1", "Acme", "FR"), ("a2", "Bolt", "BE")), CancellationToken.None);

        Assert.Equal(new WriteCounts(2, 0, 0), first);
        Assert.Equal(new WriteCounts(0, 0, 2), second);
        Assert.Equal(2, await ScalarAsync("SELECT sum(revision) FROM accounts"));
    }

    [Fact]
    public async Task Updates_a_record_whose_mapped_field_changed_and_counts_its_revision()
    {
        await Writer.WriteAsync(Accounts(("a1", "Acme", "FR"), ("a2", "Bolt", "BE")), CancellationToken.None);

        var counts = await Writer.WriteAsync(Accounts(("a1", "Acme SAS", "FR"), ("a2", "Bolt", "BE")), CancellationToken.None);

        Assert.Equal(new WriteCounts(0, 1, 1), counts);
        Assert.Equal("Acme SAS", await TextAsync("SELECT name FROM accounts WHERE id = 'a1'"));
        Assert.Equal(2, await ScalarAsync("SELECT revision FROM accounts WHERE id = 'a1'"));
    }

    [Fact]
    public async Task Writes_only_the_fields_a_source_maps()
    {
        await Writer.WriteAsync(Accounts(("a1", "Acme", "FR")), CancellationToken.None);
        var countryOnly = new EntityBatch(new EntityTarget(ShopModel.Account, [ShopModel.Account.Find("id")!, ShopModel.Account.Find("country")!]));
        countryOnly.Add(["a1", "DE"]);

        var counts = await Writer.WriteAsync(countryOnly, CancellationToken.None);

        Assert.Equal(new WriteCounts(0, 1, 0), counts);
        Assert.Equal("Acme", await TextAsync("SELECT name FROM accounts WHERE id = 'a1'"));
        Assert.Equal("DE", await TextAsync("SELECT country FROM accounts WHERE id = 'a1'"));
    }

    [Fact]
    public async Task Keeps_the_last_of_several_records_with_the_same_key_in_one_batch()
    {
        var counts = await Writer.WriteAsync(Accounts(("a1", "First", "FR"), ("a1", "Second", "FR"), ("a2", "Bolt", "BE")), CancellationToken.None);

        Assert.Equal(new WriteCounts(2, 0, 1), counts);
        Assert.Equal("Second", await TextAsync("SELECT name FROM accounts WHERE id = 'a1'"));
    }

    [Fact]
    public async Task Reads_back_amounts_times_and_flags_as_written()
    {
        var fields = new[] { "id", "placed_at", "total_excl_vat", "is_synthetic" }.Select(n => ShopModel.Order.Find(n)!).ToArray();
        var batch = new EntityBatch(new EntityTarget(ShopModel.Order, fields));
        batch.Add(["o1", T0.AddMilliseconds(123), 1234.56m, null]);
        batch.Add(["o2", T0, 0.1m, true]);
        await Writer.WriteAsync(batch, CancellationToken.None);

        await using var connection = await Current.Database.OpenAsync(CancellationToken.None);
        var rows = (await connection.QueryAsync("SELECT id, placed_at, total_excl_vat, is_synthetic FROM orders ORDER BY id")).ToList();
        var dialect = Current.Database.Dialect;
        Assert.Equal(T0.AddMilliseconds(123), dialect.ReadTimestamp((object)rows[0].placed_at));
        Assert.Equal(1234.56m, Convert.ToDecimal((object)rows[0].total_excl_vat));
        Assert.False(Convert.ToBoolean((object)rows[0].is_synthetic), "a missing synthetic flag is written as false");
        Assert.True(Convert.ToBoolean((object)rows[1].is_synthetic));
        Assert.Equal(0.1m, Convert.ToDecimal((object)rows[1].total_excl_vat));

        // Equal values read back from the store compare equal on the next import: nothing changes.
        var again = new EntityBatch(batch.Target);
        again.Add(["o1", T0.AddMilliseconds(123), 1234.56m, false]);
        Assert.Equal(new WriteCounts(0, 0, 1), await Writer.WriteAsync(again, CancellationToken.None));
    }

    [Fact]
    public async Task Upserts_a_batch_whose_first_middle_and_last_keys_are_new_but_another_is_stored()
    {
        await Writer.WriteAsync(Accounts(("a2", "Bolt", "BE")), CancellationToken.None);

        // PostgreSQL tries the straight copy here (the keys it samples are new), meets a2, and falls back.
        var counts = await Writer.WriteAsync(Accounts(("n1", "N1", "FR"), ("a2", "Bolt SA", "BE"), ("n2", "N2", "FR"),
            ("n3", "N3", "FR"), ("n4", "N4", "FR")), CancellationToken.None);

        Assert.Equal(new WriteCounts(4, 1, 0), counts);
        Assert.Equal("Bolt SA", await TextAsync("SELECT name FROM accounts WHERE id = 'a2'"));
        Assert.Equal(5, await CountAsync("accounts"));
    }

    [Fact]
    public async Task Writes_a_large_batch_in_one_go()
    {
        var target = EntityTarget.AllFields(ShopModel.OrderLine);
        var batch = new EntityBatch(target);
        for (var i = 0; i < 20_000; i++)
            batch.Add([$"o{i / 4}", (long)(i % 4 + 1), $"sku-{i % 300}", 2m, 10m, 9.5m, 6.2m, 19m]);

        Assert.Equal(new WriteCounts(20_000, 0, 0), await Writer.WriteAsync(batch, CancellationToken.None));
        Assert.Equal(new WriteCounts(0, 0, 20_000), await Writer.WriteAsync(batch, CancellationToken.None));
        Assert.Equal(20_000, await CountAsync("order_lines"));
    }

    private static EntityBatch Accounts(params (string Id, string Name, string Country)[] accounts)
    {
        var account = ShopModel.Account;
        var batch = new EntityBatch(new EntityTarget(account, [account.Find("id")!, account.Find("name")!, account.Find("country")!]));
        foreach (var (id, name, country) in accounts) batch.Add([id, name, country]);
        return batch;
    }

    private static object Sample(ShopField field) => field.Type switch
    {
        ShopFieldType.Text => $"{field.Name}-value",
        ShopFieldType.Integer => 7L,
        ShopFieldType.Decimal => 12.34m,
        ShopFieldType.Timestamp => T0,
        ShopFieldType.Date => new DateOnly(2026, 11, 20),
        ShopFieldType.Boolean => true,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    private Task<long> CountAsync(string table) => ScalarAsync($"SELECT count(*) FROM {table}");

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await Current.Database.OpenAsync(CancellationToken.None);
        return Convert.ToInt64(await connection.ExecuteScalarAsync(sql));
    }

    private async Task<string?> TextAsync(string sql)
    {
        await using var connection = await Current.Database.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<string?>(sql);
    }
}
