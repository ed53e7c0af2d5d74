using System.Net.Sockets;
using System.Text.RegularExpressions;
using Monitoring.Shop.Import;
using Monitoring.Shop.Mapping;
using Npgsql;

namespace Monitoring.Shop.Sources.Sql;

/// <summary>
/// Reads one entity query of a sql source. It tracks the greatest watermark value of the rows it read and stores it
/// only in <see cref="CompleteAsync"/>, after the rows are written, so that a failed import is read again.
/// </summary>
public sealed partial class SqlQueryReader : IMappedRowReader
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlCommand _command;
    private readonly NpgsqlDataReader _reader;
    private readonly SqlRow _row;
    private readonly RowMapper _mapper;
    private readonly SourceContext _context;
    private readonly string _sourceId;
    private readonly string _entity;
    private readonly int _watermark;
    private object? _greatest;
    private long _rows;

    private SqlQueryReader(SqlSource source, SqlEntityQuery query, SourceContext context, NpgsqlConnection connection,
        NpgsqlCommand command, NpgsqlDataReader reader)
    {
        _connection = connection;
        _command = command;
        _reader = reader;
        _context = context;
        _sourceId = source.Id;
        _entity = query.Entity.Name;
        Origin = $"query:{_entity}";
        _row = new SqlRow(reader, source.Format) { FileName = Origin };
        var columns = _row.Names;
        var where = $"source {source.Id}, {Origin} ({query.DeclaredAt})";

        var mapping = query.Resolve(columns, out var missingKeys) ?? throw new SourceException(
            $"{where}: the result has no column for the key field{(missingKeys.Length > 1 ? "s" : "")} {string.Join(", ", missingKeys)} " +
            $"(name a column so, or map it under map:); columns: {string.Join(", ", columns)}");
        var ordinals = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < columns.Count; i++) ordinals.TryAdd(columns[i], i);
        foreach (var (column, field) in mapping.Columns())
            if (!ordinals.ContainsKey(column))
                throw new SourceException($"{where}: column '{column}' mapped at {field.DeclaredAt} ({field.Path}) is not in the result; " +
                                          $"columns: {string.Join(", ", columns)}");
        _mapper = new RowMapper([mapping], name => ordinals[name], source.Format);

        _watermark = -1;
        if (query.Watermark is { } watermark && !ordinals.TryGetValue(watermark, out _watermark))
            throw new SourceException($"{where}: the watermark column '{watermark}' is not in the result; columns: {string.Join(", ", columns)}");
    }

    [GeneratedRegex(@"@watermark\b", RegexOptions.IgnoreCase)]
    private static partial Regex WatermarkParameter();

    public string Origin { get; }

    public IReadOnlyList<EntityTarget> Targets => _mapper.Targets;

    public long Position => _rows;

    public long? Length => null;

    public static async Task<SqlQueryReader> OpenAsync(SqlSource source, SqlEntityQuery query, SourceContext context,
        CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(source.Connection);
        NpgsqlCommand? command = null;
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            await connection.DisposeAsync();
            throw new SourceException($"source {source.Id}: cannot connect to PostgreSQL at {source.Server}: {e.Message}", e);
        }
        try
        {
            // No command timeout: a first full pull of a big table may take long; cancellation stops it.
            var sql = query.Query;
            var watermark = WatermarkParameter().IsMatch(sql)
                ? Watermark.Decode(await context.Watermarks.GetAsync(source.Id, query.Entity.Name, cancellationToken))
                : null;
            // An untyped null parameter in "@watermark IS NULL" is a PostgreSQL error (its type cannot be inferred), so
            // the first run writes NULL into the text instead; later runs pass the stored value with its own type.
            if (watermark is null) sql = WatermarkParameter().Replace(sql, "NULL");
            command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            if (watermark is not null) command.Parameters.Add(new NpgsqlParameter("watermark", watermark));
            var reader = await command.ExecuteReaderAsync(cancellationToken);
            return new SqlQueryReader(source, query, context, connection, command, reader);
        }
        catch (Exception e) when (e is not SourceException && e is not OperationCanceledException)
        {
            if (command is not null) await command.DisposeAsync();
            await connection.DisposeAsync();
            throw new SourceException($"source {source.Id}, query:{query.Entity.Name} ({query.DeclaredAt}): the query failed: {e.Message}", e);
        }
        catch
        {
            if (command is not null) await command.DisposeAsync();
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask<MappedRow?> ReadAsync(CancellationToken cancellationToken)
    {
        if (!await _reader.ReadAsync(cancellationToken)) return null;
        _row.Line = ++_rows;
        if (_watermark >= 0 && !_reader.IsDBNull(_watermark))
        {
            var value = _reader.GetValue(_watermark);
            if (_greatest is null || Comparer<object>.Default.Compare(value, _greatest) > 0) _greatest = value;
        }
        return _mapper.TryMap(_row, out var values, out var rejection, out var entity)
            ? new MappedRow { Line = _rows, Values = values }
            : MappedRow.Rejected(_rows, rejection!, _row.Raw(), entity);
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_greatest is not null) await _context.Watermarks.SetAsync(_sourceId, _entity, Watermark.Encode(_greatest), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _reader.DisposeAsync();
        await _command.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
