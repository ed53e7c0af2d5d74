using System.Buffers.Binary;
using System.Net;
using System.Text.RegularExpressions;
using Monitoring.Quality;
using Monitoring.Quality.Digest;
using Monitoring.Quality.Findings;
using Monitoring.Quality.Scoring;
using Monitoring.Storage;

namespace Monitoring.Tests.Quality.Digest;

/// <summary>A team's weekly digest from hand-built findings: what each list holds, and the email written from it.</summary>
public sealed partial class QualityDigestTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly DigestWeek Week48 = new(2026, 48, At(11, 16, 7), At(11, 23, 7));

    private static DateTimeOffset At(int month, int day, int hour = 12) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);

    /// <summary>a, b new and open; c resolved this week; d resolved before it; e the oldest open (acknowledged); f
    /// ignored; g another team's; h first seen exactly at the digest's time (next week's); i new and already resolved;
    /// j open since October.</summary>
    private static readonly FindingState[] Findings =
    [
        Finding("a", "SKU-A", 500, FindingStatus.Open, At(11, 18)),
        Finding("b", "SKU-B", 40, FindingStatus.Open, At(11, 20)),
        Finding("c", "SKU-C", 900, FindingStatus.Resolved, At(10, 1), resolved: At(11, 19)),
        Finding("d", "SKU-D", 800, FindingStatus.Resolved, At(10, 2), resolved: At(11, 10)),
        Finding("e", "SKU-E", 10, FindingStatus.Acknowledged, At(9, 1)) with { AcknowledgedBy = "anna" },
        Finding("f", "SKU-F", 1000, FindingStatus.Ignored, At(8, 1)),
        Finding("g", "SKU-G", 9999, FindingStatus.Open, At(11, 18)) with { Team = "studio" },
        Finding("h", "SKU-H", 1, FindingStatus.Open, At(11, 23, 7)),
        Finding("i", "SKU-I", 3, FindingStatus.Resolved, At(11, 17), resolved: At(11, 21)),
        Finding("j", "SKU-J", 200, FindingStatus.Open, At(10, 15)),
    ];

    private static readonly QualityScoreDay[] Scores =
    [
        Day(new DateOnly(2026, 11, 15), "catalogue", 70.0, 1_180, 0.15),
        Day(new DateOnly(2026, 11, 15), "customers", 95.0, 300, 0),
        Day(new DateOnly(2026, 11, 22), "catalogue", 72.5, 1_200, 0.125),
    ];

    private static QualityDigest Build(int top = 2) => QualityDigestBuilder.Build("catalogue", Week48, Findings, ["catalogue"], Scores, top);

    [Fact]
    public void Lists_the_weeks_new_and_resolved_findings_and_the_open_ones_by_priority_and_by_age()
    {
        var digest = Build();

        Assert.Equal((3, 2, 4), (digest.NewCount, digest.ResolvedCount, digest.OpenCount));
        Assert.Equal(["a", "b"], Rules(digest.New));
        Assert.Equal(["c", "i"], Rules(digest.Resolved));
        Assert.Equal(["a", "j"], Rules(digest.TopOpen));
        Assert.Equal(["e", "j"], Rules(digest.OldestOpen));
        Assert.Equal(["a", "b", "i"], Rules(Build(top: 10).New));
        Assert.Equal(["e", "j", "a", "b"], Rules(Build(top: 10).OldestOpen));
        Assert.Equal([72.5, 70.0], digest.Scores.Select(s => s.Score).OrderDescending());
        Assert.Equal((72.5, 70.0), (digest.Trend("catalogue").Latest!.Score, digest.Trend("catalogue").WeekBefore!.Score));
    }

    [Fact]
    public void Writes_an_email_with_the_counts_the_lists_and_the_chart_inline()
    {
        var message = QualityDigestComposer.Compose(Build(), "Catalogue <catalogue@example.com>", Paris, "https://monitor.example.com");

        Assert.Equal(("quality-digest", "catalogue:2026-W48", "Catalogue <catalogue@example.com>"), (message.Kind, message.Key, message.Recipient));
        Assert.Equal("Data quality, catalogue, 2026-W48: 3 new, 2 resolved, 4 open", message.Subject);
        var image = Assert.Single(message.Images);
        Assert.Equal("quality-trend", image.ContentId);
        Assert.Contains("<img src=\"cid:quality-trend\"", message.HtmlBody);
        Assert.Equal(Convert.FromHexString("89504E470D0A1A0A"), image.Png[..8]);
        Assert.Equal("IHDR"u8.ToArray(), image.Png[12..16]);
        Assert.Equal((640, 260), (BinaryPrimitives.ReadInt32BigEndian(image.Png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(image.Png.AsSpan(20))));
        Assert.Contains("<a href=\"https://monitor.example.com/quality/records/product/SKU-A\">product SKU-A</a>", message.HtmlBody);
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", message.HtmlBody);
        Assert.DoesNotContain("<b>bold</b>", message.HtmlBody);
    }

    [Fact]
    public void The_text_alternative_says_every_figure_of_the_html()
    {
        var digest = Build();
        var message = QualityDigestComposer.Compose(digest, "catalogue@example.com", Paris, "https://monitor.example.com");
        var text = message.TextBody;

        Assert.Contains("The week from 2026-11-16 08:00 to 2026-11-23 08:00 (Europe/Paris).", text);
        Assert.Contains("3 new, 2 resolved this week; 4 open now.", text);
        Assert.Contains("catalogue: 72.5 (C), a week before 70.0 (+2.5); 1,200 records, 12.5 % with a blocker", text);
        Assert.Contains("1. [major] product SKU-A, priority 500: a: <b>bold</b> on SKU-A", text);
        Assert.Contains("acknowledged by anna; first seen 2026-09-01; fix: do e", text);
        Assert.Contains("resolved 2026-11-21", text);
        Assert.Contains("https://monitor.example.com/quality/records/product/SKU-J", text);
        Assert.Contains("and 1 more.", text);
        Assert.Contains("and 2 more.", text);
        // Every number the HTML shows (tags and attributes aside) is in the text too.
        var html = WebUtility.HtmlDecode(Tags().Replace(QualityDigestComposer.Html(digest, Paris, "", "cid:x"), " "));
        var missing = Numbers().Matches(html).Select(m => m.Value.TrimEnd('.', ',')).Distinct().Where(n => !text.Contains(n)).ToList();
        Assert.True(Numbers().Matches(html).Count > 30, "the HTML shows the figures");
        Assert.Empty(missing);
    }

    [Fact]
    public void Says_so_when_nothing_happened()
    {
        var digest = QualityDigestBuilder.Build("pricing", Week48, Findings, ["catalogue"], [], 5);
        var message = QualityDigestComposer.Compose(digest, "pricing@example.com", Paris, "");

        Assert.Equal("Data quality, pricing, 2026-W48: 0 new, 0 resolved, 0 open", message.Subject);
        Assert.Contains("No scan has scored this team's domains yet.", message.TextBody);
        Assert.Contains("None.", message.TextBody);
        Assert.DoesNotContain("href=", message.HtmlBody);
        Assert.Equal(Convert.FromHexString("89504E470D0A1A0A"), message.Images[0].Png[..8]);
    }

    [Fact]
    public void Covers_the_domains_of_the_teams_rules()
    {
        var (rules, errors) = QualityTestKit.Read("""
            rules:
              - {id: r1, entity: product, kind: required, fields: [name], severity: major, team: catalogue}
              - {id: r2, entity: media, kind: alt_text, severity: minor, team: catalogue}
              - {id: r3, entity: account, kind: required, fields: [name], severity: major, team: sales}
              - {id: r4, entity: tier_price, kind: required, fields: [unit_price], severity: major}
            """);

        Assert.Empty(errors);
        Assert.Equal(["catalogue", "media"], QualityDigestBuilder.DomainsOf("catalogue", rules));
        Assert.Equal(["catalogue", "sales"], QualityDigestBuilder.TeamsOf(rules));
    }

    private static List<string> Rules(IEnumerable<FindingState> findings) => findings.Select(f => f.RuleId).ToList();

    private static FindingState Finding(string rule, string key, double priority, FindingStatus status, DateTimeOffset first, DateTimeOffset? resolved = null) => new()
    {
        RuleId = rule, Entity = "product", Key = key, Status = status, Severity = QualitySeverity.Major, Dimension = QualityDimension.Validity,
        Message = $"<b>bold</b> on {key}", Fix = $"do {rule}", Priority = priority, Fingerprint = "0123456789abcdef", FirstSeenAt = first,
        LastSeenAt = first, ResolvedAt = resolved, Team = "catalogue",
    };

    private static QualityScoreDay Day(DateOnly day, string domain, double score, int records, double blockers) =>
        new(day, domain, score, GradingPolicy.Default.GradeOf(score, 0), records, new Dictionary<QualityGrade, int> { [QualityGrade.C] = records }, blockers);

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\d[\d,.]*")]
    private static partial Regex Numbers();
}
