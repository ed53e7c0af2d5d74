using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Monitoring.Kpis;

namespace Monitoring.Storage;

/// <summary>The daily rollup rows of the KPI engine on both backends: written per day and segment, read per range.</summary>
public sealed class SqlKpiFactsStore(IDbConnectionFactory database, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new BasketHistogramConverter() } };

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

    public async Task<IReadOnlyList<DailyFacts>> LoadAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Day, string Dimension, string Value, string Facts)>(new CommandDefinition(
            "SELECT day, dimension, value, facts FROM kpi_daily_facts WHERE day >= @From AND day <= @To",
            new { From = from.ToString("yyyy-MM-dd"), To = to.ToString("yyyy-MM-dd") }, cancellationToken: cancellationToken));
        return rows.Select(r => new DailyFacts(DateOnly.ParseExact(r.Day, "yyyy-MM-dd"), new SegmentKey(r.Dimension, r.Value),
            JsonSerializer.Deserialize<FactSums>(r.Facts, Json) ?? FactSums.Zero)).ToList();
    }

    /// <summary>The basket histogram as its bucket counts.</summary>
    private sealed class BasketHistogramConverter : JsonConverter<BasketHistogram>
    {
        public override BasketHistogram Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            BasketHistogram.FromCounts(JsonSerializer.Deserialize<Dictionary<int, long>>(ref reader, options) ?? []);

        public override void Write(Utf8JsonWriter writer, BasketHistogram value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.Counts.ToDictionary(p => p.Key, p => p.Value), options);
    }
}
