using Monitoring.Probes;
using Monitoring.Probes.Tls;

namespace Monitoring.Tests.Probes.Tls;

/// <summary>Validity dates and days left against the thresholds, at a fixed instant, down to the boundaries.</summary>
public sealed class TlsCertificateCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private static TlsProbeSettings Settings(int degraded = 21, int failing = 7) => new()
    {
        Address = new HostPort("shop.test", 443),
        MinDaysLeftDegraded = degraded,
        MinDaysLeft = failing,
    };

    /// <summary>Each finding as <c>fail|degraded class: message</c>, so that a row states outcome, class and text at once.</summary>
    private static string[] Findings(TlsProbeSettings settings, TimeSpan sinceValid, TimeSpan left)
    {
        var findings = TlsCertificateCheck.Validity(Now - sinceValid, Now + left, Now).ToList();
        if (TlsCertificateCheck.DaysLeft(settings, Now + left, Now) is { } daysLeft) findings.Add(daysLeft);
        return findings.Select(f => $"{(f.IsDown ? "fail" : "degraded")} {ProbeNames.Of(f.Failure)}: {f.Message}").ToArray();
    }

    public static TheoryData<string, TlsProbeSettings, double, string[]> DaysLeft => new()
    {
        { "plenty left", Settings(), 89.5, [] },
        { "exactly the degraded threshold", Settings(), 21, [] },
        {
            "a second under the degraded threshold", Settings(), 21 - 1 / 86400.0,
            ["degraded assertion: certificate: expires in 20 days (2026-12-13T09:59:59Z), expected at least 21 days"]
        },
        {
            "exactly the failing threshold", Settings(), 7,
            ["degraded assertion: certificate: expires in 7 days (2026-11-29T10:00:00Z), expected at least 21 days"]
        },
        {
            "a second under the failing threshold", Settings(), 7 - 1 / 86400.0,
            ["fail assertion: certificate: expires in 6 days (2026-11-29T09:59:59Z), expected at least 7 days"]
        },
        {
            "three days", Settings(), 3,
            ["fail assertion: certificate: expires in 3 days (2026-11-25T10:00:00Z), expected at least 7 days"]
        },
        {
            "one day and some hours", Settings(), 1.25,
            ["fail assertion: certificate: expires in 1 day (2026-11-23T16:00:00Z), expected at least 7 days"]
        },
        {
            "a few hours", Settings(), 0.25,
            ["fail assertion: certificate: expires in less than a day (2026-11-22T16:00:00Z), expected at least 7 days"]
        },
        { "a few hours with no margin asked for", Settings(degraded: 0, failing: 0), 0.25, [] },
        {
            "a few hours with only a degraded margin", Settings(degraded: 1, failing: 0), 0.25,
            ["degraded assertion: certificate: expires in less than a day (2026-11-22T16:00:00Z), expected at least 1 day"]
        },
        { "expiring this very second", Settings(), 0, ["fail tls: certificate: expired less than a day ago (2026-11-22T10:00:00Z)"] },
        { "expired two days ago", Settings(), -2.5, ["fail tls: certificate: expired 2 days ago (2026-11-19T22:00:00Z)"] },
        { "expired even with no margin asked for", Settings(0, 0), -1, ["fail tls: certificate: expired 1 day ago (2026-11-21T10:00:00Z)"] },
    };

    [Theory]
    [MemberData(nameof(DaysLeft))]
    public void Judges_the_days_left(string because, TlsProbeSettings settings, double daysLeft, string[] expected)
    {
        var findings = Findings(settings, TimeSpan.FromDays(30), TimeSpan.FromDays(daysLeft));

        Assert.True(expected.SequenceEqual(findings), $"{because}: got [{string.Join(" | ", findings)}]");
    }

    [Fact]
    public void Fails_a_certificate_that_is_not_valid_yet()
    {
        var findings = Findings(Settings(), sinceValid: TimeSpan.FromHours(-3), left: TimeSpan.FromDays(90));

        Assert.Equal(["fail tls: certificate: not valid before 2026-11-22T13:00:00Z"], findings);
    }

    [Theory]
    [InlineData(0.5, "less than a day")]
    [InlineData(1, "1 day")]
    [InlineData(1.99, "1 day")]
    [InlineData(89.9, "89 days")]
    public void Counts_whole_days_rounded_down(double days, string expected) =>
        Assert.Equal(expected, TlsCertificateCheck.Days(TimeSpan.FromDays(days)));
}
