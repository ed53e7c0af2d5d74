using Monitoring.Quality;
using static Monitoring.Tests.Quality.QualityTestKit;

namespace Monitoring.Tests.Quality;

public class QualityRuleReaderTests
{
    [Theory]
    [InlineData(QualityExamples.Catalogue, 10)]
    [InlineData(QualityExamples.Customers, 10)]
    [InlineData(QualityExamples.Media, 7)]
    public void Reads_the_example_file_of_each_domain_without_errors(string yaml, int rules)
    {
        var (read, errors) = Read(yaml);
        Assert.Empty(errors);
        Assert.Equal(rules, read.Count);
    }

    [Fact]
    public void Fills_defaults_from_the_severity_and_the_kind()
    {
        var rule = Assert.Single(Read("rules:\n  - id: g\n    entity: product\n    kind: gtin\n    severity: blocker\n").Rules);
        Assert.Equal(10, rule.Weight);
        Assert.Equal(QualityDimension.Validity, rule.Dimension);
        Assert.Equal("GTIN '{value}' is not valid: {detail}", rule.Message);
        Assert.Equal("catalogue", rule.Domain);
        Assert.Equal("checks/quality/t.yaml:2", rule.DeclaredAt);
    }

    [Fact]
    public void Keeps_a_declared_weight_dimension_and_message()
    {
        var rule = Rule("product", "kind: required\nfield: brand\nweight: 2.5\ndimension: enrichment\nmessage: 'no {field} on {key}'");
        Assert.Equal((2.5, QualityDimension.Enrichment, "no {field} on {key}"), (rule.Weight, rule.Dimension, rule.Message));
    }

    // Each row: a rule's lines (after id) and the error expected at file:line path.
    [Theory]
    [InlineData("entity: produit\n    kind: gtin\n    severity: major", "checks/quality/t.yaml:3 rules[0].entity: 'produit' is not a quality entity")]
    [InlineData("entity: product\n    kind: isbn\n    severity: major", "checks/quality/t.yaml:4 rules[0].kind: 'isbn' is not a quality rule kind")]
    [InlineData("entity: product\n    kind: gtin", "checks/quality/t.yaml:2 rules[0].severity: required")]
    [InlineData("entity: product\n    kind: gtin\n    severity: critical", "checks/quality/t.yaml:5 rules[0].severity: 'critical' is not a severity (known: info, minor, major, blocker)")]
    [InlineData("entity: product\n    kind: gtin\n    severity: major\n    dimension: accuracy", "checks/quality/t.yaml:6 rules[0].dimension: 'accuracy' is not a dimension")]
    [InlineData("entity: product\n    kind: gtin\n    severity: major\n    weight: -1", "checks/quality/t.yaml:6 rules[0].weight: '-1' is not a weight")]
    [InlineData("entity: product\n    kind: gtin\n    severity: major\n    colour: red", "checks/quality/t.yaml:6 rules[0].colour: unknown key")]
    [InlineData("entity: product\n    kind: gtin\n    severity: major\n    field: ean", "checks/quality/t.yaml:6 rules[0].field: field: 'ean' is not a field of product")]
    [InlineData("entity: product\n    kind: gtin\n    severity: major\n    when: {statut: active}", "checks/quality/t.yaml:6 rules[0].when.statut: 'statut' is not a field of product")]
    [InlineData("entity: product\n    kind: gtin\n    severity: major\n    message: 'bad {valeur}'", "checks/quality/t.yaml:6 rules[0].message: unknown placeholder {valeur}")]
    [InlineData("entity: product\n    kind: regex\n    severity: major\n    field: name\n    pattern: '(['", "checks/quality/t.yaml:7 rules[0].pattern: '([' is not a valid regular expression")]
    [InlineData("entity: product\n    kind: length\n    severity: major\n    field: name", "checks/quality/t.yaml:2 rules[0]: set min, max or both")]
    [InlineData("entity: product\n    kind: freshness\n    severity: major\n    max_age: soon", "checks/quality/t.yaml:6 rules[0].max_age: 'soon' is not a duration")]
    [InlineData("entity: product\n    kind: comparison\n    severity: major\n    left: list_price\n    op: '=>'\n    right: unit_cost", "checks/quality/t.yaml:7 rules[0].op: '=>' is not an operator")]
    [InlineData("entity: contact\n    kind: phone\n    severity: major\n    default_region: XX", "checks/quality/t.yaml:6 rules[0].default_region: 'XX' is not a region libphonenumber knows")]
    [InlineData("entity: product\n    kind: unique\n    severity: major\n    field: gtin\n    normalize: soundex", "checks/quality/t.yaml:7 rules[0].normalize: 'soundex' is not a normalisation")]
    public void Reports_each_error_at_its_file_line_and_path(string lines, string expected)
    {
        var (rules, errors) = Read($"rules:\n  - id: r1\n    {lines}\n");
        Assert.Empty(rules);
        Assert.Contains(errors, e => e.ToString().StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Rejects_a_bad_id_and_unknown_top_level_keys()
    {
        var (_, errors) = Read("rule:\n  - id: x\nrules:\n  - id: Product GTIN\n    entity: product\n    kind: gtin\n    severity: major\n");
        Assert.Contains(errors, e => e.ToString() == "checks/quality/t.yaml:1 rule: unknown key (did you mean 'rules'?)");
        Assert.Contains(errors, e => e.ToString().StartsWith("checks/quality/t.yaml:4 rules[0].id: 'Product GTIN' is not a valid rule id", StringComparison.Ordinal));
    }

    [Fact]
    public void Reports_an_id_declared_in_two_files()
    {
        var (first, _) = Read("rules:\n  - id: dup\n    entity: product\n    kind: gtin\n    severity: major\n");
        var (second, _) = Read("\n\nrules:\n  - id: dup\n    entity: media\n    kind: alt_text\n    severity: minor\n");
        var diagnostics = new Monitoring.Checks.ConfigDiagnostics();
        QualityRuleReader.ReportDuplicateIds([.. first, .. second], diagnostics);
        var error = Assert.Single(diagnostics.Errors);
        Assert.Equal("checks/quality/t.yaml:4 rules.id: duplicate quality rule id 'dup' (first declared at checks/quality/t.yaml:2)", error.ToString());
    }
}
