using Monitoring.Shop.Model;

namespace Monitoring.Shop.Import;

/// <summary>
/// Reads one origin of a source (a file, a query, an API batch) as mapped rows. Problems of single rows are
/// rejections in the rows; only a problem with the whole origin (not a CSV file, a mapped column missing from the
/// header, the database unreachable) throws, as a <see cref="SourceException"/> that names the origin.
/// </summary>
public interface IMappedRowReader : IAsyncDisposable
{
    /// <summary>What is read, for reports and the quarantine: a file path, <c>api</c>, or <c>query:entity</c>.</summary>
    string Origin { get; }

    /// <summary>The entities each row carries values for, in the order of <see cref="MappedRow.Values"/>.</summary>
    IReadOnlyList<EntityTarget> Targets { get; }

    /// <summary>The next row, or null at the end.</summary>
    ValueTask<MappedRow?> ReadAsync(CancellationToken cancellationToken);

    /// <summary>How far the reader is, for progress: bytes of a file, or rows.</summary>
    long Position { get; }

    /// <summary>The total that <see cref="Position"/> goes to, when known.</summary>
    long? Length { get; }

    /// <summary>
    /// Called once every row read has been written: an incremental reader records its watermark here, so that a
    /// failed import is read again next time instead of skipped.
    /// </summary>
    Task CompleteAsync(CancellationToken cancellationToken);
}

/// <summary>A problem with a whole origin of a source; the message names it and says what is wrong.</summary>
public sealed class SourceException(string message, Exception? inner = null) : Exception(message, inner);
