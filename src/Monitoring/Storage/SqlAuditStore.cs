using Dapper;

namespace Monitoring.Storage;

/// <summary>The audit log on both backends, with one SQL text.</summary>
public sealed class SqlAuditStore(IDbConnectionFactory database) : IAuditStore
{
    private SqlDialect Dialect => database.Dialect;

    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO audit_log (at, actor, action, target, detail, address) VALUES (@At, @Actor, @Action, @Target, @Detail, @Address)",
            new { At = Dialect.Timestamp(entry.At), entry.Actor, entry.Action, entry.Target, entry.Detail, entry.Address },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT id AS Id, at AS At, actor AS Actor, action AS Action, target AS Target, detail AS Detail, address AS Address
            FROM audit_log ORDER BY at DESC, id DESC LIMIT @Limit
            """, new { Limit = limit }, cancellationToken: cancellationToken));
        return rows.Select(r => new AuditEntry(Dialect.ReadTimestamp(r.At), r.Actor, r.Action, r.Target, r.Detail, r.Address) { Id = r.Id })
            .ToList();
    }

    private sealed class Row
    {
        public long Id { get; init; }
        public object At { get; init; } = null!;
        public string Actor { get; init; } = "";
        public string Action { get; init; } = "";
        public string? Target { get; init; }
        public string? Detail { get; init; }
        public string? Address { get; init; }
    }
}
