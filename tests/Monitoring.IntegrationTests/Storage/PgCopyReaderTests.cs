using System.Text;
using Monitoring.Storage.Copy;
using Monitoring.TestSupport;
using Npgsql;

namespace Monitoring.IntegrationTests.Storage;

/// <summary>
/// The KPI rollup's reader of PostgreSQL binary COPY (<see cref="PgCopyReader"/>, <see cref="PgArray"/>,
/// <see cref="PgNumeric"/>, <see cref="Utf8KeyTable"/>) against a real server, each value compared with what Npgsql's own
/// data reader makes of the same query.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PgCopyReaderTests(PostgresFixture postgres)
{
    // Values where the conversion can go wrong: signs, scales (trailing zeros kept), base-10 000 group boundaries,
    // a large weight, tiny fractions, 28 significant digits, zero with a scale.
    private static readonly string[] Numerics =
    [
        "0", "0.00", "1", "-1", "12.50", "9999", "10000", "10000.0001", "-10000.0001", "123456789.123456789", "0.0001", "0.00000001",
        "-0.5", "100000000", "1e20", "79228162514264337593543950335", "-79228162514264337593543950335", "3.1415926535897932384626433833",
        "99999999.9999", "0.1000", "42.4200",
    ];

    [Fact]
    public async Task Reads_numerics_with_the_value_and_scale_npgsql_gives()
    {
        await using var connection = await OpenAsync();
        var values = string.Join(", ", Numerics.Select((n, i) => $"({i}, '{n}'::numeric)"));
        var sql = $"SELECT i, n FROM (VALUES {values}) v(i, n) ORDER BY i";
        var expected = await ReadWithNpgsqlAsync(connection, sql, r => r.GetDecimal(1));

        var read = new List<decimal>();
        using (var copy = PgCopyReader.Start(connection, $"COPY ({sql}) TO STDOUT (FORMAT BINARY)"))
            while (copy.ReadRow())
            {
                Assert.Equal(2, copy.FieldCount);
                read.Add(PgNumeric.ToDecimal(copy.Bytes(1)));
            }

        Assert.Equal(Numerics.Length, read.Count);
        for (var i = 0; i < read.Count; i++)
        {
            Assert.Equal(expected[i], read[i]);
            // The same scale, so that the text written from the value is the same (12.50, not 12.5).
            Assert.Equal(expected[i].ToString(System.Globalization.CultureInfo.InvariantCulture),
                read[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Refuses_a_numeric_a_decimal_cannot_hold()
    {
        await using var connection = await OpenAsync();
        foreach (var (value, error) in new[] { ("'NaN'::numeric", typeof(InvalidCastException)), ("1e40::numeric", typeof(OverflowException)),
                     ("round(1::numeric / 3, 40)", typeof(OverflowException)) })
        {
            using var copy = PgCopyReader.Start(connection, $"COPY (SELECT {value}) TO STDOUT (FORMAT BINARY)");
            Assert.True(copy.ReadRow());
            var bytes = copy.Bytes(0).ToArray();
            Assert.Throws(error, () => PgNumeric.ToDecimal(bytes));
            Assert.False(copy.ReadRow());
        }
    }

    [Fact]
    public async Task Reads_every_row_with_nulls_arrays_and_rows_larger_than_its_buffer()
    {
        await using var connection = await OpenAsync();
        // 20,000 rows: bigint, text (empty, null, multi-byte, and one of 200,000 characters, larger than the 64 KiB
        // buffer), integer, a text array with a null element, a numeric array (empty in some rows, null in others).
        const string sql = """
            SELECT g::bigint AS id,
                   CASE WHEN g % 7 = 0 THEN NULL WHEN g % 11 = 0 THEN '' WHEN g = 5000 THEN repeat('é', 200000) ELSE 'Vé' || g END AS t,
                   (g * 3)::integer AS n,
                   CASE WHEN g % 5 = 0 THEN NULL ELSE ARRAY['S' || g, NULL, 'ü' || (g % 3)] END AS skus,
                   CASE WHEN g % 13 = 0 THEN NULL WHEN g % 17 = 0 THEN ARRAY[]::numeric[] ELSE ARRAY[g / 7.0, NULL, -g * 0.25] END AS amounts
            FROM generate_series(1, 20000) g ORDER BY g
            """;
        var expected = await ReadWithNpgsqlAsync(connection, sql, r => (Id: r.GetInt64(0), Text: r.IsDBNull(1) ? null : r.GetString(1), N: r.GetInt32(2),
            Skus: r.IsDBNull(3) ? null : r.GetFieldValue<string?[]>(3), Amounts: r.IsDBNull(4) ? null : r.GetFieldValue<decimal?[]>(4)));

        var rows = 0;
        var known = new Utf8KeyTable();
        var (vé42, empty) = (known.GetOrAdd("Vé42"), known.GetOrAdd(""));
        using (var copy = PgCopyReader.Start(connection, $"COPY ({sql}) TO STDOUT (FORMAT BINARY)"))
            while (copy.ReadRow())
            {
                var row = expected[rows++];
                Assert.Equal(row.Id, copy.Int64(0));
                Assert.Equal(row.Text is null, copy.IsNull(1));
                if (row.Text is not null)
                {
                    Assert.Equal(row.Text, Encoding.UTF8.GetString(copy.Bytes(1)));
                    Assert.Equal(row.Text switch { "Vé42" => vé42, "" => empty, _ => -1 }, known.Find(copy.Bytes(1)));
                }
                Assert.Equal(row.N, copy.Int32(2));
                Assert.Equal(row.Skus, copy.IsNull(3) ? null : Elements(copy.Bytes(3), b => Encoding.UTF8.GetString(b)));
                Assert.Equal(row.Amounts, copy.IsNull(4) ? null : Elements(copy.Bytes(4), b => (decimal?)PgNumeric.ToDecimal(b)));
            }
        Assert.Equal(20_000, rows);

        // The connection is usable afterwards: the stream was read to its end.
        await using var after = new NpgsqlCommand("SELECT 7", connection);
        Assert.Equal(7, await after.ExecuteScalarAsync());
    }

    [Fact]
    public void Numbers_keys_in_the_order_they_come_and_finds_each_by_its_bytes()
    {
        var table = new Utf8KeyTable();
        var longKey = new string('x', 600);
        // Enough keys to grow the table and its byte store several times; near-identical keys; multi-byte text.
        var keys = Enumerable.Range(0, 50_000).Select(i => $"V{i:D9}").Concat(["", "Ünïcode", longKey, longKey + "y", "paid_search", "paid_search "]).ToList();
        for (var i = 0; i < keys.Count; i++) Assert.Equal(i, i % 2 == 0 ? table.GetOrAdd(keys[i]) : table.GetOrAdd(Encoding.UTF8.GetBytes(keys[i])));
        Assert.Equal(keys.Count, table.Count);
        for (var i = 0; i < keys.Count; i++)
        {
            Assert.Equal(i, table.Find(Encoding.UTF8.GetBytes(keys[i])));
            Assert.Equal(i, table.GetOrAdd(keys[i]));
            Assert.Equal(keys[i], Encoding.UTF8.GetString(table.KeyOf(i)));
        }
        foreach (var absent in new[] { "Paid_search", "V", "V0000000000", longKey + "z", "ünïcode" })
            Assert.Equal(-1, table.Find(Encoding.UTF8.GetBytes(absent)));

        table.Clear();
        Assert.Equal(0, table.Count);
        Assert.Equal(-1, table.Find(Encoding.UTF8.GetBytes("V000000007")));
        Assert.Equal(0, table.GetOrAdd("V000000007"));
        Assert.Equal(1, table.GetOrAdd("x"));
        Assert.Equal(0, table.Find(Encoding.UTF8.GetBytes("V000000007")));
    }

    private static T?[] Elements<T>(ReadOnlySpan<byte> field, Func<byte[], T> convert)
    {
        var array = new PgArray(field);
        var elements = new T?[array.Length];
        for (var i = 0; array.MoveNext(); i++) elements[i] = array.IsNull ? default : convert(array.Current.ToArray());
        return elements;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(await postgres.Server.CreateDatabaseAsync());
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<List<T>> ReadWithNpgsqlAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read)
    {
        var rows = new List<T>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }
}
