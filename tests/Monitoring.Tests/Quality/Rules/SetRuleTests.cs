using Monitoring.Quality;
using static Monitoring.Tests.Quality.QualityTestKit;

namespace Monitoring.Tests.Quality.Rules;

/// <summary>The set-level kinds, which compare records with each other.</summary>
public class SetRuleTests
{
    private static Dictionary<string, string?> Verdicts(IReadOnlyList<RuleCheck> checks) =>
        checks.ToDictionary(c => c.Record.Key, c => c.Finding?.Message);

    [Fact]
    public void Unique_flags_every_holder_of_a_shared_gtin_and_names_the_others()
    {
        var products = new[]
        {
            Record("product", "SKU-1", ("gtin", "4006381333931")),
            Record("product", "SKU-2", ("gtin", "04006381333931")),   // same number as a GTIN-14
            Record("product", "SKU-3", ("gtin", "036000291452")),
            Record("product", "SKU-4", ("gtin", null)),
        };
        var verdicts = Verdicts(Evaluate(Rule("product", "kind: unique\nfield: gtin\nnormalize: gtin", "blocker"), products));

        Assert.Equal(3, verdicts.Count); // SKU-4 has no GTIN: not applicable
        Assert.Equal("gtin '4006381333931' is also used by SKU-2", verdicts["SKU-1"]);
        Assert.Equal("gtin '04006381333931' is also used by SKU-1", verdicts["SKU-2"]);
        Assert.Null(verdicts["SKU-3"]);
    }

    [Theory]
    [InlineData("vat", "FR 23 334 175 221", "fr23334175221", true)]
    [InlineData("email", " Marie@Example.fr", "marie@example.fr", true)]
    [InlineData("text", "ABC", "abc", true)]
    [InlineData("exact", "ABC", "abc", false)]
    public void Unique_compares_after_normalising(string normalise, string first, string second, bool duplicate)
    {
        var records = new[] { Record("contact", "C-1", ("email", first)), Record("contact", "C-2", ("email", second)) };
        var checks = Evaluate(Rule("contact", $"kind: unique\nfield: email\nnormalize: {normalise}"), records);
        Assert.All(checks, c => Assert.Equal(duplicate, c.Finding is not null));
    }

    [Fact]
    public void Near_duplicate_names_match_at_one_postcode_despite_case_accents_and_legal_form()
    {
        QualityRecord Company(string key, string name, string postcode) =>
            Record("account", key, ("name", name)) with { Addresses = [Record("address", key + "-b", ("kind", "billing"), ("postcode", postcode))] };
        var accounts = new[]
        {
            Company("A-1", "Électricité Dupont SARL", "69003"),
            Company("A-2", "ELECTRICITE DUPONT", "69 003"),
            Company("A-3", "Electricité Dupont S.A.S.", "75011"),  // same name, another town
            Company("A-4", "Plomberie Martin", "69003"),
        };
        var verdicts = Verdicts(Evaluate(Rule("account", "kind: near_duplicate_name"), accounts));

        Assert.Equal("'Électricité Dupont SARL' looks like the same company as A-2", verdicts["A-1"]);
        Assert.NotNull(verdicts["A-2"]);
        Assert.Null(verdicts["A-3"]);
        Assert.Null(verdicts["A-4"]);
    }

    [Fact]
    public void Shared_image_flags_one_url_on_unrelated_products()
    {
        QualityRecord Photo(string key, string sku, string url, string brand) =>
            Media(key, ("sku", sku), ("url", url)) with { Owner = Record("product", sku, ("brand", brand)) };
        var media = new[]
        {
            Photo("M1", "SKU-1", "https://cdn/placeholder.jpg", "Bosch"),
            Photo("M2", "SKU-2", "https://CDN/placeholder.jpg/", "Makita"),
            Photo("M3", "SKU-3", "https://cdn/drill.jpg", "Bosch"),
            Photo("M4", "SKU-4", "https://cdn/drill.jpg", "Bosch"),   // a variant of the same brand
            Photo("M5", "SKU-5", "https://cdn/own.jpg", "Bosch"),
        };

        var anyProduct = Verdicts(Evaluate(Rule("media", "kind: shared_image"), media));
        Assert.Equal("image https://cdn/placeholder.jpg is also used by SKU SKU-2", anyProduct["M1"]);
        Assert.NotNull(anyProduct["M3"]);
        Assert.Null(anyProduct["M5"]);

        var sameBrandAllowed = Verdicts(Evaluate(Rule("media", "kind: shared_image\nrelated_by: [brand]"), media));
        Assert.NotNull(sameBrandAllowed["M1"]);
        Assert.Null(sameBrandAllowed["M3"]);
    }
}
