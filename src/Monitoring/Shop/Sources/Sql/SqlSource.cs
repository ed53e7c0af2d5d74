using System.Runtime.CompilerServices;
using Monitoring.Checks.Yaml;
using Monitoring.Shop.Import;
using Monitoring.Shop.Mapping;
using Npgsql;

namespace Monitoring.Shop.Sources.Sql;

/// <summary>
/// <c>kind: sql</c>: pulls the shop's own PostgreSQL, one query per entity. A query with a watermark reads only what
/// changed since the last complete import: it gets <c>@watermark</c> (NULL on the first run, written into the text since
/// an untyped null parameter cannot be typed by PostgreSQL; then the stored value, typed as the column) and should filter with
/// <c>(@watermark IS NULL OR updated_at &gt;= @watermark)</c>: <c>&gt;=</c> because imports are idempotent, so
/// re-reading the last rows is harmless while a row committed late with the same timestamp is not lost.
/// </summary>
public sealed class SqlSource : SourceDefinition
{
    public override string Kind => "sql";

    /// <summary>An Npgsql connection string; it holds a password, so it is never written in a message.</summary>
    public required string Connection { get; init; }

    public required IReadOnlyList<SqlEntityQuery> Queries { get; init; }

    /// <summary>How text columns write numbers and dates, and the zone of <c>timestamp without time zone</c> columns.</summary>
    public ValueFormat Format { get; init; } = ValueFormat.Default;

    public override IReadOnlyList<string> Entities => Queries.Select(q => q.Entity.Name).ToArray();

    /// <summary>Host and port for messages, never the password.</summary>
    public string Server
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(Connection);
            return $"{builder.Host}:{builder.Port}/{builder.Database}";
        }
    }

    public override async IAsyncEnumerable<IMappedRowReader> OpenAsync(SourceContext context, string? file,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var query in Queries) yield return await SqlQueryReader.OpenAsync(this, query, context, cancellationToken);
    }

    public static SourceDefinition? Read(ConfigNode node, SourceHeader header)
    {
        var errorsBefore = node.File.Diagnostics.Errors.Count;
        var connection = node.RequiredString("connection");
        if (connection is not null)
        {
            try
            {
                _ = new NpgsqlConnectionStringBuilder(connection);
            }
            catch (ArgumentException e)
            {
                // The message of Npgsql names the bad keyword, not the value: safe to show, unlike the string itself.
                node.Child("connection")!.Error($"not a valid connection string: {e.Message}");
            }
        }
        var format = MappingSettings.ReadFormat(node);

        var queries = new List<SqlEntityQuery>();
        if (node.RequiredChild("entities") is not null)
        {
            foreach (var (name, child) in node.Entries("entities"))
                if (MappingSettings.FindEntity(name, child) is { } entity && SqlEntityQuery.Read(child, entity) is { } query)
                    queries.Add(query);
        }

        if (connection is null || queries.Count == 0 || node.File.Diagnostics.Errors.Count > errorsBefore) return null;
        return new SqlSource
        {
            Id = header.Id, Cron = header.Cron, DeclaredAt = header.DeclaredAt, Connection = connection, Queries = queries, Format = format,
        };
    }
}
