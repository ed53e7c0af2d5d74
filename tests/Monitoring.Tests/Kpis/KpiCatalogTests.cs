using System.Text.RegularExpressions;
using Monitoring.Kpis;

namespace Monitoring.Tests.Kpis;

public sealed partial class KpiCatalogTests
{
    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();

    [Fact]
    public void Gives_every_kpi_a_unique_snake_case_id()
    {
        var ids = KpiCatalog.All.Select(k => k.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches(SnakeCase(), id));
    }

    [Fact]
    public void Names_the_denominator_of_every_ratio_and_says_what_is_left_out()
    {
        Assert.All(KpiCatalog.All.Where(k => k.Unit == KpiUnit.Ratio), k => Assert.NotEmpty(k.DenominatorName));
        Assert.All(KpiCatalog.All, k => Assert.NotEmpty(k.Exclusions));
    }

    [Theory]
    [InlineData("bounce_rate", false)]
    [InlineData("conversion_rate", true)]
    [InlineData("payment_refusal_rate", false)]
    [InlineData("gross_margin_rate", true)]
    [InlineData("attrition_rate", false)]
    [InlineData("on_time_rate", true)]
    [InlineData("delivery_time_days", false)]
    public void Knows_which_way_is_good(string id, bool higherIsBetter) =>
        Assert.Equal(higherIsBetter, KpiCatalog.Find(id)!.HigherIsBetter);

    [Theory]
    [InlineData("payment_abandonment_rate", KpiAudience.Ops)]
    [InlineData("payment_refusal_rate", KpiAudience.Ops)]
    [InlineData("net_revenue", KpiAudience.Managers)]
    public void Routes_technical_signals_to_ops_and_business_ones_to_managers(string id, KpiAudience audience) =>
        Assert.Equal(audience, KpiCatalog.Find(id)!.Audience);

    [Fact]
    public void Evaluates_only_the_kpis_that_apply_to_a_segment()
    {
        var input = new KpiInput(Period.Day(new DateOnly(2026, 11, 23)), new SegmentKey(SegmentKey.Category, "tools"), KpiFormulaTests.Sums);

        var ids = KpiCatalog.EvaluateAll(input).Select(r => r.Kpi.Id).ToList();

        Assert.Contains("net_revenue", ids);
        Assert.DoesNotContain("sessions", ids);
    }

    [Theory]
    [InlineData("*", "*", "*")]
    [InlineData("sales_channel=web", "sales_channel", "web")]
    [InlineData(" country = FR ", "country", "FR")]
    public void Reads_a_segment_key_from_its_text(string text, string dimension, string value) =>
        Assert.Equal(new SegmentKey(dimension, value), SegmentKey.Parse(text));

    [Theory]
    [InlineData("country")]
    [InlineData("=FR")]
    public void Refuses_a_segment_key_without_dimension_and_value(string text) => Assert.Null(SegmentKey.Parse(text));
}
