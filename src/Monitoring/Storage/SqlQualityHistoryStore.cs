using System.Globalization;
using System.Text;
using System.Text.Json;
using Dapper;
using Monitoring.Quality;
using Monitoring.Quality.Scoring;

namespace Monitoring.Storage;

/// <summary>
/// The records' grade history on both backends, with one SQL text. The dimension scores are kept as JSON text written
/// in a fixed order (the dimensions' declaration order, one decimal), so that "did they change" is a string comparison.
/// </summary>
public sealed class SqlQualityHistoryStore(IDbConnectionFactory database) : IQualityHistoryStore
{
    /// <summary>Rows per INSERT statement on PostgreSQL, where each statement is a round trip: 6,000 parameters stay
    /// well under its 65,535. SQLite runs in process and binds a long parameter list slowly (2,345 rows took 23 s in
    /// 1,000-row statements, measured), so there each row is its own short statement in the one transaction.</summary>
    private const int RowsPerStatement = 1000;

    private SqlDialect Dialect => database.Dialect;

    public async Task<int> SaveChangedAsync(IReadOnlyList<RecordScore> scores, DateTimeOffset scannedAt, CancellationToken cancellationToken)
    {
        if (scores.Count == 0) return 0;
        await using var connection = await database.OpenAsync(cancellationToken);
        // The latest row of every record of the scanned entities: one read, compared in memory, rather than a query per
        // record. The entity list is spelled out: Dapper would pass it to Npgsql as one array parameter, which IN refuses.
        var entities = scores.Select(s => s.Entity).Distinct(StringComparer.Ordinal).ToList();
        var filter = new DynamicParameters();
        for (var i = 0; i < entities.Count; i++) filter.Add($"Entity{i}", entities[i]);
        var latest = (await connection.QueryAsync<LatestRow>(new CommandDefinition(
                $"""
                SELECT entity AS Entity, entity_key AS EntityKey, score AS Score, grade AS Grade, dimensions AS Dimensions
                FROM (SELECT entity, entity_key, score, grade, dimensions,
                             ROW_NUMBER() OVER (PARTITION BY entity, entity_key ORDER BY scanned_at DESC) AS position
                      FROM quality_record_history
                      WHERE entity IN ({string.Join(", ", entities.Select((_, i) => $"@Entity{i}"))})) newest
                WHERE position = 1
                """,
                filter, cancellationToken: cancellationToken)))
            .ToDictionary(r => (r.Entity, r.EntityKey));

        var changed = new List<(RecordScore Score, string Dimensions)>();
        foreach (var score in scores)
        {
            var dimensions = DimensionsJson(score.Dimensions);
            if (latest.TryGetValue((score.Entity, score.Key), out var row) &&
                Convert.ToDouble(row.Score, CultureInfo.InvariantCulture) == Round(score.Score) && row.Grade == score.Grade.ToString() &&
                row.Dimensions == dimensions)
                continue;
            changed.Add((score, dimensions));
        }
        if (changed.Count == 0) return 0;

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var at = Dialect.Timestamp(scannedAt);
        foreach (var chunk in changed.Chunk(Dialect.Name == "postgres" ? RowsPerStatement : 1))
        {
            var sql = new StringBuilder("INSERT INTO quality_record_history (entity, entity_key, scanned_at, score, grade, dimensions) VALUES ");
            var parameters = new DynamicParameters();
            parameters.Add("At", at);
            for (var i = 0; i < chunk.Length; i++)
            {
                if (i > 0) sql.Append(", ");
                sql.Append(CultureInfo.InvariantCulture, $"(@E{i}, @K{i}, @At, @S{i}, @G{i}, @D{i})");
                var (score, dimensions) = chunk[i];
                parameters.Add($"E{i}", score.Entity);
                parameters.Add($"K{i}", score.Key);
                parameters.Add($"S{i}", Round(score.Score));
                parameters.Add($"G{i}", score.Grade.ToString());
                parameters.Add($"D{i}", dimensions);
            }
            // A second scan within the same millisecond (tests, a manual run beside the job) replaces rather than fails.
            sql.Append(" ON CONFLICT (entity, entity_key, scanned_at) DO UPDATE SET score = excluded.score, grade = excluded.grade, dimensions = excluded.dimensions");
            await connection.ExecuteAsync(new CommandDefinition(sql.ToString(), parameters, transaction, cancellationToken: cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
        return changed.Count;
    }

    public async Task<IReadOnlyList<RecordScorePoint>> ListAsync(string entity, string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<HistoryRow>(new CommandDefinition(
            """
            SELECT scanned_at AS ScannedAt, score AS Score, grade AS Grade, dimensions AS Dimensions
            FROM quality_record_history WHERE entity = @Entity AND entity_key = @Key ORDER BY scanned_at
            """,
            new { Entity = entity, Key = key }, cancellationToken: cancellationToken));
        return rows.Select(r => new RecordScorePoint(entity, key, Dialect.ReadTimestamp(r.ScannedAt),
            Convert.ToDouble(r.Score, CultureInfo.InvariantCulture), Enum.Parse<QualityGrade>(r.Grade), ReadDimensions(r.Dimensions))).ToList();
    }

    /// <summary>The dimension scores as stored: declaration order, lower-case names, one decimal.</summary>
    public static string DimensionsJson(IReadOnlyDictionary<QualityDimension, double> dimensions) =>
        JsonSerializer.Serialize(Enum.GetValues<QualityDimension>().Where(dimensions.ContainsKey)
            .ToDictionary(QualityNames.Name, d => Round(dimensions[d])));

    private static IReadOnlyDictionary<QualityDimension, double> ReadDimensions(string json) =>
        (JsonSerializer.Deserialize<Dictionary<string, double>>(json) ?? [])
        .Where(d => QualityNames.TryParse<QualityDimension>(d.Key, out _))
        .ToDictionary(d => { QualityNames.TryParse<QualityDimension>(d.Key, out var dimension); return dimension; }, d => d.Value);

    private static double Round(double value) => Math.Round(value, 1);

    private sealed class LatestRow
    {
        public string Entity { get; init; } = "";
        public string EntityKey { get; init; } = "";
        public object Score { get; init; } = 0d;
        public string Grade { get; init; } = "";
        public string Dimensions { get; init; } = "{}";
    }

    private sealed class HistoryRow
    {
        public object ScannedAt { get; init; } = null!;
        public object Score { get; init; } = 0d;
        public string Grade { get; init; } = "";
        public string Dimensions { get; init; } = "{}";
    }
}
