using System.Collections.Concurrent;
using Monitoring.Checks;
using Monitoring.Shop.Import;
using Monitoring.Shop.Sources;
using Monitoring.Shop.Sources.Sql;
using Monitoring.TestSupport;
using Npgsql;

namespace Monitoring.IntegrationTests.Shop.Sources;

/// <summary>The sql pull against a real PostgreSQL: a watermark makes the second pull read only what changed.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SqlSourceTests(PostgresFixture postgres) : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly MemoryWatermarks _watermarks = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Reads_only_rows_changed_since_the_last_complete_pull()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        await ExecuteAsync(database, """
            CREATE TABLE shop_orders (id int PRIMARY KEY, customer text, total numeric(12,2), updated_at timestamptz NOT NULL);
            INSERT INTO shop_orders VALUES (1, 'C-1', 10.50, '2024-03-01 10:00Z'), (2, 'C-2', 20.00, '2024-03-01 11:00Z');
            """);
        var source = Load(database);

        var first = await PullAsync(source);
        await ExecuteAsync(database, """
            UPDATE shop_orders SET total = 25.00, updated_at = '2024-03-02 09:00Z' WHERE id = 2;
            INSERT INTO shop_orders VALUES (3, 'C-1', 5.00, '2024-03-02 10:00Z');
            """);
        var second = await PullAsync(source);
        var third = await PullAsync(source);

        Assert.Equal([["1", "C-1", "web", 10.50m], ["2", "C-2", "web", 20.00m]], first);
        // >= re-reads the last row of the previous pull (harmless: imports are idempotent) and nothing older.
        Assert.Equal([["2", "C-2", "web", 25.00m], ["3", "C-1", "web", 5.00m]], second);
        Assert.Equal([["3", "C-1", "web", 5.00m]], third);
        Assert.Equal("timestamptz:2024-03-02T10:00:00.0000000Z", await _watermarks.GetAsync("shop-db", "order", CancellationToken.None));
    }

    [Fact]
    public async Task Keeps_the_watermark_when_an_import_does_not_complete()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        await ExecuteAsync(database, """
            CREATE TABLE shop_orders (id int PRIMARY KEY, customer text, total numeric(12,2), updated_at timestamptz NOT NULL);
            INSERT INTO shop_orders VALUES (1, 'C-1', 10.50, '2024-03-01 10:00Z');
            """);
        var source = Load(database);

        await PullAsync(source, complete: false);

        Assert.Null(await _watermarks.GetAsync("shop-db", "order", CancellationToken.None));
        Assert.Single(await PullAsync(source));
    }

    [Fact]
    public async Task Rejects_a_row_whose_value_does_not_convert_and_names_the_column()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        await ExecuteAsync(database, """
            CREATE TABLE shop_orders (id int PRIMARY KEY, customer text, total text, updated_at timestamptz NOT NULL);
            INSERT INTO shop_orders VALUES (1, 'C-1', 'n/a', '2024-03-01 10:00Z');
            """);
        var context = new SourceContext(_watermarks, TimeProvider.System, _folder.Root);

        await foreach (var reader in Load(database).OpenAsync(context, null, CancellationToken.None))
        {
            await using var _ = reader;
            var row = await reader.ReadAsync(CancellationToken.None);
            Assert.Equal("order.total_excl_vat: 'n/a' in column total is not a number", row!.Rejection);
            Assert.Equal("n/a", row.Raw!["total"]);
        }
    }

    [Fact]
    public async Task Fails_naming_the_source_and_host_but_not_the_password_when_the_database_is_unreachable()
    {
        var connection = $"Host=127.0.0.1;Port={FreePort.Next()};Username=shop;Password=s3cret-pw;Timeout=3";
        var source = Load(connection);
        var context = new SourceContext(_watermarks, TimeProvider.System, _folder.Root);

        var error = await Assert.ThrowsAsync<SourceException>(async () =>
        {
            await foreach (var reader in source.OpenAsync(context, null, CancellationToken.None)) await reader.DisposeAsync();
        });

        Assert.StartsWith("source shop-db: cannot connect to PostgreSQL at 127.0.0.1:", error.Message);
        Assert.DoesNotContain("s3cret-pw", error.Message);
    }

    private SqlSource Load(string connectionString)
    {
        var checks = _folder.Checks;
        Directory.CreateDirectory(System.IO.Path.Combine(checks, "sources"));
        File.WriteAllText(System.IO.Path.Combine(checks, "sources", "shop.yaml"), """
            sources:
              - id: shop-db
                kind: sql
                connection: ${SHOP_DB}
                entities:
                  order:
                    query: |
                      SELECT id, customer AS account_id, total, updated_at FROM shop_orders
                      WHERE (@watermark IS NULL OR updated_at >= @watermark) ORDER BY id
                    watermark: updated_at
                    map:
                      channel: "'web'"
                      total_excl_vat: total
            """);
        var loader = CheckSetLoader.Default(new Dictionary<string, string> { ["SHOP_DB"] = connectionString });
        return Assert.IsType<SqlSource>(Assert.Single(loader.LoadOrThrow(checks).Sources));
    }

    private async Task<List<object?[]>> PullAsync(SqlSource source, bool complete = true)
    {
        var context = new SourceContext(_watermarks, TimeProvider.System, _folder.Root);
        var rows = new List<object?[]>();
        await foreach (var reader in source.OpenAsync(context, null, CancellationToken.None))
        {
            await using var _ = reader;
            while (await reader.ReadAsync(CancellationToken.None) is { } row)
            {
                Assert.Null(row.Rejection);
                rows.Add(row.Values[0]!);
            }
            if (complete) await reader.CompleteAsync(CancellationToken.None);
        }
        return rows;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Watermarks in memory, as the store the service gives would keep them.</summary>
    private sealed class MemoryWatermarks : IWatermarkStore
    {
        private readonly ConcurrentDictionary<(string, string), string> _values = new();

        public Task<string?> GetAsync(string source, string entity, CancellationToken cancellationToken) =>
            Task.FromResult(_values.GetValueOrDefault((source, entity)));

        public Task SetAsync(string source, string entity, string value, CancellationToken cancellationToken)
        {
            _values[(source, entity)] = value;
            return Task.CompletedTask;
        }
    }
}
