using System.Text.RegularExpressions;
using Monitoring.Checks;
using Monitoring.Checks.Schemas;
using Monitoring.Quality;
using Monitoring.Shop.Model;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Monitoring.Tests.Checks.Schemas;

/// <summary>
/// The schemas agree with the readers: for each nested part the loader refuses unknown keys of, the keys the reader
/// reads (the "known keys" of its unknown-key error) are exactly the properties the schema lists there, so that a key
/// added to a reader without its schema (or the other way round) fails here.
/// </summary>
public sealed partial class SchemaAgreementTests
{
    private const string Unknown = "zqxwv_unknown";

    /// <summary>File, YAML with <see cref="Unknown"/> in the part, schema, definition of the part.</summary>
    public static TheoryData<string, string, string, string> Parts => new()
    {
        { "probes/p.yaml", $"probes:\n  - id: a\n    kind: http\n    url: http://shop/\n    expect: {{ {Unknown}: 1 }}\n", "probes", "http_expect" },
        { "probes/p.yaml", $"probes:\n  - id: a\n    kind: tcp\n    target: shop:25\n    expect: {{ {Unknown}: 1 }}\n", "probes", "tcp_expect" },
        { "probes/p.yaml", $"probes:\n  - id: a\n    kind: tls\n    target: shop:443\n    expect: {{ {Unknown}: 1 }}\n", "probes", "tls_expect" },
        { "probes/p.yaml", $"probes:\n  - id: a\n    kind: dns\n    name: shop.example\n    expect: {{ {Unknown}: 1 }}\n", "probes", "dns_expect" },
        { "probes/p.yaml", $"probes:\n  - id: a\n    kind: http\n    url: http://shop/\n    expect: {{ latency: {{ {Unknown}: 1 }} }}\n", "probes", "latency" },
        { "probes/p.yaml", $"probes:\n  - id: a\n    kind: http\n    url: http://shop/\n    expect: {{ json: {{ path: $.a, equals: 1, {Unknown}: 1 }} }}\n", "probes", "json_expectation" },
        { "scenarios/s.yaml", $"scenarios:\n  - id: a\n    steps:\n      - {{ name: home, request: {{ url: http://shop/ }}, {Unknown}: 1 }}\n", "scenarios", "http_step" },
        { "scenarios/s.yaml", $"scenarios:\n  - id: a\n    steps:\n      - {{ name: home, request: {{ url: http://shop/, {Unknown}: 1 }} }}\n", "scenarios", "step_request" },
        { "scenarios/s.yaml", $"scenarios:\n  - id: a\n    steps:\n      - {{ name: home, request: {{ url: http://shop/ }}, expect: {{ {Unknown}: 1 }} }}\n", "scenarios", "step_expect" },
        { "scenarios/s.yaml", $"scenarios:\n  - id: a\n    steps:\n      - {{ name: home, request: {{ url: http://shop/ }}, expect: {{ html: {{ css: h1, {Unknown}: 1 }} }} }}\n", "scenarios", "html_expectation" },
        { "scenarios/s.yaml", $"scenarios:\n  - id: a\n    steps:\n      - {{ name: home, request: {{ url: http://shop/, graphql: {{ query: q, {Unknown}: 1 }} }} }}\n", "scenarios", "step_request.graphql" },
        { "scenarios/s.yaml", $"scenarios:\n  - id: a\n    browser: true\n    steps:\n      - {{ name: home, open: http://shop/, {Unknown}: 1 }}\n", "scenarios", "browser_step" },
        { "scenarios/s.yaml", $"scenarios:\n  - id: a\n    browser: true\n    steps:\n      - {{ name: home, open: http://shop/, expect: {{ css: h1, {Unknown}: 1 }} }}\n", "scenarios", "browser_step.expect" },
        { "sources/s.yaml", $"sources:\n  - id: a\n    kind: sql\n    connection: Host=db\n    entities:\n      product: {{ query: select 1, {Unknown}: 1 }}\n", "sources", "sql_product" },
    };

    /// <summary>Keys a reader looks at only to refuse them with a reason (a browser step's request): not in the schema.</summary>
    private static readonly Dictionary<string, string[]> ReadToRefuse = new() { ["browser_step"] = ["request"] };

    [Theory]
    [MemberData(nameof(Parts))]
    public void The_keys_a_reader_reads_are_the_keys_its_schema_lists(string file, string yaml, string schema, string definition)
    {
        var read = KnownKeys(file, yaml);
        read.ExceptWith(ReadToRefuse.GetValueOrDefault(definition) ?? []);
        Assert.Equal(string.Join(", ", read), string.Join(", ", SchemaKeys(schema, definition)));
    }

    [Fact]
    public void A_capture_reads_the_keys_its_schema_lists()
    {
        // A capture reads its one source first, so its known keys are that source's and secret: compare kind by kind.
        var schemaKeys = SchemaKeys("scenarios", "captures.additionalProperties");
        var read = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var source in new[] { "json: $.a", "regex: a", "css: h1", "header: x", "cookie: c" })
            read.UnionWith(KnownKeys("scenarios/s.yaml",
                $"scenarios:\n  - id: a\n    steps:\n      - {{ name: home, request: {{ url: http://shop/ }}, capture: {{ v: {{ {source}, {Unknown}: 1 }} }} }}\n"));
        Assert.Equal(read, schemaKeys);
    }

    [Fact]
    public void Every_entity_of_the_model_and_every_field_are_in_the_sources_schema_with_the_keys_required()
    {
        var definitions = Definitions("sources");
        foreach (var entity in ShopModel.Entities)
        {
            var csv = (JObject)definitions[$"csv_{entity.Name}"]!;
            Assert.Equal(entity.Fields.Select(f => f.Name).Append("when").Order(StringComparer.Ordinal),
                ((JObject)csv["properties"]!).Properties().Select(p => p.Name).Order(StringComparer.Ordinal));
            Assert.Equal(entity.Keys.Select(k => k.Name), csv["required"]!.Values<string>());
            var map = (JObject)definitions[$"sql_{entity.Name}"]!["properties"]!["map"]!["properties"]!;
            Assert.Equal(entity.Fields.Select(f => f.Name), map.Properties().Select(p => p.Name));
        }
        Assert.Equal(ShopModel.Entities.Select(e => e.Name), ((JObject)definitions["csv_entities"]!["properties"]!).Properties().Select(p => p.Name));
    }

    /// <summary>Per kind: an entity the kind's defaults exist on, and the settings it needs to read all its keys.</summary>
    private static readonly Dictionary<string, (string Entity, string Settings)> RuleKinds = new()
    {
        ["required"] = ("product", "field: name"),
        ["length"] = ("product", "field: description, min: 1"),
        ["regex"] = ("product", "field: sku, pattern: x"),
        ["allowed_values"] = ("product", "field: status, values: [a]"),
        ["range"] = ("product", "field: list_price, min: 0"),
        ["comparison"] = ("product", "left: list_price, right: unit_cost, op: '>'"),
        ["tier_prices"] = ("product", ""),
        ["gtin"] = ("product", ""),
        ["vat_number"] = ("account", ""),
        ["email"] = ("contact", ""),
        ["phone"] = ("contact", ""),
        ["postcode"] = ("address", ""),
        ["unique"] = ("product", "field: sku"),
        ["near_duplicate_name"] = ("account", ""),
        ["reference"] = ("product", "field: status, values: [a]"),
        ["freshness"] = ("product", "max_age: 1d"),
        ["translations"] = ("product", "locales: [fr]"),
        ["consent"] = ("contact", ""),
        ["image_present"] = ("product", ""),
        ["image_dimensions"] = ("media", ""),
        ["file_size"] = ("media", "max_bytes: 1"),
        ["alt_text"] = ("media", ""),
        ["shared_image"] = ("media", ""),
        ["unused_media"] = ("media", "set: product"),
        ["media_reachable"] = ("media", ""),
    };

    [Fact]
    public void Every_quality_rule_kind_reads_the_settings_its_schema_lists()
    {
        Assert.Equal(QualityRuleKinds.All.Select(k => k.Name).Order(StringComparer.Ordinal), RuleKinds.Keys.Order(StringComparer.Ordinal));
        var wrong = new List<string>();
        foreach (var (kind, (entity, settings)) in RuleKinds)
        {
            var extra = settings.Length == 0 ? "" : settings + ", ";
            var read = KnownKeys("quality/q.yaml",
                $"rules:\n  - {{ id: r, entity: {entity}, kind: {kind}, severity: major, {extra}{Unknown}: 1 }}\n");
            var listed = SchemaKeys("quality", $"{kind}_rule");
            if (!read.SetEquals(listed))
                wrong.Add($"{kind}: reader {string.Join(",", read)} / schema {string.Join(",", listed)}");
        }
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [GeneratedRegex(@"unknown key \(known keys: ([^)]*)\)")]
    private static partial Regex KnownKeysMessage();

    /// <summary>The keys the reader read where <see cref="Unknown"/> is, from its unknown-key error.</summary>
    private static SortedSet<string> KnownKeys(string file, string yaml)
    {
        using var folder = new TempChecksFolder((file, yaml));
        var (_, errors) = CheckSetLoader.Default().Load(folder.Checks);
        var error = errors.Select(e => e.ToString()).FirstOrDefault(e => e.Contains(Unknown, StringComparison.Ordinal));
        Assert.True(error is not null, $"no unknown-key error for {yaml}: {string.Join("; ", errors)}");
        var match = KnownKeysMessage().Match(error);
        Assert.True(match.Success, error);
        return new SortedSet<string>(match.Groups[1].Value.Split(", "), StringComparer.Ordinal);
    }

    /// <summary>The properties of a definition, or of a path into it (<c>step_request.graphql</c>).</summary>
    private static SortedSet<string> SchemaKeys(string schema, string path)
    {
        JToken node = Definitions(schema);
        foreach (var part in path.Split('.'))
            node = node[part] ?? node["properties"]?[part] ?? throw new InvalidOperationException($"{schema}: no {part} in {path}");
        return new SortedSet<string>(((JObject)node["properties"]!).Properties().Select(p => p.Name), StringComparer.Ordinal);
    }

    private static JObject Definitions(string schema) => (JObject)JObject.Parse(CheckSchemas.Text(schema)!)["definitions"]!;
}
