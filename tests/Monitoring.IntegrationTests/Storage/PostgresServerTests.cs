using Monitoring.TestSupport;
using Npgsql;

namespace Monitoring.IntegrationTests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class PostgresServerTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Gives_each_caller_its_own_empty_database()
    {
        var first = await postgres.Server.CreateDatabaseAsync();
        var second = await postgres.Server.CreateDatabaseAsync();
        Assert.NotEqual(new NpgsqlConnectionStringBuilder(first).Database, new NpgsqlConnectionStringBuilder(second).Database);

        await using var connection = new NpgsqlConnection(first);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", connection);
        Assert.Equal(0L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Stops_and_starts_again_on_the_same_data_and_port()
    {
        _ = postgres;
        await using var server = await PostgresServer.StartAsync();
        if (!server.IsThrowaway) return; // an external server is not the tests' to stop
        var database = await server.CreateDatabaseAsync();
        await ExecuteAsync(database, "CREATE TABLE kept (id int PRIMARY KEY); INSERT INTO kept VALUES (7)");

        await server.StopAsync();
        NpgsqlConnection.ClearAllPools();
        await Assert.ThrowsAsync<NpgsqlException>(() => ExecuteAsync(database, "SELECT 1"));
        await server.StartAgainAsync();

        Assert.Equal(7, await ExecuteAsync(database, "SELECT id FROM kept"));
    }

    private static async Task<object?> ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
