using System.CommandLine;
using System.Text.RegularExpressions;
using Monitoring.Checks.Schemas;
using Monitoring.Cli;
using Monitoring.Kpis;
using Monitoring.Metrics;
using Monitoring.Quality;
using Prometheus;

namespace Monitoring.Tests.Docs;

/// <summary>
/// The README is the manual: each test fails when it misses something the code defines (a configuration key and its
/// default, a metric with its type and labels, a KPI's definition, a quality rule kind and its settings, a verb and
/// its options, a key of a checks/ file or one its readers read), naming every gap at once.
/// </summary>
public sealed partial class ReadmeIsCompleteTests
{
    private static readonly ReadmeDocument Readme = ReadmeDocument.Load();

    [Fact]
    public void Documents_every_configuration_key_with_its_default()
    {
        Assert.Empty(ConfigurationKeys.Unplaced().Select(t => $"{t.FullName}: an options class bound from which section?"));
        var rows = RowsByCode(Readme.Section("## Service configuration"), key => key.StartsWith("Monitoring:", StringComparison.Ordinal));

        var gaps = new List<string>();
        foreach (var key in ConfigurationKeys.All())
        {
            if (!rows.TryGetValue(key.Name, out var row))
                gaps.Add($"{key.Name}: not in a table of '## Service configuration'");
            else if (key.Default is { } value && !ReadmeDocument.CodeSpans(row.ElementAtOrDefault(1) ?? "").Contains(value))
                gaps.Add($"{key.Name}: the default column should say `{value}`, it says '{row.ElementAtOrDefault(1)}'");
        }
        Assert.True(gaps.Count == 0, string.Join('\n', gaps));
    }

    [Fact]
    public void Documents_every_metric_with_its_type_and_labels()
    {
        var metrics = new MonitoringMetrics(Prometheus.Metrics.NewCustomRegistry());
        var collectors = typeof(MonitoringMetrics).GetProperties()
            .Where(p => typeof(Collector).IsAssignableFrom(p.PropertyType))
            .Select(p => (Collector)p.GetValue(metrics)!)
            .ToList();
        Assert.True(collectors.Count >= 30, $"only {collectors.Count} metrics found on MonitoringMetrics");
        var rows = RowsByCode(Readme.Section("## Metrics"), name => name.StartsWith("shopmon_", StringComparison.Ordinal));

        var gaps = new List<string>();
        foreach (var collector in collectors)
        {
            var type = collector switch { Counter => "counter", Histogram => "histogram", Summary => "summary", _ => "gauge" };
            if (!rows.TryGetValue(collector.Name, out var row))
            {
                gaps.Add($"{collector.Name}: no row in a table of '## Metrics'");
                continue;
            }
            if (row.ElementAtOrDefault(1) != type) gaps.Add($"{collector.Name}: type should be '{type}', the README says '{row.ElementAtOrDefault(1)}'");
            var labels = LabelNames(row.ElementAtOrDefault(2) ?? "");
            if (!labels.SetEquals(collector.LabelNames))
                gaps.Add($"{collector.Name}: labels should be '{string.Join(", ", collector.LabelNames)}', the README says '{row.ElementAtOrDefault(2)}'");
        }
        Assert.True(gaps.Count == 0, string.Join('\n', gaps));
    }

    [Fact]
    public void Defines_every_kpi_as_the_catalogue_does()
    {
        var expected = KpiTable.Markdown();
        var written = Readme.Between("kpi-definitions");
        Assert.True(written == expected,
            "The README's KPI table (between <!-- kpi-definitions:begin --> and <!-- kpi-definitions:end -->) differs from " +
            "KpiCatalog. Replace it with:\n\n" + expected);
        foreach (var kpi in KpiCatalog.All) Assert.Contains($"| `{kpi.Id}` |", written);
    }

    [Fact]
    public void Documents_every_quality_rule_kind_with_its_settings()
    {
        var rows = RowsByCode(Readme.Section("## Data quality"), name => QualityRuleKinds.All.Any(k => k.Name == name));
        var gaps = new List<string>();
        foreach (var kind in QualityRuleKinds.All)
        {
            if (!rows.TryGetValue(kind.Name, out var row))
            {
                gaps.Add($"{kind.Name}: no row in a table of '## Data quality'");
                continue;
            }
            var text = string.Join(" | ", row);
            var spans = ReadmeDocument.CodeSpans(text).ToHashSet(StringComparer.Ordinal);
            if (!spans.Contains(QualityNames.Name(kind.DefaultDimension)))
                gaps.Add($"{kind.Name}: the row should name its default dimension `{QualityNames.Name(kind.DefaultDimension)}`");
            if (!spans.Contains(kind.DefaultMessage)) gaps.Add($"{kind.Name}: the row should give its default message `{kind.DefaultMessage}`");
            foreach (var setting in RuleSettingsOf(kind.Name).Where(s => !spans.Contains(s)))
                gaps.Add($"{kind.Name}: setting `{setting}` is not in its row");
        }
        Assert.True(gaps.Count == 0, string.Join('\n', gaps));
    }

    [Fact]
    public void Documents_every_verb_and_its_options()
    {
        var rows = ReadmeDocument.TableRows(Readme.Section("## The executable"));
        var gaps = new List<string>();
        foreach (var (verb, command) in Verbs(CommandLine.CreateRoot(), ""))
        {
            var row = rows.FirstOrDefault(r => ReadmeDocument.CodeSpans(r[0]).Any(s => s == verb || s.StartsWith(verb + " ", StringComparison.Ordinal)));
            if (row is null)
            {
                gaps.Add($"verb '{verb}': no row in the table of '## The executable'");
                continue;
            }
            foreach (var option in command.Options.Select(o => o.Name).Where(n => n is not ("--help" or "--version")))
                if (!row[0].Contains(option, StringComparison.Ordinal)) gaps.Add($"verb '{verb}': option {option} is not in its row");
        }
        Assert.True(gaps.Count == 0, string.Join('\n', gaps));
    }

    [Fact]
    public void Documents_every_key_of_every_kind_of_checks_file()
    {
        var gaps = new List<string>();
        foreach (var (name, files) in CheckSchemas.Names)
        {
            var heading = $"### {(files.EndsWith('/') ? files + "*.yaml" : files)} keys";
            var section = Readme.Section(heading);
            var spans = ReadmeDocument.CodeSpans(section).Select(s => s.Replace("[]", "")).ToHashSet(StringComparer.Ordinal);
            foreach (var path in SchemaKeys.Of(name))
                if (!spans.Contains(path) && (SchemaKeys.Relative(path) is not { } relative || !spans.Contains(relative))
                    && !InEntityRow(section, path))
                    gaps.Add($"{files}: key `{path}` is not under '{heading}'");
        }
        Assert.True(gaps.Count == 0, string.Join('\n', gaps));
    }

    /// <summary>
    /// A source's entity fields (<c>sources.entities.account.vat_number</c>) are listed in one row per entity
    /// (<c>| `entities.account` | `id`, `name`, … |</c>): 18 entities of a dozen fields each read better that way.
    /// </summary>
    private static bool InEntityRow(string section, string path)
    {
        if (Regex.Match(path, @"^sources\.entities\.(?<entity>[a-z_]+)\.(?<rest>.+)$") is not { Success: true } match) return false;
        var row = section.Split('\n').FirstOrDefault(l => l.StartsWith($"| `entities.{match.Groups["entity"].Value}` |", StringComparison.Ordinal));
        return row is not null && row.Contains($"`{match.Groups["rest"].Value}`", StringComparison.Ordinal);
    }

    [Fact]
    public void Names_every_key_the_readers_of_checks_read()
    {
        // The schemas leave some settings open (a probe's expect, a step's request, a rule's kind settings): their
        // readers know them. Every key a reader asks a YAML node for must be written as code somewhere in the README.
        var source = Path.Combine(RepositoryRoot.Find(), "src", "Monitoring");
        var readers = new[] { "Probes", "Scenarios", Path.Combine("Shop", "Sources"), "Checks", "Incidents", "Alerting", "Kpis", "Quality" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(source, folder), "*.cs", SearchOption.AllDirectories));
        var keys = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in readers)
        {
            var text = File.ReadAllText(file);
            foreach (Match match in NodeRead().Matches(text).Concat(HelperRead().Matches(text)))
                keys.TryAdd(match.Groups["key"].Value, Path.GetRelativePath(source, file));
        }
        foreach (var action in Monitoring.Scenarios.Browser.BrowserAction.Keys) keys.TryAdd(action, "Scenarios/Browser/BrowserAction.cs");
        foreach (var op in Monitoring.Probes.Http.JsonExpectation.Operators) keys.TryAdd(op, "Probes/Http/JsonExpectation.cs");
        Assert.True(keys.Count >= 100, $"only {keys.Count} keys found in the readers: has the reading code changed shape?");

        var prose = Fence().Replace(Readme.Text, "");
        var words = ReadmeDocument.CodeSpans(prose).SelectMany(span => Word().Matches(span).Select(m => m.Value)).ToHashSet(StringComparer.Ordinal);
        var missing = keys.Where(k => !words.Contains(k.Key)).Select(k => $"`{k.Key}` (read in {k.Value}) is nowhere in the README's code").ToList();
        Assert.True(missing.Count == 0, string.Join('\n', missing));
    }

    [Fact]
    public void The_checks_of_this_test_see_a_gap()
    {
        // The parsing the tests above rely on: a key missing from a table is missing, an escaped bar splits nothing.
        var readme = ReadmeDocument.Of("## Metrics\n\n| metric | type | labels |\n|---|---|---|\n| `shopmon_a` | gauge | probe, result=`a`\\|`b` |\n## Next\n| `shopmon_b` | gauge | — |");
        var rows = RowsByCode(readme.Section("## Metrics"), n => n.StartsWith("shopmon_", StringComparison.Ordinal));
        Assert.Equal(["shopmon_a"], rows.Keys);
        Assert.Equal(["probe", "result"], LabelNames(rows["shopmon_a"][2]).Order());
        Assert.Empty(LabelNames("—"));
    }

    /// <summary>Each table row of a section by the code spans of its first cell that pass <paramref name="filter"/>.</summary>
    private static Dictionary<string, IReadOnlyList<string>> RowsByCode(string section, Func<string, bool> filter)
    {
        var rows = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var row in ReadmeDocument.TableRows(section))
        foreach (var code in ReadmeDocument.CodeSpans(row[0]).Where(filter))
            rows.TryAdd(code, row);
        return rows;
    }

    /// <summary>"probe, result=`pass`|`fail`" → probe, result; "—" → none.</summary>
    private static HashSet<string> LabelNames(string cell) =>
        cell.Trim() is "—" or "" ? [] : cell.Split(',').Select(l => l.Split('=')[0].Trim().Trim('`')).Where(l => l.Length > 0).ToHashSet();

    private static IEnumerable<(string Verb, Command Command)> Verbs(Command parent, string prefix)
    {
        foreach (var command in parent.Subcommands)
        {
            var verb = prefix + command.Name;
            yield return (verb, command);
            foreach (var sub in Verbs(command, verb + " ")) yield return sub;
        }
    }

    /// <summary>
    /// The settings a rule kind reads, taken from its source file in src/Monitoring/Quality/Rules/ (the reader's calls
    /// such as <c>s.Field("country_field", …)</c>), since the settings exist only as the reader's code.
    /// </summary>
    private static IReadOnlyList<string> RuleSettingsOf(string kind)
    {
        var folder = Path.Combine(RepositoryRoot.Find(), "src", "Monitoring", "Quality", "Rules");
        var source = Directory.GetFiles(folder, "*.cs").Select(File.ReadAllText).Single(t => t.Contains($"new(\"{kind}\"", StringComparison.Ordinal));
        var settings = SettingRead().Matches(source).Select(m => m.Groups["key"].Value).ToList();
        if (source.Contains("RequiredRule.FieldsOf", StringComparison.Ordinal) || kind == "required") settings.AddRange(["field", "fields"]);
        return settings.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>A YAML node asked for a key: <c>node.Child("expect")</c>, <c>expect.Duration("max_latency")</c>.</summary>
    [GeneratedRegex(@"\b\w+\??\.(?:Child|String|RequiredString|Int|Bool|Duration|Items|RequiredChild|Decimal|Double|Long|AsInt|Strings|Field|Fields|Pattern)\(""(?<key>[a-z_]+)""")]
    private static partial Regex NodeRead();

    /// <summary>A helper given a node and a key: <c>Texts(expect, "body_contains")</c>, <c>ReadEscaped(node, "send", …)</c>.</summary>
    [GeneratedRegex(@"\w+\(\s*(?:node|expect|child|item|settings|s|step|request|capture|spec)\s*,\s*""(?<key>[a-z_]+)""")]
    private static partial Regex HelperRead();

    [GeneratedRegex("(?s)```.*?```")]
    private static partial Regex Fence();

    [GeneratedRegex("[a-z_]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"\b(?:s|s\.Node|item)\.(?:Field|Fields|Decimal|Int|Bool|Strings|Pattern|String|RequiredString|Duration|Child|Items|RequiredChild)\(""(?<key>[a-z_]+)""")]
    private static partial Regex SettingRead();
}
