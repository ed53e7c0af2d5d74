using System.Text;
using System.Text.RegularExpressions;
using Monitoring.Checks;
using Xunit.Abstractions;

namespace Monitoring.IntegrationTests.Reliability;

/// <summary>
/// The repository's checks/ files, each mutated many ways (truncated at seeded random points, scalars replaced with
/// lists, maps and values of the wrong type, tabs, duplicate keys, a huge string, invalid UTF-8) and loaded through
/// <see cref="CheckSetLoader"/> and the schema validator of <c>monitoring validate</c>: never an exception, and every error names a file of the folder and a line, or is
/// about a whole file.
/// </summary>
public sealed partial class MalformedYamlTests(ITestOutputHelper output) : IDisposable
{
    private const int Seed = 20261123;
    private static readonly Encoding Utf8 = new UTF8Encoding(false);

    private static readonly string[] WrongScalars =
        ["-5", "0", "1e999", "99999999999999999999", "true", "null", "~", "'not a number'", "10 parsecs", "\"\\u0000\"", "*anchor", "!!binary AAAA"];

    private readonly TempFolder _folder = new();

    [GeneratedRegex(@"^(?<indent>\s*(- )?)(?<key>[A-Za-z_][\w-]*):[ ]+(?<value>[^#|>\s].*)$")]
    private static partial Regex KeyValueLine();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Every_mutation_of_every_checks_file_loads_to_checks_or_to_errors_with_file_and_line()
    {
        Copy(MalformedYamlTests.ChecksFolder, _folder.Checks);
        var files = Directory.EnumerateFiles(_folder.Checks, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var random = new Random(Seed);
        var failures = new List<string>();
        var (cases, rejected, fileLevel) = (0, 0, 0);

        foreach (var file in files)
        {
            var original = File.ReadAllBytes(file);
            var display = "checks/" + Path.GetRelativePath(_folder.Checks, file).Replace('\\', '/');
            foreach (var (name, bytes) in Mutations(Utf8.GetString(original), random))
            {
                cases++;
                File.WriteAllBytes(file, bytes);
                try
                {
                    var (_, loaded) = CheckSetLoader.Default(new Dictionary<string, string> { ["CHECKS_DIR"] = _folder.Checks }).Load(_folder.Checks);
                    // monitoring validate adds the JSON schema's view of each file: it must hold up as well.
                    var errors = loaded.Concat(Monitoring.Checks.Schemas.SchemaValidator.ValidateFolder(_folder.Checks)).ToList();
                    if (errors.Count > 0) rejected++;
                    fileLevel += errors.Count(e => e.Line == 0);
                    foreach (var error in errors)
                    {
                        if (!files.Any(f => error.File == "checks/" + Path.GetRelativePath(_folder.Checks, f).Replace('\\', '/')))
                            failures.Add($"{display} {name}: the error names no file of the folder: {error}");
                        else if (error.Line < 1 && error.Path.Length > 0)
                            failures.Add($"{display} {name}: an error about a field without a line: {error}");
                        else if (string.IsNullOrWhiteSpace(error.Message))
                            failures.Add($"{display} {name}: an error without a message: {error}");
                    }
                }
                catch (Exception e)
                {
                    failures.Add($"{display} {name}: the loader threw {e.GetType().Name}: {e.Message}{Environment.NewLine}{e.StackTrace?.Split('\n').FirstOrDefault(f => f.Contains("Monitoring.Checks") || f.Contains("Monitoring.Alerting"))}");
                }
            }
            File.WriteAllBytes(file, original);
        }

        output.WriteLine($"YAML: {cases} mutated files loaded ({files.Length} files), {rejected} rejected with errors, " +
                         $"{fileLevel} file-level error(s), {failures.Count} failure(s)");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(40)));
        Assert.True(rejected > cases / 2, $"only {rejected} of {cases} mutations were refused: the mutations do not reach the loader");
    }

    [Fact]
    public void An_unclosed_bracket_hidden_by_a_comment_is_an_error_with_its_file_and_line()
    {
        // Found by the mutations above: YamlDotNet failed with a bare InvalidOperationException, out of the loader.
        File.WriteAllText(Path.Combine(_folder.Checks, CheckSetLoader.SettingsFile),
            "time_zone: Europe/Paris\ndefaults:\n  interval: [30s   # how often\n  timeout: 5s\n");

        var (checks, errors) = CheckSetLoader.Default().Load(_folder.Checks);

        Assert.Null(checks);
        var error = Assert.Single(errors);
        Assert.Equal("checks/monitoring.yaml", error.File);
        Assert.True(error.Line >= 3, error.ToString());
        Assert.Contains("never closed", error.Message);
    }

    private static IEnumerable<(string Name, byte[] Bytes)> Mutations(string text, Random random)
    {
        var lines = text.Split('\n');
        var scalars = lines.Select((l, i) => (Line: l, Index: i)).Where(x => KeyValueLine().IsMatch(x.Line)).Select(x => x.Index).ToArray();
        byte[] Text(IEnumerable<string> changed) => Utf8.GetBytes(string.Join('\n', changed));
        byte[] Replace(int index, Func<Match, string> value) =>
            Text(lines.Select((l, i) => i != index ? l : KeyValueLine().Replace(l, m => $"{m.Groups["indent"].Value}{m.Groups["key"].Value}: {value(m)}")));

        for (var i = 0; i < 4; i++)
        {
            var cut = random.Next(1, text.Length);
            yield return ($"truncated at character {cut}", Utf8.GetBytes(text[..cut]));
        }
        yield return ("empty", []);
        yield return ("a scalar root", "just a sentence\n"u8.ToArray());
        yield return ("a list root", "- one\n- two\n"u8.ToArray());
        yield return ("two documents", Text([.. lines, "---", .. lines]));
        if (scalars.Length == 0) yield break;

        int Pick() => scalars[random.Next(scalars.Length)];
        for (var i = 0; i < 3; i++)
        {
            var at = Pick();
            yield return ($"a list for the scalar at line {at + 1}", Replace(at, m => $"[{m.Groups["value"].Value}, second]"));
            at = Pick();
            yield return ($"a map for the scalar at line {at + 1}", Replace(at, _ => "{ nested: 1, other: [2] }"));
            at = Pick();
            var wrong = WrongScalars[random.Next(WrongScalars.Length)];
            yield return ($"{wrong} for the scalar at line {at + 1}", Replace(at, _ => wrong));
        }
        var tab = Pick();
        yield return ($"a tab indenting line {tab + 1}", Text(lines.Select((l, i) => i == tab ? "\t" + l.TrimStart() : l)));
        var duplicate = Pick();
        yield return ($"line {duplicate + 1} twice", Text(lines.SelectMany((l, i) => i == duplicate ? new[] { l, l } : [l])));
        var huge = Pick();
        yield return ($"a 1 MB string at line {huge + 1}", Replace(huge, _ => new string('y', 1 << 20)));
        var invalid = Pick();
        yield return ($"invalid UTF-8 at line {invalid + 1}", lines.SelectMany((l, i) =>
            (i == invalid ? [.. Utf8.GetBytes(l), 0xFF, 0xFE, 0xC3, 0x28] : Utf8.GetBytes(l)).Append((byte)'\n')).ToArray());
        var undefined = Pick();
        yield return ($"an undefined variable at line {undefined + 1}", Replace(undefined, _ => "${NOT_DEFINED_ANYWHERE}"));
    }

    private static string ChecksFolder => MalformedCsvCases.ChecksFolder;

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
