using System.Text;
using Monitoring.Checks;
using Monitoring.Shop.Import;
using Monitoring.Shop.Sources;

namespace Monitoring.Tests.Shop.Sources;

/// <summary>
/// A working directory with a <c>checks/</c> folder and data files, to load sources the way the service does and
/// read them to the end. Removed after.
/// </summary>
internal sealed class SourceFolder : IDisposable
{
    private readonly TempChecksFolder _checks = new();

    public string Root => Path.GetDirectoryName(_checks.Checks)!;

    public void WriteSources(string yaml) => _checks.Write("sources/shop.yaml", yaml);

    public void WriteData(string relativePath, string content, Encoding? encoding = null) =>
        WriteBytes(relativePath, (encoding ?? new UTF8Encoding(false)).GetBytes(content));

    public void WriteBytes(string relativePath, byte[] content)
    {
        var full = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
    }

    public (CheckSet? Checks, IReadOnlyList<ConfigError> Errors) Load() => CheckSetLoader.Default().Load(_checks.Checks);

    public SourceDefinition Source(string id = "erp") =>
        CheckSetLoader.Default().LoadOrThrow(_checks.Checks).Sources.Single(s => s.Id == id);

    /// <summary>Every reader of one import with all its rows.</summary>
    public async Task<List<ReadResult>> ReadAllAsync(string id = "erp", string? file = null)
    {
        var context = new SourceContext(new NullWatermarks(), TimeProvider.System, Root);
        var result = new List<ReadResult>();
        await foreach (var reader in Source(id).OpenAsync(context, file, CancellationToken.None))
        {
            await using var _ = reader;
            var rows = new List<MappedRow>();
            while (await reader.ReadAsync(CancellationToken.None) is { } row) rows.Add(row);
            result.Add(new ReadResult(reader.Origin, reader.Targets, reader.Position, reader.Length, rows));
        }
        return result;
    }

    public async Task<List<MappedRow>> ReadRowsAsync(string id = "erp") => (await ReadAllAsync(id)).Single().Rows;

    /// <summary>What a reader read, taken before it was disposed.</summary>
    public sealed record ReadResult(string Origin, IReadOnlyList<EntityTarget> Targets, long Position, long? Length, List<MappedRow> Rows);

    public void Dispose() => _checks.Dispose();
}

/// <summary>A watermark store that remembers nothing, for sources that do not use one.</summary>
internal sealed class NullWatermarks : IWatermarkStore
{
    public Task<string?> GetAsync(string source, string entity, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public Task SetAsync(string source, string entity, string value, CancellationToken cancellationToken) => Task.CompletedTask;
}
