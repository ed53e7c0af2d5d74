using Microsoft.Extensions.Time.Testing;
using Monitoring.Alerting;
using Monitoring.Incidents;
using Monitoring.Probes;
using Monitoring.Storage;

namespace Monitoring.Tests.Alerting;

/// <summary>
/// The notification rules over time: a fake clock, the planner, and a stand-in for the outbox and the dispatcher that
/// "sends" every due row at each 10-second pass (or fails them while the mail server is down).
/// </summary>
public sealed class AlertPlannerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static readonly AlertRoute Route = new()
    {
        Name = "webshop-critical",
        To = ["oncall@example.com"],
        Escalate = new Escalation(TimeSpan.FromMinutes(15), ["lead@example.com"]),
    };

    private sealed class Conversation(AlertRoute route)
    {
        private readonly List<OutboxEntry> _rows = [];

        public FakeTimeProvider Clock { get; } = new(T0);

        public Incident Incident { get; set; } = new(7, "product-page", FailureClass.HttpStatus, "status: expected 200, got 500",
            "status: expected 200, got 500", T0.AddSeconds(-30), T0, null, null, null, null, null);

        public bool MailServerDown { get; set; }

        /// <summary>What was sent, as "minutes:seconds after T0 kind recipient".</summary>
        public List<string> Sent { get; } = [];

        public List<string> Cancelled { get; } = [];

        public IReadOnlyList<OutboxEntry> Rows => _rows;

        public AlertPlan Pass(DateTimeOffset? raisedAt = null)
        {
            var now = Clock.GetUtcNow();
            var plan = AlertPlanner.Plan(Incident, _rows, route, now, raisedAt);
            foreach (var (row, reason) in plan.Cancel)
            {
                Replace(row, row with { Status = NotificationStatus.Cancelled });
                Cancelled.Add($"{row.Key} {row.Recipient}: {reason}");
            }
            foreach (var add in plan.Add.Where(a => !_rows.Any(r => r.Key == a.Key && r.Recipient == a.Recipient)))
                _rows.Add(new OutboxEntry(_rows.Count + 1, Incident.Id, "email", add.Kind, add.Key, add.Recipient,
                    NotificationStatus.Pending, add.DueAt, null, $"m{_rows.Count + 1}", 0, null));
            foreach (var row in _rows.Where(r => r.IsPending && r.DueAt <= now).ToList())
            {
                if (MailServerDown) Replace(row, row with { Attempts = row.Attempts + 1, LastError = "connection refused" });
                else
                {
                    Replace(row, row with { Status = NotificationStatus.Sent, SentAt = now });
                    Sent.Add($"{(now - T0):h\\:mm\\:ss} {row.Key} {row.Recipient}");
                }
            }
            return plan;
        }

        /// <summary>Passes every 10 seconds for <paramref name="duration"/>.</summary>
        public void Run(TimeSpan duration)
        {
            var end = Clock.GetUtcNow() + duration;
            while (Clock.GetUtcNow() < end)
            {
                Clock.Advance(TimeSpan.FromSeconds(10));
                Pass();
            }
        }

        private void Replace(OutboxEntry row, OutboxEntry with) => _rows[_rows.IndexOf(row)] = with;
    }

    [Fact]
    public void Sends_the_trigger_once_group_wait_has_passed_and_not_before()
    {
        var talk = new Conversation(Route);

        talk.Pass(raisedAt: T0);
        talk.Run(TimeSpan.FromMinutes(1));

        Assert.Equal(["0:00:30 trigger oncall@example.com"], talk.Sent);
    }

    [Fact]
    public void Sends_nothing_at_all_for_an_incident_resolved_within_group_wait()
    {
        var talk = new Conversation(Route);
        talk.Pass(raisedAt: T0);
        talk.Run(TimeSpan.FromSeconds(20));

        talk.Incident = talk.Incident with { ResolvedAt = T0.AddSeconds(20) };
        talk.Run(TimeSpan.FromHours(2));

        Assert.Empty(talk.Sent);
        Assert.Equal(["trigger oncall@example.com: resolved within group_wait (20s after detection): a blip, nobody is told"], talk.Cancelled);
    }

    [Fact]
    public void Escalates_once_when_nobody_acknowledges_in_time_and_reminds_each_person_once_per_interval()
    {
        var talk = new Conversation(Route);

        talk.Pass(raisedAt: T0);
        talk.Run(TimeSpan.FromHours(2.5));

        Assert.Equal(
        [
            "0:00:30 trigger oncall@example.com",
            "0:15:30 escalation lead@example.com",
            "1:00:30 reminder:1 oncall@example.com",
            "1:15:30 reminder:1 lead@example.com",
            "2:00:30 reminder:2 oncall@example.com",
            "2:15:30 reminder:2 lead@example.com",
        ], talk.Sent);
    }

    [Fact]
    public void Stops_reminders_and_escalation_once_acknowledged_but_still_tells_everyone_it_is_resolved()
    {
        var talk = new Conversation(Route);
        talk.Pass(raisedAt: T0);
        talk.Run(TimeSpan.FromMinutes(20));

        talk.Incident = talk.Incident with { AcknowledgedAt = T0.AddMinutes(20), AcknowledgedBy = "lead@example.com" };
        talk.Run(TimeSpan.FromHours(3));
        talk.Incident = talk.Incident with { ResolvedAt = talk.Clock.GetUtcNow() };
        talk.Run(TimeSpan.FromMinutes(1));

        Assert.Equal(
        [
            "0:00:30 trigger oncall@example.com",
            "0:15:30 escalation lead@example.com",
            "3:20:10 resolve oncall@example.com",
            "3:20:10 resolve lead@example.com",
        ], talk.Sent);
    }

    [Fact]
    public void Cancels_a_reminder_that_was_queued_before_the_acknowledgement()
    {
        var talk = new Conversation(Route with { Escalate = null });
        talk.Pass(raisedAt: T0);
        talk.Run(TimeSpan.FromMinutes(1));
        talk.MailServerDown = true;
        talk.Run(TimeSpan.FromHours(1));

        talk.Incident = talk.Incident with { AcknowledgedAt = talk.Clock.GetUtcNow(), AcknowledgedBy = "oncall@example.com" };
        talk.Pass();

        Assert.Equal(["reminder:1 oncall@example.com: acknowledged by oncall@example.com"], talk.Cancelled);
    }

    [Fact]
    public void Sends_no_resolved_notice_when_the_route_turns_them_off()
    {
        var talk = new Conversation(Route with { SendResolved = false, Escalate = null });
        talk.Pass(raisedAt: T0);
        talk.Run(TimeSpan.FromMinutes(5));

        talk.Incident = talk.Incident with { ResolvedAt = talk.Clock.GetUtcNow() };
        talk.Run(TimeSpan.FromMinutes(5));

        Assert.Equal(["0:00:30 trigger oncall@example.com"], talk.Sent);
    }

    [Fact]
    public void Sends_no_reminder_when_repeat_interval_is_off()
    {
        var talk = new Conversation(Route with { RepeatInterval = null, Escalate = null });

        talk.Pass(raisedAt: T0);
        talk.Run(TimeSpan.FromHours(5));

        Assert.Equal(["0:00:30 trigger oncall@example.com"], talk.Sent);
    }

    [Fact]
    public void Holds_back_the_trigger_until_the_alert_is_released_then_waits_group_wait_from_the_release()
    {
        var talk = new Conversation(Route with { Escalate = null });
        talk.Incident = talk.Incident with { HeldBackBecause = "depends on 'storefront-home', which is down" };
        talk.Pass(raisedAt: T0);
        talk.Run(TimeSpan.FromMinutes(10));
        Assert.Empty(talk.Sent);

        talk.Incident = talk.Incident with { HeldBackBecause = null };
        talk.Pass(raisedAt: talk.Clock.GetUtcNow());
        talk.Run(TimeSpan.FromMinutes(1));

        Assert.Equal(["0:10:30 trigger oncall@example.com"], talk.Sent);
    }

    [Fact]
    public void Sends_nothing_for_a_held_back_incident_that_resolves_before_release()
    {
        var talk = new Conversation(Route);
        talk.Incident = talk.Incident with { HeldBackBecause = "in a maintenance window" };
        talk.Pass(raisedAt: T0);
        talk.Run(TimeSpan.FromMinutes(10));

        talk.Incident = talk.Incident with { ResolvedAt = talk.Clock.GetUtcNow() };
        talk.Run(TimeSpan.FromMinutes(10));

        Assert.Empty(talk.Sent);
        Assert.Empty(talk.Rows);
    }

    [Fact]
    public void Keeps_one_pending_reminder_per_person_during_a_mail_server_outage_and_sends_in_order_after_it()
    {
        var talk = new Conversation(Route with { Escalate = null });
        talk.Pass(raisedAt: T0);
        talk.Run(TimeSpan.FromMinutes(1));

        talk.MailServerDown = true;
        talk.Run(TimeSpan.FromHours(4));
        var pendingDuringOutage = talk.Rows.Count(r => r.IsPending);
        talk.Incident = talk.Incident with { ResolvedAt = talk.Clock.GetUtcNow() };
        talk.Pass();
        talk.MailServerDown = false;
        talk.Run(TimeSpan.FromMinutes(1));

        Assert.Equal(1, pendingDuringOutage);
        Assert.Equal(["0:00:30 trigger oncall@example.com", "4:01:10 resolve oncall@example.com"], talk.Sent);
        Assert.Equal(["reminder:1 oncall@example.com: resolved before it was sent"], talk.Cancelled);
    }

    [Fact]
    public void Still_sends_a_trigger_that_was_due_before_the_resolution_then_the_resolve()
    {
        var talk = new Conversation(Route with { Escalate = null }) { MailServerDown = true };
        talk.Pass(raisedAt: T0);
        talk.Run(TimeSpan.FromMinutes(5));

        talk.Incident = talk.Incident with { ResolvedAt = talk.Clock.GetUtcNow() };
        talk.MailServerDown = false;
        talk.Run(TimeSpan.FromSeconds(10));

        Assert.Equal(["0:05:10 trigger oncall@example.com", "0:05:10 resolve oncall@example.com"], talk.Sent);
    }

    [Fact]
    public void Plans_nothing_new_when_asked_twice_at_the_same_time()
    {
        var talk = new Conversation(Route);
        talk.Pass(raisedAt: T0);
        talk.Run(TimeSpan.FromMinutes(16));

        var again = AlertPlanner.Plan(talk.Incident, talk.Rows, Route, talk.Clock.GetUtcNow());

        Assert.True(again.IsEmpty);
    }

    public static TheoryData<NotificationKind, string, string?> Obsolete => new()
    {
        { NotificationKind.Trigger, "open", null },
        { NotificationKind.Trigger, "resolved before due", "resolved within group_wait (10s after detection): a blip, nobody is told" },
        { NotificationKind.Trigger, "resolved after due", null },
        { NotificationKind.Reminder, "acknowledged", "acknowledged by alice@example.com" },
        { NotificationKind.Escalation, "acknowledged", "acknowledged by alice@example.com" },
        { NotificationKind.Escalation, "resolved after due", "resolved before it was sent" },
        { NotificationKind.Resolve, "resolved after due", null },
    };

    [Theory]
    [MemberData(nameof(Obsolete))]
    public void Decides_which_pending_rows_are_no_longer_worth_sending(NotificationKind kind, string situation, string? expected)
    {
        var incident = new Conversation(Route).Incident;
        incident = situation switch
        {
            "resolved before due" => incident with { ResolvedAt = T0.AddSeconds(10) },
            "resolved after due" => incident with { ResolvedAt = T0.AddMinutes(5) },
            "acknowledged" => incident with { AcknowledgedAt = T0.AddMinutes(2), AcknowledgedBy = "alice@example.com" },
            _ => incident,
        };
        var row = new OutboxEntry(1, 7, "email", kind, "k", "oncall@example.com", NotificationStatus.Pending, T0.AddSeconds(30), null, "m", 0, null);

        Assert.Equal(expected, AlertPlanner.WhyObsolete(row, incident));
    }
}
