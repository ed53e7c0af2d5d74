using Monitoring.Quality;
using static Monitoring.Tests.Quality.QualityTestKit;

namespace Monitoring.Tests.Quality.Rules;

/// <summary>The kinds that read a record's related rows: tier prices, translations, media, probes.</summary>
public class ContextRuleTests
{
    private static QualityRecord Tier(string list, long min, decimal price) =>
        Record("tier_price", $"{list}/{min}", ("price_list", list), ("min_qty", min), ("unit_price", price));

    private static QualityRecord Image(string key, params (string, object?)[] values) =>
        Media(key, [("kind", "image"), .. values]);

    public static TheoryData<string, QualityRecord[], Expect> TierCases => new()
    {
        { "falling", [Tier("public", 1, 10m), Tier("public", 10, 9m), Tier("public", 50, 8.5m)], Expect.Pass },
        { "flat", [Tier("public", 1, 10m), Tier("public", 10, 10m)], Expect.Pass },
        { "rising", [Tier("public", 1, 10m), Tier("public", 10, 9m), Tier("public", 50, 9.3m)], Expect.Fail },
        { "same min twice", [Tier("public", 1, 10m), Tier("public", 1, 9m)], Expect.Fail },
        { "lists apart", [Tier("public", 1, 10m), Tier("gold", 10, 11m)], Expect.Pass },
        { "under the MOQ", [Tier("public", 1, 10m)], Expect.Fail },
        { "none", [], Expect.NotApplicable },
    };

    [Theory]
    [MemberData(nameof(TierCases))]
    public void Tier_prices_never_rise_with_quantity(string _, QualityRecord[] tiers, Expect expected)
    {
        var moq = _ == "under the MOQ" ? 5L : 1L;
        Assert1(Rule("product", "kind: tier_prices"), Product(("min_order_qty", moq), ("order_multiple", 1L)) with { TierPrices = tiers }, expected);
    }

    [Fact]
    public void Tier_prices_name_the_list_and_quantity_that_rise()
    {
        var product = Product(("min_order_qty", 1L)) with { TierPrices = [Tier("public", 1, 10m), Tier("public", 20, 10.5m)] };
        var check = Assert1(Rule("product", "kind: tier_prices"), product, Expect.Fail);
        Assert.Equal("public from 20: 10.5 > 10", check!.Finding!.Value);
    }

    [Fact]
    public void Tier_prices_can_require_the_order_multiple()
    {
        var product = Product(("min_order_qty", 6L), ("order_multiple", 6L)) with { TierPrices = [Tier("public", 6, 10m), Tier("public", 20, 9m)] };
        Assert1(Rule("product", "kind: tier_prices"), product, Expect.Pass);
        Assert1(Rule("product", "kind: tier_prices\ncheck_order_multiple: true"), product, Expect.Fail);
    }

    [Fact]
    public void Translations_must_cover_every_active_locale()
    {
        var rule = Rule("product", "kind: translations\nlocales: [en, de]");
        QualityRecord Translation(string locale, string? description) =>
            Record("product_translation", $"SKU-1/{locale}", ("locale", locale), ("name", "Drill"), ("description", description));
        Assert1(rule, Product() with { Translations = [Translation("en", "A drill"), Translation("de", "Ein Bohrer")] }, Expect.Pass);
        var check = Assert1(rule, Product() with { Translations = [Translation("en", null)] }, Expect.Fail);
        Assert.Equal("en (description); de (name, description)", check!.Finding!.Value);
    }

    [Theory]
    [InlineData(1, "ok", Expect.Pass)]
    [InlineData(1, "broken", Expect.Fail)]   // a broken image does not count
    [InlineData(0, "ok", Expect.Fail)]
    public void Image_present_counts_working_images(int images, string status, Expect expected)
    {
        var media = Enumerable.Range(0, images).Select(i => Image($"M{i}", ("status", status))).ToList();
        Assert1(Rule("product", "kind: image_present"), Product() with { Media = media }, expected);
    }

    [Theory]
    [InlineData(1200L, 900L, "outillage/perceuses", Expect.Pass)]
    [InlineData(800L, 800L, "outillage/perceuses", Expect.Fail)]
    [InlineData(1200L, 900L, "mode/gants", Expect.Fail)]      // the apparel category needs 1500
    [InlineData(null, null, "mode/gants", Expect.NotApplicable)]
    public void Image_dimensions_need_more_for_chosen_categories(long? width, long? height, string category, Expect expected)
    {
        var rule = Rule("media", "kind: image_dimensions\nmin_long_side: 1000\ncategories:\n  - {prefix: mode/, min_long_side: 1500}");
        Assert1(rule, Image("M1", ("width", width), ("height", height)) with { Owner = Product(("category_path", category)) }, expected);
    }

    [Theory]
    [InlineData(250_000L, Expect.Pass)]
    [InlineData(0L, Expect.Fail)]
    [InlineData(20_000_000L, Expect.Fail)]
    [InlineData(null, Expect.NotApplicable)]
    public void File_size_stays_within_bounds(long? bytes, Expect expected) =>
        Assert1(Rule("media", "kind: file_size"), Image("M1", ("bytes", bytes)), expected);

    [Theory]
    [InlineData("image", "Perceuse sans fil 18 V", Expect.Pass)]
    [InlineData("image", null, Expect.Fail)]
    [InlineData("document", null, Expect.NotApplicable)]
    public void Alt_text_is_required_on_images(string kind, string? alt, Expect expected) =>
        Assert1(Rule("media", "kind: alt_text"), Media("M1", ("kind", kind), ("alt_text", alt)), expected);

    [Theory]
    [InlineData("SKU-1", Expect.Pass)]
    [InlineData("SKU-GONE", Expect.Fail)]
    [InlineData(null, Expect.Fail)]
    public void Unused_media_belong_to_no_known_product(string? sku, Expect expected)
    {
        var context = Context with { ReferenceSets = new Dictionary<string, IReadOnlySet<string>> { ["product"] = new HashSet<string> { "SKU-1" } } };
        Assert1(Rule("media", "kind: unused_media"), Image("M1", ("sku", sku)), expected, context);
    }

    private sealed class FakeProbe(Dictionary<string, MediaProbeResult> answers) : IMediaProbe
    {
        public List<string> Asked { get; } = [];

        public Task<MediaProbeResult> ProbeAsync(string url, CancellationToken cancellationToken)
        {
            lock (Asked) Asked.Add(url);
            return url.Contains("throws") ? throw new HttpRequestException("connection reset") : Task.FromResult(answers[url]);
        }
    }

    [Fact]
    public void Media_reachable_asks_the_probe_and_judges_its_answer()
    {
        var probe = new FakeProbe(new()
        {
            ["https://cdn/ok.jpg"] = new(200, "image/jpeg"),
            ["https://cdn/gone.jpg"] = new(404, "text/html"),
            ["https://cdn/placeholder.jpg"] = new(200, "text/html"),
            ["https://cdn/down.jpg"] = new(null, Error: "timeout"),
        });
        var media = new[] { "ok", "gone", "placeholder", "down", "throws" }.Select(n => Image(n, ("url", $"https://cdn/{n}.jpg"))).ToList();
        var checks = Evaluate(Rule("media", "kind: media_reachable\nconcurrency: 2"), media, Context with { MediaProbe = probe });

        // Asked twice each: the evaluator measures the media first, then the rule asks (HttpMediaProbe answers the
        // second time from its per-scan cache; this fake has none).
        Assert.Equal(5, probe.Asked.Distinct().Count());
        var byKey = checks.ToDictionary(c => c.Record.Key, c => c.Finding?.Message);
        Assert.Null(byKey["ok"]);
        Assert.Equal("https://cdn/gone.jpg answers HTTP 404", byKey["gone"]);
        Assert.Equal("https://cdn/placeholder.jpg answers text/html, not an image", byKey["placeholder"]);
        Assert.Equal("https://cdn/down.jpg does not answer: timeout", byKey["down"]);
        Assert.Equal("https://cdn/throws.jpg could not be fetched: connection reset", byKey["throws"]);
    }

    [Fact]
    public void Media_reachable_does_not_apply_without_a_probe() =>
        Assert1(Rule("media", "kind: media_reachable"), Image("M1", ("url", "https://cdn/x.jpg")), Expect.NotApplicable);
}
