using Monitoring.Alerting;
using Monitoring.Alerting.Channels.Email;
using static Monitoring.Tests.Alerting.AlertContexts;

namespace Monitoring.Tests.Alerting.Channels.Email;

public sealed class EmailComposerTests
{
    private const string AckUrl = "https://monitor.example.com/incidents/42/ack?token=abc.def";
    private const string BaseUrl = "https://monitor.example.com";

    public static TheoryData<NotificationKind, string> Subjects => new()
    {
        { NotificationKind.Trigger, "[DOWN] Product page (product-page): status: expected 200, got 500" },
        { NotificationKind.Reminder, "[REMINDER] Product page (product-page) still down after 1h: status: expected 200, got 500" },
        { NotificationKind.Escalation, "[ESCALATION] Product page (product-page) down 1h, not acknowledged: status: expected 200, got 500" },
        { NotificationKind.Resolve, "[RESOLVED] Product page (product-page): up again after 12m" },
    };

    [Theory]
    [MemberData(nameof(Subjects))]
    public void Says_everything_in_the_subject(NotificationKind kind, string expected)
    {
        var incident = Incident();
        var now = incident.FirstFailureAt.AddHours(1);
        if (kind == NotificationKind.Resolve) incident = incident with { ResolvedAt = incident.FirstFailureAt.AddMinutes(12) };

        Assert.Equal(expected, EmailComposer.Subject(Context(incident, now), Planned(kind)));
    }

    [Fact]
    public void Keeps_a_long_multi_line_failure_to_one_short_line_in_the_subject()
    {
        var subject = EmailComposer.Subject(Context(Incident("body: expected 'Add to cart'\nin:\n" + new string('x', 300))), Planned(NotificationKind.Trigger));

        Assert.DoesNotContain('\n', subject);
        Assert.StartsWith("[DOWN] Product page (product-page): body: expected 'Add to cart' in: xxx", subject);
        Assert.EndsWith("…", subject);
    }

    [Fact]
    public void Writes_the_trigger_with_what_failed_since_when_in_both_time_zones_and_the_links()
    {
        var content = EmailComposer.Compose(Context(), Planned(NotificationKind.Trigger), AckUrl, BaseUrl, "chart.m@example.com");

        var text = content.TextBody;
        Assert.StartsWith("Product page (product-page) is DOWN.", text);
        Assert.Contains("What failed:   status: expected 200, got 500", text);
        Assert.Contains("Target:        https://shop.example.com/products/GLV-NIT-100", text);
        Assert.Contains("Down since:    Mon 23 Nov 2026 10:02:45 Europe/Paris (09:02:45 UTC), the first failed run", text);
        Assert.Contains("Last response: status: expected 200, got 500", text);
        Assert.Contains("Check:         product-page, team webshop, severity critical", text);
        Assert.Contains("Incident:      #42", text);
        Assert.Contains("  " + AckUrl, text);
        Assert.Contains("  https://monitor.example.com/checks/product-page", text);
        Assert.Contains("You get this as a recipient of the route 'webshop-critical' of checks/alerts.yaml, which takes team webshop, severity critical.", text);
        Assert.Contains("Next: a reminder every 1h while nobody acknowledges it; escalation to lead@example.com if nobody acknowledges it within 15m; a notice when it is resolved.", text);
    }

    [Fact]
    public void Shows_the_same_facts_in_html_with_the_inline_chart_and_buttons()
    {
        var html = EmailComposer.Compose(Context(), Planned(NotificationKind.Trigger), AckUrl, BaseUrl, "chart.m@example.com").HtmlBody;

        Assert.Contains("<img src=\"cid:chart.m@example.com\"", html);
        Assert.Contains("href=\"https://monitor.example.com/incidents/42/ack?token=abc.def\"", html);
        Assert.Contains(">Acknowledge</a>", html);
        Assert.Contains("href=\"https://monitor.example.com/checks/product-page\"", html);
        Assert.Contains("Mon 23 Nov 2026 10:02:45 Europe/Paris (09:02:45 UTC), the first failed run", html);
    }

    [Fact]
    public void Encodes_what_the_shop_answered_so_it_never_becomes_markup()
    {
        var content = EmailComposer.Compose(Context(Incident("body: expected 'ok', got <script>alert('x')</script>")),
            Planned(NotificationKind.Trigger), AckUrl, BaseUrl, "chart.m@example.com");

        Assert.DoesNotContain("<script>", content.HtmlBody);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", content.HtmlBody);
        Assert.Contains("<script>alert('x')</script>", content.TextBody);
    }

    [Fact]
    public void Tells_the_escalation_contact_who_was_alerted_first_and_when()
    {
        var now = Detected.AddMinutes(15).AddSeconds(30);
        var rows = new[] { SentTrigger("oncall@example.com", Detected.AddSeconds(30)) };

        var text = EmailComposer.Compose(Context(now: now, rows: rows), Planned(NotificationKind.Escalation, "lead@example.com"), AckUrl,
            BaseUrl, "c").TextBody;

        Assert.StartsWith("Product page (product-page) has been DOWN for 16m and nobody acknowledged it within 15m of the first alert.", text);
        Assert.Contains("First alert:   oncall@example.com at Mon 23 Nov 2026 10:03:45 Europe/Paris (09:03:45 UTC)", text);
        Assert.Contains("Acknowledged:  no", text);
        Assert.Contains("You get this as the escalation contact of the route 'webshop-critical'", text);
    }

    [Fact]
    public void Writes_the_resolved_notice_with_the_downtime_and_who_acknowledged_and_no_ack_link()
    {
        var incident = Incident() with
        {
            AcknowledgedAt = Detected.AddMinutes(4), AcknowledgedBy = "oncall@example.com",
            ResolvedAt = Detected.AddMinutes(12), LastMessage = "HTTP 200 in 85ms",
        };

        var content = EmailComposer.Compose(Context(incident, Detected.AddMinutes(12)), Planned(NotificationKind.Resolve), AckUrl, BaseUrl, "c");

        Assert.StartsWith("Product page (product-page) is UP again after 12m down.", content.TextBody);
        Assert.Contains("Resolved:       Mon 23 Nov 2026 10:15:15 Europe/Paris (09:15:15 UTC)", content.TextBody);
        Assert.Contains("Downtime:       12m", content.TextBody);
        Assert.Contains("Recovered with: HTTP 200 in 85ms", content.TextBody);
        Assert.Contains("Acknowledged:   by oncall@example.com at Mon 23 Nov 2026 10:07:15 Europe/Paris (09:07:15 UTC)", content.TextBody);
        Assert.DoesNotContain("token=", content.TextBody + content.HtmlBody);
        Assert.DoesNotContain("Next:", content.TextBody);
    }

    [Fact]
    public void Lists_other_open_incidents_for_context_in_an_alert_storm()
    {
        var other = Incident("connect: connection refused") with { Id = 41, CheckId = "storefront-home" };

        var text = EmailComposer.Compose(Context(others: [other]), Planned(NotificationKind.Trigger), AckUrl, BaseUrl, "c").TextBody;

        Assert.Contains("Also open right now:\n  - storefront-home, down since Mon 23 Nov 2026 10:02:45 Europe/Paris (09:02:45 UTC): connect: connection refused",
            text.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("Europe/Paris", "2026-11-23T23:30:00Z", "Tue 24 Nov 2026 00:30:00 Europe/Paris (23 Nov 23:30:00 UTC)")]
    [InlineData("Europe/Paris", "2026-07-01T10:00:00Z", "Wed 1 Jul 2026 12:00:00 Europe/Paris (10:00:00 UTC)")]
    [InlineData("UTC", "2026-11-23T09:00:05Z", "Mon 23 Nov 2026 09:00:05 UTC")]
    public void Writes_times_in_the_shop_time_zone_and_utc(string zone, string instant, string expected)
    {
        Assert.Equal(expected, EmailComposer.Time(DateTimeOffset.Parse(instant), TimeZoneInfo.FindSystemTimeZoneById(zone)));
    }

    [Theory]
    [InlineData(0.4, "0s")]
    [InlineData(95, "1m35s")]
    [InlineData(12 * 60 + 31, "13m")]
    [InlineData(3600 + 5 * 60 + 20, "1h5m")]
    public void Writes_durations_people_read_at_a_glance(double seconds, string expected)
    {
        Assert.Equal(expected, EmailComposer.Span(TimeSpan.FromSeconds(seconds)));
    }
}
