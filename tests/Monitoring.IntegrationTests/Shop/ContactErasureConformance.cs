using Dapper;
using Monitoring.IntegrationTests.Storage;
using Monitoring.Shop.Import;
using Monitoring.Shop.Model;
using Monitoring.Storage;
using Monitoring.TestSupport;
using static Monitoring.IntegrationTests.Shop.EntityBatches;

namespace Monitoring.IntegrationTests.Shop;

/// <summary>Erasing a person by e-mail address, against a real store of each backend.</summary>
public abstract class ContactErasureConformance(ITestBackend backend) : IAsyncLifetime
{
    private Backend? _backend;

    private Backend Current => _backend ?? throw new InvalidOperationException("The test database is not open");

    public async Task InitializeAsync()
    {
        _backend = backend.Open(await backend.CreateDatabaseAsync());
        await Current.Migrator.MigrateAsync(CancellationToken.None);
        var writer = ShopBackend.Writer(Current, TimeProvider.System);
        await writer.WriteAsync(Batch(ShopModel.Contact, ["id", "account_id", "email"],
            ["c1", "a1", "Jane.Doe@Acme.example"], ["c2", "a1", "john@acme.example"], ["c3", "a2", "jane_doe@other.example"]), default);
        await writer.WriteAsync(Batch(ShopModel.Review, ["id", "kind", "contact_id", "score", "comment"],
            ["r1", "nps", "c1", 9L, "Great service, ask for Jane"], ["r2", "nps", "c2", 7L, "OK"]), default);
        await writer.WriteAsync(Batch(ShopModel.Order, ["id", "account_id", "contact_id"], ["o1", "a1", "c1"], ["o2", "a1", "c2"]), default);
        var imports = new SqlImportStore(Current.Database);
        await imports.QuarantineAsync(1, "crm", "crm.csv", [
            MappedRow.Rejected(2, "bad date", new Dictionary<string, string?> { ["email"] = "jane.doe@acme.example", ["since"] = "x" }),
            MappedRow.Rejected(3, "bad date", new Dictionary<string, string?> { ["email"] = "janexdoe@acme.example", ["since"] = "x" }),
        ], DateTimeOffset.UtcNow, default);
    }

    public Task DisposeAsync() => backend.DisposeAsync().AsTask();

    [Fact]
    public async Task Erases_the_contact_detaches_what_named_them_and_keeps_the_rest()
    {
        var result = await new SqlContactErasure(Current.Database).EraseAsync("  JANE.DOE@acme.example ", default);

        Assert.Equal(new Monitoring.Shop.Privacy.ErasureResult(1, 1, 1, 1), result);
        await using var connection = await Current.Database.OpenAsync(default);
        Assert.Equal(["c2", "c3"], (await connection.QueryAsync<string>("SELECT id FROM contacts ORDER BY id")).ToList());
        var review = await connection.QuerySingleAsync("SELECT contact_id, comment, score FROM reviews WHERE id = 'r1'");
        Assert.Null((object?)review.contact_id);
        Assert.Null((object?)review.comment);
        Assert.Equal(9L, Convert.ToInt64((object)review.score));
        Assert.Equal("OK", await connection.ExecuteScalarAsync<string>("SELECT comment FROM reviews WHERE id = 'r2'"));
        Assert.Null(await connection.ExecuteScalarAsync<string?>("SELECT contact_id FROM orders WHERE id = 'o1'"));
        Assert.Equal(2L, Convert.ToInt64(await connection.ExecuteScalarAsync("SELECT count(*) FROM orders")));
        // The look-alike address (an x where the dot was) is another person's row: it stays.
        Assert.Equal(1L, Convert.ToInt64(await connection.ExecuteScalarAsync("SELECT count(*) FROM quarantine")));
    }

    [Fact]
    public async Task Finds_nothing_for_an_unknown_address()
    {
        var result = await new SqlContactErasure(Current.Database).EraseAsync("nobody@nowhere.example", default);

        Assert.False(result.FoundAnything);
    }
}

public sealed class SqliteContactErasureTests() : ContactErasureConformance(new SqliteTestBackend());

[Collection(PostgresCollection.Name)]
public sealed class PostgresContactErasureTests(PostgresFixture postgres) : ContactErasureConformance(new PostgresTestBackend(postgres.Server));
