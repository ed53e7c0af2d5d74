using Dapper;
using Monitoring.Kpis;
using Monitoring.Storage;
using Monitoring.Storage.Copy;
using Monitoring.Storage.Postgres;
using Monitoring.TestSupport;
using Npgsql;

namespace Monitoring.IntegrationTests.Storage;

/// <summary>
/// The sessions' shop day computed by the reader from the binary timestamp (<see cref="ShopDaySql.DayOfPostgresTimestamp"/>)
/// equals the day PostgreSQL computes with the rollup's SQL expression (<see cref="ShopDaySql.Of"/>), at instants where
/// they could part: around midnight and around both daylight-saving changes, in a zone east and one west of UTC.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ShopDayOfTimestampTests(PostgresFixture postgres)
{
    [Theory]
    [InlineData("Europe/Paris")]
    [InlineData("America/New_York")]
    public async Task Gives_the_day_the_sql_expression_gives(string zoneId)
    {
        var days = new ShopDays(TimeZoneInfo.FindSystemTimeZoneById(zoneId));
        var (from, to) = (new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero));
        var day = new ShopDaySql(new PostgresDialect(), days, from, to);
        // Each shop midnight and each zone change of the two years, and a microsecond, a second and an hour either side.
        var instants = new List<DateTimeOffset>();
        for (var d = DateOnly.FromDateTime(from.UtcDateTime); d < DateOnly.FromDateTime(to.UtcDateTime); d = d.AddDays(1))
        {
            var midnight = days.StartOf(d);
            foreach (var delta in new[] { 0L, 1, -1, 10_000_000, -10_000_000, 36_000_000_000, -36_000_000_000 })
                instants.Add(midnight.AddTicks(delta));
        }

        await using var connection = new NpgsqlConnection(await postgres.Server.CreateDatabaseAsync());
        await connection.OpenAsync();
        await connection.ExecuteAsync("CREATE TABLE t (i int, at timestamptz)");
        await using (var writer = await connection.BeginBinaryImportAsync("COPY t (i, at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < instants.Count; i++)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(i);
                await writer.WriteAsync(instants[i].UtcDateTime, NpgsqlTypes.NpgsqlDbType.TimestampTz);
            }
            await writer.CompleteAsync();
        }
        var parameters = new DynamicParameters();
        day.AddParameters(parameters);
        var expected = (await connection.QueryAsync<long>($"SELECT {day.Of("at")} FROM t ORDER BY i", parameters)).ToList();

        var computed = new List<long>();
        using (var copy = PgCopyReader.Start(connection, "COPY (SELECT at FROM t ORDER BY i) TO STDOUT (FORMAT BINARY)"))
            while (copy.ReadRow()) computed.Add(day.DayOfPostgresTimestamp(copy.Int64(0)));

        Assert.Equal(instants.Count, computed.Count);
        Assert.Equal(expected, computed);
        // And both are the shop's own calendar day of the instant.
        for (var i = 0; i < instants.Count; i++)
            Assert.Equal(days.DayOf(instants[i]).DayNumber - new DateOnly(1970, 1, 1).DayNumber, computed[i]);
    }
}
