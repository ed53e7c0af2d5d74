using Monitoring.Quality;
using static Monitoring.Tests.Quality.QualityTestKit;

namespace Monitoring.Tests.Quality;

public class QualityEvaluatorTests
{
    [Theory]
    [InlineData("when: {status: active}", "active", Expect.Fail)]
    [InlineData("when: {status: active}", "draft", Expect.NotApplicable)]
    [InlineData("when: {status: active}", null, Expect.NotApplicable)]
    [InlineData("when: {status: [active, draft]}", "draft", Expect.Fail)]
    [InlineData("when: {status: {not: archived}}", "active", Expect.Fail)]
    [InlineData("when: {status: {not: archived}}", null, Expect.Fail)]
    [InlineData("when: {status: {not: archived}}", "archived", Expect.NotApplicable)]
    [InlineData("when: {status: {present: true}}", null, Expect.NotApplicable)]
    [InlineData("when: [{status: active}, {brand: {present: false}}]", "active", Expect.Fail)]
    public void Applies_a_rule_only_where_its_condition_holds(string when, string? status, Expect expected) =>
        Assert1(Rule("product", $"kind: required\nfield: gtin\n{when}"), Product(("status", status), ("gtin", null)), expected);

    [Fact]
    public void Fills_the_message_and_prioritises_by_revenue()
    {
        var rule = Rule("product", "kind: gtin\nmessage: '{key}: {field} {value} ({detail})'\nfix: ask GS1\nteam: catalogue", "blocker");
        var record = Product(("gtin", "4006381333932")) with { Revenue90d = 999m };
        var finding = Assert1(rule, record, Expect.Fail)!.Finding!;

        Assert.Equal("SKU-1: gtin 4006381333932 (check digit should be 1)", finding.Message);
        Assert.Equal((QualitySeverity.Blocker, QualityDimension.Validity, "ask GS1", "catalogue"), (finding.Severity, finding.Dimension, finding.Fix, finding.Team));
        Assert.Equal(10 * 1000, finding.Priority); // blocker weight × (revenue + 1)
    }

    [Fact]
    public void Fingerprints_the_evidence_not_the_wording()
    {
        var a = Assert1(Rule("product", "kind: gtin\nmessage: one"), Product(("gtin", "4006381333932")), Expect.Fail)!.Finding!;
        var b = Assert1(Rule("product", "kind: gtin\nmessage: two"), Product(("gtin", "4006381333932")), Expect.Fail)!.Finding!;
        var c = Assert1(Rule("product", "kind: gtin"), Product(("gtin", "4006381333933")), Expect.Fail)!.Finding!;
        Assert.Equal(a.Fingerprint, b.Fingerprint);
        Assert.NotEqual(a.Fingerprint, c.Fingerprint);
    }

    [Fact]
    public void Survives_values_of_the_wrong_type()
    {
        // A source that wrote text where the model says decimal: judged, not thrown.
        var check = Assert1(Rule("product", "kind: range\nfield: list_price\nmin: 0"), Product(("list_price", "cheap")), Expect.Fail);
        Assert.Equal("list_price cheap is not a number", check!.Finding!.Message);
        Assert1(Rule("product", "kind: gtin"), Product(("gtin", 4006381333931L)), Expect.Pass);
    }

    [Fact]
    public async Task Runs_every_rule_on_the_records_of_its_entity_and_reports_which_ran()
    {
        var (rules, errors) = Read(QualityExamples.Catalogue);
        Assert.Empty(errors);
        var records = new[]
        {
            Product(("status", "active"), ("name", "Perceuse"), ("category_path", "outillage/perceuses"), ("list_price", 80m), ("unit_cost", 100m),
                ("gtin", "4006381333932"), ("weight_kg", 1.2m), ("description", "Perceuse visseuse sans fil 18 V, deux batteries, coffret.")),
            Record("account", "A-1", ("name", "ignored: no account rule in this file")),
        };
        var evaluation = await new QualityEvaluator(rules).EvaluateAsync(records, Context);

        Assert.Equal(rules.Select(r => r.Id).ToHashSet(), evaluation.RuleIds);
        Assert.All(evaluation.Checks, c => Assert.Equal("product", c.Record.Entity));
        Assert.Equal(["product-gtin-valid", "product-price-margin", "product-translations"], evaluation.Findings.Select(f => f.RuleId).Order().ToArray());
    }

    [Fact]
    public async Task Evaluates_only_the_chosen_rules()
    {
        var (rules, _) = Read(QualityExamples.Catalogue);
        var evaluation = await new QualityEvaluator(rules).EvaluateAsync([Product(("gtin", "1"))], Context, only: r => r.Rule.IsSetLevel);
        Assert.Equal(["product-gtin-unique"], evaluation.RuleIds.ToArray());
    }
}
