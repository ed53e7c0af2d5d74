using System.Text.RegularExpressions;
using Monitoring.Checks.Schemas;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Monitoring.Tests.Checks.Schemas;

/// <summary>The schemas themselves: well-formed draft-07 documents whose every property explains itself to an editor.</summary>
public sealed class CheckSchemasTests
{
    public static TheoryData<string> Names => new(CheckSchemas.Names.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Is_a_draft_07_schema_that_parses(string name)
    {
        var text = CheckSchemas.Text(name);
        Assert.NotNull(text);
        var json = JObject.Parse(text);
        Assert.Equal("http://json-schema.org/draft-07/schema#", (string?)json["$schema"]);
        var schema = CheckSchemas.Schema(name);
        Assert.Equal(JsonObjectTypeOf("object"), schema.Type);
        Assert.NotEmpty(schema.Properties);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_property_has_a_description_and_every_pattern_compiles(string name)
    {
        var json = JObject.Parse(CheckSchemas.Text(name)!);
        var missing = new List<string>();
        foreach (var properties in json.Descendants().OfType<JProperty>().Where(p => p.Name == "properties").Select(p => (JObject)p.Value))
            foreach (var property in properties.Properties())
                // The conditions of if/then name a key without describing it again.
                if (property.Value["description"] is null && !property.Path.Contains(".if.")) missing.Add(property.Path);
        Assert.Empty(missing);
        // A key named pattern (the regex rule's setting) is a property, not a pattern: only text values are patterns.
        foreach (var pattern in json.Descendants().OfType<JProperty>().Where(p => p.Name == "pattern" && p.Value.Type == JTokenType.String))
            _ = new Regex((string)pattern.Value!);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_default_is_valid_against_its_own_property(string name)
    {
        var schema = CheckSchemas.Schema(name);
        var checkedDefaults = 0;
        foreach (var property in AllProperties(schema))
        {
            if (property.Default is null) continue;
            var value = property.Default is JToken token ? token : JToken.FromObject(property.Default);
            Assert.True(property.Validate(value).Count == 0, $"{name}: default {value} of {property.Name}");
            checkedDefaults++;
        }
        Assert.True(checkedDefaults > 0 || name == "kpi-targets", $"{name} has no defaults");
    }

    [Fact]
    public void Each_kind_of_file_has_its_schema()
    {
        Assert.Equal("monitoring", CheckSchemas.NameFor("monitoring.yaml"));
        Assert.Equal("alerts", CheckSchemas.NameFor("alerts.yaml"));
        Assert.Equal("probes", CheckSchemas.NameFor("probes/storefront.yaml"));
        Assert.Equal("scenarios", CheckSchemas.NameFor("scenarios/demo-shop.yaml"));
        Assert.Equal("sources", CheckSchemas.NameFor("sources/erp-invoices.yaml"));
        Assert.Equal("quality", CheckSchemas.NameFor("quality/media.yaml"));
        Assert.Equal("kpi-targets", CheckSchemas.NameFor("kpis/targets.yaml"));
        Assert.Null(CheckSchemas.NameFor("notes.yaml"));
        Assert.Null(CheckSchemas.Text("nope"));
    }

    private static NJsonSchema.JsonObjectType JsonObjectTypeOf(string _) => NJsonSchema.JsonObjectType.Object;

    private static IEnumerable<NJsonSchema.JsonSchemaProperty> AllProperties(NJsonSchema.JsonSchema root)
    {
        var seen = new HashSet<NJsonSchema.JsonSchema>();
        var queue = new Queue<NJsonSchema.JsonSchema>([root]);
        while (queue.Count > 0)
        {
            var schema = queue.Dequeue();
            if (!seen.Add(schema)) continue;
            foreach (var property in schema.Properties.Values)
            {
                yield return property;
                queue.Enqueue(property);
            }
            foreach (var child in schema.AnyOf.Concat(schema.AllOf).Concat(schema.OneOf))
                queue.Enqueue(child);
            if (schema.Item is { } item) queue.Enqueue(item);
            if (schema.AdditionalPropertiesSchema is { } additional) queue.Enqueue(additional);
        }
    }
}
