using System.Text;

namespace Monitoring.IntegrationTests.Reliability;

/// <summary>
/// One malformed variant of a sample export: its bytes, and what the import must make of it — the good rows it keeps,
/// the lines it quarantines with a word of the reason each, or the whole-file error.
/// </summary>
public sealed record MalformedCsv(string Name, string SourceId, byte[] Bytes, int GoodRows, IReadOnlyDictionary<long, string> Rejected,
    string? FileError = null);

/// <summary>
/// Generates the malformed variants of the repository's sample exports (checks/sources/samples), deterministically:
/// the lines to break are drawn from a seeded random, so a failure names a case that comes back the same every run.
/// </summary>
public static class MalformedCsvCases
{
    public const string Customers = "platform-customers";
    public const string Invoices = "erp-invoices";

    private const int Seed = 20261123;
    private static readonly Encoding Utf8 = new UTF8Encoding(false);
    private static readonly Encoding Windows1252 = CodePages(1252);

    /// <summary>The repository's checks/ folder, found upwards from the test binaries.</summary>
    public static string ChecksFolder
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
                if (File.Exists(Path.Combine(folder.FullName, "Monitoring.sln"))) return Path.Combine(folder.FullName, "checks");
            throw new InvalidOperationException("the repository root (Monitoring.sln) is not above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The variants; <paramref name="sampleRejected"/> are the lines each sample already has wrong on purpose
    /// (per source id), never picked to break and expected in the quarantine of every variant that keeps them.</summary>
    public static IReadOnlyList<MalformedCsv> All(IReadOnlyDictionary<string, IReadOnlySet<long>> sampleRejected)
    {
        var random = new Random(Seed);
        var cases = new List<MalformedCsv>();
        cases.AddRange(CustomerCases(random, sampleRejected[Customers]).Select(c => WithSampleRejections(c, sampleRejected[Customers])));
        cases.AddRange(InvoiceCases(random, sampleRejected[Invoices]).Select(c => WithSampleRejections(c, sampleRejected[Invoices])));
        return cases;
    }

    // The sample's own bad lines are still there and still bad, except in the cases that keep no data line at all.
    private static MalformedCsv WithSampleRejections(MalformedCsv malformed, IReadOnlySet<long> sampleBad)
    {
        if (malformed.FileError is not null || malformed.GoodRows == 0 && malformed.Rejected.Count == 0) return malformed;
        var rejected = new Dictionary<long, string>(malformed.Rejected);
        foreach (var line in sampleBad) rejected.TryAdd(line, "");
        return malformed with { GoodRows = malformed.GoodRows - sampleBad.Count, Rejected = rejected };
    }

    /// <summary>A data line to break, by 1-based line number: never the header, the last line or a line already bad.</summary>
    private static long Pick(Random random, int lineCount, IReadOnlySet<long> sampleBad, int from = 2)
    {
        while (true)
            if (random.Next(from, lineCount) is var line && !sampleBad.Contains(line)) return line;
    }

    private static IEnumerable<MalformedCsv> CustomerCases(Random random, IReadOnlySet<long> sampleBad)
    {
        var lines = File.ReadAllText(Path.Combine(ChecksFolder, "sources", "samples", "platform-customers.csv"), Utf8)
            .TrimEnd('\n').Split('\n');
        var rows = lines.Length - 1;
        var last = lines.Length;
        long Pick() => MalformedCsvCases.Pick(random, last, sampleBad);
        MalformedCsv Case(string name, string[] text, int bad, params (long Line, string Reason)[] rejected) =>
            new(name, Customers, Utf8.GetBytes(string.Join('\n', text) + "\n"), rows - bad, rejected.ToDictionary(r => r.Line, r => r.Reason));
        string[] With(long line, Func<string, string> change) =>
            lines.Select((l, i) => i == line - 1 ? change(l) : l).ToArray();

        yield return new MalformedCsv("truncated last line", Customers, Utf8.GetBytes(string.Join('\n', lines[..^1]) + "\n" + lines[^1][..40]),
            rows - 1, new Dictionary<long, string> { [last] = "4 fields where 13 are expected" });
        yield return Case("unclosed quote on the last line", With(last, l => l.Replace(",Chauffage", ",\"Chauffage")), 1,
            (last, "fields where 13 are expected"));
        // Mid-file, the quote swallows the lines after it up to the next quote or the end: each is read again on its own.
        var unclosed = Pick();
        yield return Case("unclosed quote in the middle", With(unclosed, l => Field(l, 7, "\"Dupont")), 1,
            (unclosed, "a quote opened in this line is not closed"));
        var quoted = Pick();
        yield return Case("too many columns", With(quoted, l => l + ",surplus"), 1, (quoted, "14 fields where 13 are expected"));
        var short_ = Pick();
        yield return Case("too few columns", With(short_, l => l[..l.LastIndexOf(',')]), 1, (short_, "12 fields where 13 are expected"));
        var dated = Pick();
        yield return Case("a number where a date is expected", With(dated, l => Field(l, 11, "12345")), 1, (dated, "created_at"));
        var consent = Pick();
        yield return Case("a date where a yes/no is expected", With(consent, l => Field(l, 5, "2026-01-01")), 1, (consent, "newsletter"));
        var huge = Pick();
        yield return Case("a 1 MB field", With(huge, l => Field(l, 7, new string('x', 1 << 20))), 0);
        var empty = Pick();
        yield return Case("an empty key", With(empty, l => Field(l, 0, "")), 1, (empty, "the key is empty"));

        var invalid = (int)Pick();
        yield return new MalformedCsv("invalid UTF-8 bytes", Customers, Bytes(lines, invalid, Utf8,
            l => [.. Utf8.GetBytes(l[..l.LastIndexOf(',')]), .. ",Pa"u8, 0xC3, 0x28, .. "is"u8]),
            rows - 1, new Dictionary<long, string> { [invalid] = "bytes not valid utf-8 in column group" });
        // Line 2 has é and ß: saved from a windows-1252 editor they are single bytes UTF-8 cannot decode.
        yield return new MalformedCsv("windows-1252 bytes in a UTF-8 source", Customers, Bytes(lines, 2, Utf8, Windows1252.GetBytes),
            rows - 1, new Dictionary<long, string> { [2] = "bytes not valid utf-8" });
        yield return new MalformedCsv("a NUL byte", Customers, Bytes(lines, (int)Pick(), Utf8, l => [.. Utf8.GetBytes(l), 0]),
            0, new Dictionary<long, string>(), "contains NUL bytes");
        yield return new MalformedCsv("an empty file", Customers, [], 0, new Dictionary<long, string>(), "the file is empty");
        yield return new MalformedCsv("a header only", Customers, Utf8.GetBytes(lines[0] + "\n"), 0, new Dictionary<long, string>());
        yield return new MalformedCsv("a byte order mark", Customers, [0xEF, 0xBB, 0xBF, .. Utf8.GetBytes(string.Join('\n', lines) + "\n")],
            rows, new Dictionary<long, string>());
        var crlfBad = MalformedCsvCases.Pick(random, last, sampleBad, from: lines.Length / 2);
        var mixed = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
            mixed.Append(i == crlfBad - 1 ? lines[i] + ",surplus" : lines[i]).Append(i % 2 == 0 ? "\r\n" : "\n");
        yield return new MalformedCsv("CRLF and LF mixed", Customers, Utf8.GetBytes(mixed.ToString()), rows - 1,
            new Dictionary<long, string> { [crlfBad] = "14 fields where 13 are expected" });
        yield return new MalformedCsv("a mapped column missing from the header", Customers,
            Utf8.GetBytes(string.Join('\n', With(1, l => l.Replace("company", "firm"))) + "\n"), 0, new Dictionary<long, string>(),
            "column 'company'");
        yield return new MalformedCsv("another delimiter", Customers, Utf8.GetBytes(string.Join('\n', lines.Select(l => l.Replace(',', '\t'))) + "\n"),
            0, new Dictionary<long, string>(), "the header is a single column");
    }

    private static IEnumerable<MalformedCsv> InvoiceCases(Random random, IReadOnlySet<long> sampleBad)
    {
        var lines = File.ReadAllText(Path.Combine(ChecksFolder, "sources", "samples", "erp-invoice-lines-2026-11.csv"), Windows1252)
            .TrimEnd('\n').Split('\n');
        var rows = lines.Length - 1;
        long Pick() => MalformedCsvCases.Pick(random, lines.Length, sampleBad);
        MalformedCsv Case(string name, long line, Func<string, string> change, int bad, string? reason) =>
            new(name, Invoices, Windows1252.GetBytes(string.Join('\n', lines.Select((l, i) => i == line - 1 ? change(l) : l)) + "\n"),
                rows - bad, reason is null ? new Dictionary<long, string>() : new Dictionary<long, string> { [line] = reason });

        var date = Pick();
        yield return Case("a date where a number is expected", date, l => Field(l, 7, "10/10/2026", ';'), 1, "Quantité");
        var number = Pick();
        yield return Case("a number where a date is expected", number, l => Field(l, 1, "42", ';'), 1, "Date facture");
        var point = Pick();
        yield return Case("a decimal point where a comma is expected", point, l => Field(l, 8, "1.234,5", ';'), 1, "Prix unitaire HT");
        yield return Case("truncated last line", lines.Length, l => l[..30], 1, "fields where 11 are expected");
    }

    /// <summary>The line with field <paramref name="index"/> replaced (the samples quote no field these cases touch).</summary>
    private static string Field(string line, int index, string value, char delimiter = ',')
    {
        var fields = line.Split(delimiter);
        if (index >= fields.Length || fields.Any(f => f.StartsWith('"'))) return ReplaceQuoted(line, index, value, delimiter);
        fields[index] = value;
        return string.Join(delimiter, fields);
    }

    // One sample line quotes a field with a comma inside: count fields the way a CSV reader does.
    private static string ReplaceQuoted(string line, int index, string value, char delimiter)
    {
        var starts = new List<int> { 0 };
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"') quoted = !quoted;
            else if (line[i] == delimiter && !quoted) starts.Add(i + 1);
        }
        var end = index + 1 < starts.Count ? starts[index + 1] - 1 : line.Length;
        return line[..starts[index]] + value + line[end..];
    }

    private static byte[] Bytes(string[] lines, int line, Encoding encoding, Func<string, byte[]> change) =>
        lines.SelectMany((l, i) => (i == line - 1 ? change(l) : encoding.GetBytes(l)).Append((byte)'\n')).ToArray();

    private static Encoding CodePages(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }
}
