using static Monitoring.Tests.Quality.QualityTestKit;

namespace Monitoring.Tests.Quality.Rules;

/// <summary>The kinds that judge a record's own fields: one table per kind, each row a value and the verdict.</summary>
public class FieldRuleTests
{
    [Theory]
    [InlineData("Perceuse", Expect.Pass)]
    [InlineData("", Expect.Fail)]
    [InlineData("   ", Expect.Fail)]
    [InlineData(null, Expect.Fail)]
    public void Required_fails_on_missing_or_blank_values(string? name, Expect expected) =>
        Assert1(Rule("product", "kind: required\nfields: [name]"), Product(("name", name)), expected);

    [Theory]
    [InlineData("<p>Une perceuse <b>robuste</b> pour chantier</p>", Expect.Pass)]   // 33 visible characters
    [InlineData("<p><b>Perceuse</b></p>", Expect.Fail)]                               // 8 visible, markup not counted
    [InlineData("x", Expect.Fail)]
    [InlineData(null, Expect.NotApplicable)]
    public void Length_counts_visible_text_only(string? description, Expect expected) =>
        Assert1(Rule("product", "kind: length\nfield: description\nmin: 20\nmax: 200"), Product(("description", description)), expected);

    [Fact]
    public void Length_with_partial_scores_a_short_text_in_proportion()
    {
        var check = Assert1(Rule("product", "kind: length\nfield: description\nmin: 200\npartial: true"), Product(("description", new string('a', 50))), Expect.Fail);
        Assert.Equal(25, check!.Score);
        Assert.Equal("description is 50 characters long, at least 200 expected", check.Finding!.Message);
    }

    [Theory]
    [InlineData("PRD-00012", Expect.Pass)]
    [InlineData("prd-12", Expect.Fail)]
    [InlineData(null, Expect.NotApplicable)]
    public void Regex_matches_the_pattern(string? sku, Expect expected) =>
        Assert1(Rule("product", "kind: regex\nfield: supplier\npattern: '^PRD-\\d{5}$'"), Product(("supplier", sku)), expected);

    // A lookahead is beyond the non-backtracking engine: such a pattern falls back to the backtracking one, same answers.
    [Theory]
    [InlineData("PRD-00012", Expect.Pass)]
    [InlineData("PRD-99012", Expect.Fail)]
    public void Regex_with_a_lookahead_still_matches(string sku, Expect expected) =>
        Assert1(Rule("product", "kind: regex\nfield: supplier\npattern: '^PRD-(?!99)\\d{5}$'"), Product(("supplier", sku)), expected);

    [Theory]
    [InlineData("active", Expect.Pass)]
    [InlineData("ACTIVE", Expect.Pass)]
    [InlineData("deleted", Expect.Fail)]
    [InlineData(null, Expect.NotApplicable)]
    public void Allowed_values_compare_without_case(string? status, Expect expected) =>
        Assert1(Rule("product", "kind: allowed_values\nfield: status\nvalues: [active, draft, archived]"), Product(("status", status)), expected);

    [Theory]
    [InlineData(12.5, Expect.Pass)]
    [InlineData(0.0, Expect.Fail)]       // greater_than is exclusive
    [InlineData(-3.0, Expect.Fail)]
    [InlineData(100001.0, Expect.Fail)]
    [InlineData(null, Expect.NotApplicable)]
    public void Range_checks_bounds(double? price, Expect expected) =>
        Assert1(Rule("product", "kind: range\nfield: list_price\ngreater_than: 0\nmax: 100000"),
            Product(("list_price", price is null ? null : (decimal)price.Value)), expected);

    [Theory]
    [InlineData(110.0, 100.0, Expect.Pass)]    // exactly the 10 % margin floor
    [InlineData(109.99, 100.0, Expect.Fail)]
    [InlineData(90.0, 100.0, Expect.Fail)]     // below cost
    [InlineData(90.0, null, Expect.NotApplicable)]
    public void Comparison_applies_the_margin_floor(double price, double? cost, Expect expected)
    {
        var rule = Rule("product", "kind: comparison\nleft: list_price\nop: '>='\nright: unit_cost\nmargin_floor: 0.10");
        var check = Assert1(rule, Product(("list_price", (decimal)price), ("unit_cost", cost is null ? null : (decimal)cost.Value)), expected);
        if (expected == Expect.Fail) Assert.Contains("expected list_price >= unit_cost 100 × 1.1 = 110", check!.Finding!.Message);
    }

    [Fact]
    public void Comparison_orders_timestamps()
    {
        var rule = Rule("product", "kind: comparison\nleft: updated_at\nop: '>='\nright: created_at");
        Assert1(rule, Product(("created_at", Now), ("updated_at", Now.AddDays(-1))), Expect.Fail);
        Assert1(rule, Product(("created_at", Now.AddDays(-1)), ("updated_at", Now)), Expect.Pass);
    }

    [Theory]
    [InlineData(10, Expect.Pass)]
    [InlineData(400, Expect.Fail)]
    [InlineData(-3, Expect.Fail)]    // three days in the future: a clock error
    public void Freshness_limits_the_age(int daysAgo, Expect expected) =>
        Assert1(Rule("product", "kind: freshness\nfield: updated_at\nmax_age: 365d"), Product(("updated_at", Now.AddDays(-daysAgo))), expected);

    [Theory]
    [InlineData(true, true, Expect.Pass)]
    [InlineData(true, false, Expect.Fail)]
    [InlineData(false, false, Expect.NotApplicable)]
    public void Consent_needs_its_timestamp(bool given, bool stamped, Expect expected) =>
        Assert1(Rule("contact", "kind: consent"), Contact(("consent_email", given), ("consent_email_at", stamped ? Now.AddDays(-30) : null)), expected);

    [Theory]
    [InlineData("A-9", Expect.Pass)]
    [InlineData("A-404", Expect.Fail)]
    [InlineData("A-1", Expect.Fail)]        // its own parent
    [InlineData(null, Expect.NotApplicable)]
    public void Reference_looks_the_value_up_in_a_set(string? parent, Expect expected)
    {
        var context = Context with { ReferenceSets = new Dictionary<string, IReadOnlySet<string>> { ["account"] = new HashSet<string> { "A-1", "A-9" } } };
        Assert1(Rule("account", "kind: reference\nfield: parent_account_id\nset: account"), Account(("parent_account_id", parent)), expected, context);
    }

    [Fact]
    public void Reference_does_not_apply_without_its_set() =>
        Assert1(Rule("account", "kind: reference\nfield: parent_account_id\nset: account"), Account(("parent_account_id", "A-9")), Expect.NotApplicable);

    [Theory]
    [InlineData("outillage/perceuses", Expect.Pass)]
    [InlineData("outillage/inconnu", Expect.Fail)]
    public void Reference_accepts_inline_values(string category, Expect expected) =>
        Assert1(Rule("product", "kind: reference\nfield: category_path\nvalues: [outillage/perceuses, outillage/scies]"), Product(("category_path", category)), expected);
}
