using Monitoring.Quality;
using Monitoring.Quality.Scoring;
using static Monitoring.Tests.Quality.QualityTestKit;

namespace Monitoring.Tests.Quality.Scoring;

public class QualityScorerTests
{
    private static readonly QualityRuleDefinition Blocker = Rule("product", "kind: gtin", "blocker");                       // weight 10
    private static readonly QualityRuleDefinition Major = Rule("product", "kind: required\nfield: brand");                 // weight 4
    private static readonly QualityRuleDefinition Minor = Rule("product", "kind: required\nfield: supplier\ndimension: enrichment", "minor"); // weight 1
    private static readonly QualityRuleDefinition Info = Rule("product", "kind: required\nfield: weight_kg", "info");       // weight 0

    private static RuleCheck Check(QualityRuleDefinition rule, double score, QualityRecord? record = null)
    {
        record ??= Product();
        var outcome = new RuleOutcome(record, score, "f", "v");
        return new RuleCheck(rule, record, score, score >= 100 ? null : QualityEvaluator.FindingOf(rule, outcome));
    }

    [Theory]
    [InlineData(89.99, 0, QualityGrade.B)]
    [InlineData(90, 0, QualityGrade.A)]
    [InlineData(80, 0, QualityGrade.B)]
    [InlineData(70, 0, QualityGrade.C)]
    [InlineData(60, 0, QualityGrade.D)]
    [InlineData(59.9, 0, QualityGrade.E)]
    [InlineData(95, 1, QualityGrade.D)]   // an open blocker caps at D
    [InlineData(50, 1, QualityGrade.E)]   // a cap never improves a grade
    [InlineData(95, 2, QualityGrade.E)]   // two blockers cap at E
    public void Grades_by_band_and_gates_on_blockers(double score, int blockers, QualityGrade expected) =>
        Assert.Equal(expected, GradingPolicy.Default.GradeOf(score, blockers));

    [Fact]
    public void Weights_a_record_by_severity_and_leaves_out_rules_that_do_not_apply()
    {
        // Major fails (4 × 0), minor passes (1 × 100): 100 / 5 = 20. The blocker did not apply: no check, no weight.
        var score = Assert.Single(QualityScorer.ScoreRecords([Check(Major, 0), Check(Minor, 100)]));
        Assert.Equal(20, score.Score);
        Assert.Equal(QualityGrade.E, score.Grade);
        Assert.Equal(1, score.Findings);
        Assert.Equal(0, score.Dimensions[QualityDimension.Completeness]);
        Assert.Equal(100, score.Dimensions[QualityDimension.Enrichment]);
    }

    [Fact]
    public void Never_moves_a_score_with_an_info_rule()
    {
        var score = Assert.Single(QualityScorer.ScoreRecords([Check(Major, 100), Check(Info, 0)]));
        Assert.Equal((100, QualityGrade.A, 1), (score.Score, score.Grade, score.Findings));
    }

    [Fact]
    public void Caps_a_high_score_with_one_blocker_at_d()
    {
        // 10 × 0 + 4 × 100 × 20 rules… simpler: a blocker with a custom weight of 1 among heavy passes.
        var lightBlocker = Blocker with { Weight = 1 };
        var checks = new[] { Check(lightBlocker, 0) }.Concat(Enumerable.Range(0, 5).Select(_ => Check(Major, 100)));
        var score = Assert.Single(QualityScorer.ScoreRecords(checks));
        Assert.Equal(95.2, score.Score);
        Assert.Equal((1, QualityGrade.D), (score.OpenBlockers, score.Grade));
    }

    [Fact]
    public void Counts_an_ignored_finding_as_a_pass()
    {
        var score = Assert.Single(QualityScorer.ScoreRecords([Check(Blocker, 0), Check(Major, 100)], waived: f => f.RuleId == Blocker.Id));
        Assert.Equal((100, QualityGrade.A, 0), (score.Score, score.Grade, score.OpenBlockers));
    }

    [Fact]
    public void Weights_a_domain_by_revenue_and_counts_grades()
    {
        var bestSeller = Record("product", "P-1") with { Revenue90d = 2m };       // weight 3
        var slow = Record("product", "P-2");                                      // weight 1
        var media = Record("media", "M-1");
        var records = QualityScorer.ScoreRecords([Check(Major, 100, bestSeller), Check(Major, 0, slow), Check(Blocker, 0, media)]);
        var domains = QualityScorer.ScoreDomains(records).ToDictionary(d => d.Domain);

        var catalogue = domains["catalogue"];
        Assert.Equal(75, catalogue.Score);   // (3 × 100 + 1 × 0) / 4
        Assert.Equal(QualityGrade.C, catalogue.Grade);
        Assert.Equal((2, 1, 1), (catalogue.Records, catalogue.Grades[QualityGrade.A], catalogue.Grades[QualityGrade.E]));
        Assert.Equal(0, catalogue.BlockerShare);
        Assert.Equal((0, 1.0), (domains["media"].Score, domains["media"].BlockerShare));
    }
}
