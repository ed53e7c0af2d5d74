using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Monitoring.Kpis;
using Npgsql;
using NpgsqlTypes;

namespace Monitoring.Storage;

/// <summary>The daily rollup rows of the KPI engine on both backends: written per day and segment, read per range.</summary>
public sealed class SqlKpiFactsStore(IDbConnectionFactory database, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new BasketHistogramConverter() } };

    /// <summary>The advisory lock of <see cref="ReplaceAsync(IReadOnlyList{ValueTuple{DateOnly, DateOnly}}, IReadOnlyList{DailyFacts}, CancellationToken)"/> ("kpifacts").</summary>
    private const long ReplaceLockKey = 0x6b70696661637473;

    public async Task SaveAsync(IReadOnlyList<DailyFacts> facts, CancellationToken cancellationToken)
    {
        if (facts.Count == 0) return;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO kpi_daily_facts (day, dimension, value, facts, computed_at) VALUES (@Day, @Dimension, @Value, @Facts, @At)
            ON CONFLICT (day, dimension, value) DO UPDATE SET facts = excluded.facts, computed_at = excluded.computed_at
            """,
            facts.Select(f => new
            {
                Day = f.Day.ToString("yyyy-MM-dd"), f.Segment.Dimension, f.Segment.Value, Facts = JsonSerializer.Serialize(f.Sums, Json),
                At = time.GetUtcNow().ToUnixTimeMilliseconds(),
            }),
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Replaces every row of the days from <paramref name="first"/> to <paramref name="last"/> with these (a segment
    /// that had rows before and has none now, because an order moved, loses them), in one transaction.
    /// </summary>
    public Task ReplaceAsync(DateOnly first, DateOnly last, IReadOnlyList<DailyFacts> facts, CancellationToken cancellationToken) =>
        ReplaceAsync([(first, last)], facts, cancellationToken);

    /// <summary>Replaces every row of the days of these runs of days with these, in one transaction.</summary>
    public async Task ReplaceAsync(IReadOnlyList<(DateOnly First, DateOnly Last)> runs, IReadOnlyList<DailyFacts> facts,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // One replacement at a time (`monitoring kpis --recompute` while the service's job runs): a second one that
        // deleted the same days before the first committed would then insert rows the first inserted (duplicate key).
        // Waiting for the lock, its DELETE sees them. SQLite's write lock already serializes the transactions.
        if (connection is NpgsqlConnection)
            await connection.ExecuteAsync(new CommandDefinition($"SELECT pg_advisory_xact_lock({ReplaceLockKey})", transaction: transaction,
                cancellationToken: cancellationToken));
        foreach (var (first, last) in runs)
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM kpi_daily_facts WHERE day >= @First AND day <= @Last",
                new { First = first.ToString("yyyy-MM-dd"), Last = last.ToString("yyyy-MM-dd") }, transaction, cancellationToken: cancellationToken));
        var at = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (connection is NpgsqlConnection npgsql) await CopyAsync(npgsql, facts, at, cancellationToken);
        else await InsertAsync(connection, transaction, facts, at, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// PostgreSQL: one binary COPY, the rows just deleted being replaced (a full recompute writes tens of thousands of
    /// rows; multi-row INSERTs took 5 s for 24,820 rows at the benchmark's 1/20 size, measured).
    /// </summary>
    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<DailyFacts> facts, long at, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY kpi_daily_facts (day, dimension, value, facts, computed_at) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in facts)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(row.Day.ToString("yyyy-MM-dd"), NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(row.Segment.Dimension, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(row.Segment.Value, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(JsonSerializer.Serialize(row.Sums, Json), NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(at, NpgsqlDbType.Bigint, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>SQLite: many rows per statement (SQLite allows 999 parameters), in the caller's transaction.</summary>
    private static async Task InsertAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction,
        IReadOnlyList<DailyFacts> facts, long at, CancellationToken cancellationToken)
    {
        foreach (var chunk in facts.Chunk(150))
        {
            var parameters = new DynamicParameters();
            var values = new List<string>();
            for (var i = 0; i < chunk.Length; i++)
            {
                values.Add($"(@D{i}, @M{i}, @V{i}, @F{i}, @At)");
                parameters.Add($"D{i}", chunk[i].Day.ToString("yyyy-MM-dd"));
                parameters.Add($"M{i}", chunk[i].Segment.Dimension);
                parameters.Add($"V{i}", chunk[i].Segment.Value);
                parameters.Add($"F{i}", JsonSerializer.Serialize(chunk[i].Sums, Json));
            }
            parameters.Add("At", at);
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO kpi_daily_facts (day, dimension, value, facts, computed_at) VALUES " + string.Join(", ", values),
                parameters, transaction, cancellationToken: cancellationToken));
        }
    }

    /// <summary>The rows of the days from <paramref name="from"/> to <paramref name="to"/>, of one segment or of all.</summary>
    public async Task<IReadOnlyList<DailyFacts>> LoadAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken,
        SegmentKey? segment = null)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Day, string Dimension, string Value, string Facts)>(new CommandDefinition(
            "SELECT day, dimension, value, facts FROM kpi_daily_facts WHERE day >= @From AND day <= @To" +
            (segment is null ? "" : " AND dimension = @Dimension AND value = @Value"),
            new { From = from.ToString("yyyy-MM-dd"), To = to.ToString("yyyy-MM-dd"), segment?.Dimension, segment?.Value },
            cancellationToken: cancellationToken));
        return rows.Select(r => new DailyFacts(DateOnly.ParseExact(r.Day, "yyyy-MM-dd"), new SegmentKey(r.Dimension, r.Value),
            JsonSerializer.Deserialize<FactSums>(r.Facts, Json) ?? FactSums.Zero)).ToList();
    }

    /// <summary>The segments with at least one row in the days, by dimension and value.</summary>
    public async Task<IReadOnlyList<SegmentKey>> SegmentsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Dimension, string Value)>(new CommandDefinition(
            "SELECT DISTINCT dimension, value FROM kpi_daily_facts WHERE day >= @From AND day <= @To ORDER BY dimension, value",
            new { From = from.ToString("yyyy-MM-dd"), To = to.ToString("yyyy-MM-dd") }, cancellationToken: cancellationToken));
        return rows.Select(r => new SegmentKey(r.Dimension, r.Value)).ToList();
    }

    /// <summary>The basket histogram as its bucket counts.</summary>
    private sealed class BasketHistogramConverter : JsonConverter<BasketHistogram>
    {
        public override BasketHistogram Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            BasketHistogram.FromCounts(JsonSerializer.Deserialize<Dictionary<int, long>>(ref reader, options) ?? []);

        /// <summary>An object of bucket index → count in ascending order, as a dictionary of them serializes, written
        /// without one.</summary>
        public override void Write(Utf8JsonWriter writer, BasketHistogram value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            Span<char> name = stackalloc char[11];
            foreach (var (bucket, count) in value.Counts)
                writer.WriteNumber(bucket.TryFormat(name, out var length, provider: System.Globalization.CultureInfo.InvariantCulture)
                    ? name[..length] : bucket.ToString(System.Globalization.CultureInfo.InvariantCulture), count);
            writer.WriteEndObject();
        }
    }
}
