using System.Text;
using Monitoring.Shop.Import;
using Monitoring.Shop.Mapping;
using Sylvan.Data.Csv;

namespace Monitoring.Shop.Sources.Csv;

/// <summary>
/// Reads one csv file with Sylvan and maps each record. Line numbers are physical: newlines inside quoted fields are
/// counted, so that a rejection's line is the one an editor shows.
/// </summary>
public sealed class CsvFileReader : IMappedRowReader
{
    private const int BufferSize = 1 << 16;

    private readonly FileStream _stream;
    private readonly StreamReader _text;
    private readonly CsvDataReader _csv;
    private readonly string[] _names;
    private readonly CsvRow _row;
    private readonly RowMapper _mapper;
    private readonly string? _invalidBytesName;
    private readonly CsvDataReaderOptions _lineOptions;
    private readonly char _quote;
    private readonly Queue<MappedRow> _splitRows = new();
    private long _nextLine;

    private CsvFileReader(CsvSource source, FileStream stream, StreamReader text, CsvDataReader csv, string[] names, string origin,
        CsvDataReaderOptions options)
    {
        _stream = stream;
        _text = text;
        _csv = csv;
        _names = names;
        Origin = origin;
        var ordinals = CsvFileChecks.Ordinals(names, source.Mappings.SelectMany(m => m.Columns()).Select(c => c.Column));
        CsvFileChecks.RequireColumns(source.Mappings, names, ordinals, source.Delimiter, source.Header, origin);
        _row = new CsvRow(csv, names) { FileName = Path.GetFileName(origin) };
        _mapper = new RowMapper(source.Mappings, name => ordinals[name], source.Format);
        // Only Unicode encodings have bytes that cannot be decoded; 8-bit code pages map every byte to something.
        _invalidBytesName = text.CurrentEncoding is UTF8Encoding or UnicodeEncoding or UTF32Encoding ? text.CurrentEncoding.WebName : null;
        _nextLine = source.SkipLines + (source.Header ? 2 : 1);
        _lineOptions = new CsvDataReaderOptions
        {
            HasHeaders = false, Delimiter = options.Delimiter, Quote = options.Quote, Escape = options.Escape, CsvStyle = options.CsvStyle,
        };
        _quote = options.Quote;
    }

    public string Origin { get; }

    public IReadOnlyList<EntityTarget> Targets => _mapper.Targets;

    public long Position => _stream.Position;

    public long? Length => _stream.Length;

    /// <summary>Opens the file and checks its header against the mappings; throws <see cref="SourceException"/> for a bad file.</summary>
    public static CsvFileReader Open(CsvSource source, string fullPath, string origin)
    {
        if (!File.Exists(fullPath)) throw new SourceException($"{origin}: the file does not exist (source {source.Id}, files: {source.Files})");
        var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        try
        {
            CsvFileChecks.RejectBinary(stream, source.Encoding, origin);
            var text = new StreamReader(stream, source.Encoding, detectEncodingFromByteOrderMarks: true, BufferSize);
            for (var i = 0; i < source.SkipLines; i++)
                if (text.ReadLine() is null) throw new SourceException($"{origin}: the file has fewer than the {source.SkipLines} lines skip_lines steps over");
            var options = new CsvDataReaderOptions
            {
                HasHeaders = source.Header,
                Delimiter = source.Delimiter,
                Quote = source.Quote,
                Escape = source.Quote,
                // Lax: a stray quote inside a field is taken as text instead of failing the whole file.
                CsvStyle = CsvStyle.Lax,
                BufferSize = BufferSize,
                MaxBufferSize = 1 << 24,
            };
            var csv = CsvDataReader.Create(text, options);
            var names = source.Columns?.ToArray()
                ?? Enumerable.Range(0, csv.FieldCount).Select(i => source.Header ? csv.GetName(i) : (i + 1).ToString()).ToArray();
            return new CsvFileReader(source, stream, text, csv, names, origin, options);
        }
        catch (Exception e) when (e is not SourceException)
        {
            stream.Dispose();
            throw new SourceException($"{origin}: cannot be read as CSV: {e.Message}", e);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public ValueTask<MappedRow?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_splitRows.TryDequeue(out var split)) return new ValueTask<MappedRow?>(split);
            if (!ReadRecord()) return new ValueTask<MappedRow?>((MappedRow?)null);
            var line = _nextLine;
            var raw = _csv.GetRawRecordSpan();
            _nextLine += raw.Count('\n');
            _row.Line = line;

            var count = _csv.RowFieldCount;
            if (count != _names.Length)
            {
                if (count == 1 && _csv.GetFieldSpan(0).IsEmpty) continue;
                // A quote opened and not closed on its line swallows the lines after it into one record, up to the
                // next quote in the file: read those lines one by one instead, so that only the broken one is lost.
                if (raw.TrimEnd("\r\n").Contains('\n') && raw.Contains(_quote))
                {
                    SplitIntoLines(raw.ToString(), line);
                    continue;
                }
                return new ValueTask<MappedRow?>(Rejected(_csv, line, FieldCountReason(count)));
            }
            return new ValueTask<MappedRow?>(Map(_csv, _row, line));
        }
    }

    private string FieldCountReason(int count) =>
        $"{count} field{(count == 1 ? "" : "s")} where {_names.Length} are expected (check the delimiter and quotes of this line)";

    /// <summary>Checks and maps the current record of <paramref name="csv"/>: a mapped row, or a rejected one saying why.</summary>
    private MappedRow Map(CsvDataReader csv, CsvRow row, long line)
    {
        if (_invalidBytesName is not null && InvalidBytesColumn(csv) is { } column)
            return Rejected(csv, line, $"bytes not valid {_invalidBytesName} in column {_names[column]} (set encoding: in the source)");
        return _mapper.TryMap(row, out var values, out var rejection, out var entity)
            ? new MappedRow { Line = line, Values = values }
            : Rejected(csv, line, rejection!, entity);
    }

    /// <summary>Parses each physical line of a record that swallowed several, queueing a row per line.</summary>
    private void SplitIntoLines(string raw, long firstLine)
    {
        var lines = raw.Split('\n');
        var count = raw.EndsWith('\n') ? lines.Length - 1 : lines.Length;
        for (var i = 0; i < count; i++)
        {
            var text = lines[i].TrimEnd('\r');
            if (text.Length == 0) continue;
            using var csv = CsvDataReader.Create(new StringReader(text), _lineOptions);
            if (!csv.Read()) continue;
            var line = firstLine + i;
            var row = new CsvRow(csv, _names) { FileName = _row.FileName, Line = line };
            _splitRows.Enqueue(csv.RowFieldCount == _names.Length ? Map(csv, row, line)
                : Rejected(csv, line, text.Count(c => c == _quote) % 2 == 1
                    ? $"a quote opened in this line is not closed (the line has {text.Count(c => c == _quote)} quote characters)"
                    : FieldCountReason(csv.RowFieldCount)));
        }
    }
    public Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync()
    {
        _csv.Dispose();
        _text.Dispose();
        _stream.Dispose();
        return ValueTask.CompletedTask;
    }

    private bool ReadRecord()
    {
        try
        {
            return _csv.Read();
        }
        catch (CsvRecordTooLargeException e)
        {
            throw new SourceException($"{Origin}:{_nextLine}: a record longer than 16 MB (an unclosed quote?)", e);
        }
    }

    /// <summary>The decoder replaced bytes it could not decode with U+FFFD: find the field they were in.</summary>
    private int? InvalidBytesColumn(CsvDataReader csv)
    {
        if (csv.GetRawRecordSpan().IndexOf('\uFFFD') < 0) return null;
        for (var i = 0; i < _names.Length; i++)
            if (csv.GetFieldSpan(i).IndexOf('\uFFFD') >= 0) return i;
        return null;
    }

    private MappedRow Rejected(CsvDataReader csv, long line, string reason, string? entity = null)
    {
        var raw = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < csv.RowFieldCount; i++)
        {
            var name = i < _names.Length ? _names[i] : $"#{i + 1}";
            if (!raw.TryAdd(name, csv.GetString(i))) raw[$"{name}#{i + 1}"] = csv.GetString(i);
        }
        return MappedRow.Rejected(line, reason, raw, entity);
    }
}
