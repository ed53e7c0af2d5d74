using System.Runtime.CompilerServices;
using System.Text;
using Monitoring.Checks.Yaml;
using Monitoring.Shop.Import;
using Monitoring.Shop.Mapping;

namespace Monitoring.Shop.Sources.Csv;

/// <summary>
/// <c>kind: csv</c>: files exported by another system (ERP, PIM, marketplace), matched by a path or glob and mapped
/// row by row. Each file is one reader; a file's bad rows are rejections, never a stop.
/// </summary>
public sealed class CsvSource : SourceDefinition
{
    static CsvSource() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public override string Kind => "csv";

    /// <summary>A path or glob relative to the working directory, <c>data/exports/invoices-*.csv</c>.</summary>
    public required string Files { get; init; }

    public char Delimiter { get; init; } = ',';

    public char Quote { get; init; } = '"';

    public Encoding Encoding { get; init; } = new UTF8Encoding(false);

    /// <summary>False when the first line is data; columns are then named by <see cref="Columns"/> or 1, 2, ...</summary>
    public bool Header { get; init; } = true;

    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>Lines before the header (a title, an export date) to step over.</summary>
    public int SkipLines { get; init; }

    public ValueFormat Format { get; init; } = ValueFormat.Default;

    public required IReadOnlyList<EntityMapping> Mappings { get; init; }

    public override IReadOnlyList<string> Entities => Mappings.Select(m => m.Entity.Name).ToArray();

    public override async IAsyncEnumerable<IMappedRowReader> OpenAsync(SourceContext context, string? file,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var files = file is not null ? [file] : CsvFiles.Expand(context.BaseDirectory, Files);
        foreach (var path in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return CsvFileReader.Open(this, Path.Combine(context.BaseDirectory, path), path);
            await Task.Yield();
        }
    }

    public static SourceDefinition? Read(ConfigNode node, SourceHeader header)
    {
        var errorsBefore = node.File.Diagnostics.Errors.Count;
        var files = node.RequiredString("files");
        var delimiter = ReadDelimiter(node);
        var quote = node.String("quote");
        if (quote is not null && quote.Length != 1)
        {
            node.Child("quote")!.Error($"'{quote}' is not one character (write \" or ')");
            quote = null;
        }
        var encoding = ReadEncoding(node);
        var hasHeader = node.Bool("header") ?? true;
        var columns = node.Child("columns") is null ? null : node.Items("columns").Select(c => c.Scalar() ?? "").ToArray();
        if (columns is not null && hasHeader) node.Child("columns")!.Error("columns: names the columns of a file without a header (add header: false)");
        var skipLines = node.Int("skip_lines") ?? 0;
        if (skipLines < 0) node.Child("skip_lines")!.Error($"{skipLines} is not a number of lines (write 0 or more)");
        var format = MappingSettings.ReadFormat(node);

        var mappings = new List<EntityMapping>();
        if (node.RequiredChild("entities") is not null)
        {
            foreach (var (name, child) in node.Entries("entities"))
            {
                if (MappingSettings.FindEntity(name, child) is not { } entity || !child.ExpectMapping()) continue;
                var when = child.Child("when") is { } w ? MappingSettings.ReadExpression(w, RowMapper.WhenField) : null;
                var fields = MappingSettings.ReadFields(child, entity);
                child.RejectUnknownKeys();
                if (MappingSettings.RequireKeys(child, entity)) mappings.Add(new EntityMapping(entity, when, fields));
            }
        }

        if (files is null || mappings.Count == 0 || node.File.Diagnostics.Errors.Count > errorsBefore) return null;
        return new CsvSource
        {
            Id = header.Id, Cron = header.Cron, DeclaredAt = header.DeclaredAt, Files = files, Delimiter = delimiter,
            Quote = quote?[0] ?? '"', Encoding = encoding, Header = hasHeader, Columns = columns, SkipLines = Math.Max(0, skipLines),
            Format = format, Mappings = mappings,
        };
    }

    private static char ReadDelimiter(ConfigNode node)
    {
        var text = node.String("delimiter");
        switch (text)
        {
            case null or ",": return ',';
            case ";" or "|": return text[0];
            case "\t" or "\\t" or "tab": return '\t';
            default:
                node.Child("delimiter")!.Error($"'{text}' is not a delimiter (write ',', ';', '|' or tab)");
                return ',';
        }
    }

    private static Encoding ReadEncoding(ConfigNode node)
    {
        var name = node.String("encoding");
        if (name is null) return new UTF8Encoding(false);
        try
        {
            // The default fallback replaces undecodable bytes with U+FFFD, which the reader turns into a rejection.
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            node.Child("encoding")!.Error($"'{name}' is not an encoding (write e.g. utf-8, windows-1252, iso-8859-1, utf-16)");
            return new UTF8Encoding(false);
        }
    }
}
