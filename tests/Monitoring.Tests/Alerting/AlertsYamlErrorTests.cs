using Monitoring.Checks;

namespace Monitoring.Tests.Alerting;

/// <summary>Each broken alerts.yaml yields exactly the message its author needs: file, line, YAML path, problem.</summary>
public sealed class AlertsYamlErrorTests
{
    public static TheoryData<string, string, string> BrokenAlertFiles => new()
    {
        {
            "an invalid email address",
            """
            routes:
              - team: webshop
                to: [ops@, oncall@example.com]
            """,
            "checks/alerts.yaml:3 routes[0].to[0]: 'ops@' is not an email address (write ops@example.com or \"Ops team <ops@example.com>\")"
        },
        {
            "a route with no recipients",
            """
            routes:
              - team: webshop
                to: []
            """,
            "checks/alerts.yaml:3 routes[0].to: needs at least one recipient (write e.g. [ops@example.com])"
        },
        {
            "a route without to",
            """
            routes:
              - team: webshop
                severity: critical
            """,
            "checks/alerts.yaml:2 routes[0].to: required"
        },
        {
            "a severity that does not exist",
            """
            routes:
              - team: webshop
                severity: urgent
                to: [ops@example.com]
            """,
            "checks/alerts.yaml:3 routes[0].severity: 'urgent' is not a severity (write critical or warning)"
        },
        {
            "a group_wait that is not a duration",
            """
            routes:
              - team: webshop
                to: [ops@example.com]
                group_wait: soon
            """,
            "checks/alerts.yaml:4 routes[0].group_wait: 'soon' is not a duration (write e.g. 30s, 5m, 1h)"
        },
        {
            "reminders that would be noise",
            """
            defaults:
              repeat_interval: 1m
            default:
              to: [ops@example.com]
            """,
            "checks/alerts.yaml:2 defaults.repeat_interval: '1m' is too short: remind at most every 5m (or write off for no reminders)"
        },
        {
            "a repeat interval that is neither a duration nor off",
            """
            default:
              to: [ops@example.com]
              repeat_interval: never
            """,
            "checks/alerts.yaml:3 default.repeat_interval: 'never' is not a duration (write e.g. 30s, 5m, 1h, or off)"
        },
        {
            "an escalation without recipients",
            """
            routes:
              - team: webshop
                to: [ops@example.com]
                escalate: { after: 15m }
            """,
            "checks/alerts.yaml:4 routes[0].escalate.to: required"
        },
        {
            "an escalation without a delay",
            """
            routes:
              - team: webshop
                to: [ops@example.com]
                escalate:
                  to: [lead@example.com]
            """,
            "checks/alerts.yaml:5 routes[0].escalate.after: required"
        },
        {
            "an escalation at once",
            """
            routes:
              - team: webshop
                to: [ops@example.com]
                escalate: { after: 0s, to: [lead@example.com] }
            """,
            "checks/alerts.yaml:4 routes[0].escalate.after: must be longer than 0s: escalate only when the first recipients had time to acknowledge"
        },
        {
            "a misspelt key",
            """
            routes:
              - team: webshop
                to: [ops@example.com]
                send_resolve: false
            """,
            "checks/alerts.yaml:4 routes[0].send_resolve: unknown key (did you mean 'send_resolved'?)"
        },
        {
            "a boolean that is not one",
            """
            default:
              to: [ops@example.com]
              send_resolved: maybe
            """,
            "checks/alerts.yaml:3 default.send_resolved: 'maybe' is not a boolean (write true or false)"
        },
        {
            "matching keys on the default route",
            """
            default:
              team: ops
              to: [ops@example.com]
            """,
            "checks/alerts.yaml:2 default.team: unknown key (known keys: escalate, group_wait, repeat_interval, send_resolved, to)"
        },
        {
            "a misspelt top-level key",
            """
            route:
              - to: [ops@example.com]
            """,
            "checks/alerts.yaml:1 route: unknown key (did you mean 'routes'?)"
        },
        {
            "a catch-all route before others",
            """
            routes:
              - to: [ops@example.com]
              - team: webshop
                to: [web@example.com]
            """,
            "checks/alerts.yaml:2 routes[0]: matches every check (no team, no severity), so the routes after it never match: give it a team or severity, or move it under default:"
        },
        {
            "two routes with one name",
            """
            routes:
              - name: oncall
                team: webshop
                to: [web@example.com]
              - name: oncall
                team: ops
                to: [ops@example.com]
            """,
            "checks/alerts.yaml:5 routes[1].name: duplicate route name 'oncall' (first used by routes[0])"
        },
        {
            "a route that is not a mapping",
            """
            routes:
              - ops@example.com
            """,
            "checks/alerts.yaml:2 routes[0]: expected a mapping (key: value lines), found a single value"
        },
    };

    [Theory]
    [MemberData(nameof(BrokenAlertFiles))]
    public void Reports_the_file_line_path_and_problem(string because, string yaml, string expected)
    {
        using var folder = new TempChecksFolder(("alerts.yaml", yaml));

        var (checks, errors) = CheckSetLoader.Default().Load(folder.Checks);

        Assert.Null(checks);
        var error = Assert.Single(errors);
        Assert.True(error.ToString() == expected, $"{because}: expected\n  {expected}\nbut got\n  {error}");
    }

    [Fact]
    public void Allows_a_team_no_check_has_yet()
    {
        using var folder = new TempChecksFolder(("alerts.yaml", "routes:\n  - team: marketing\n    to: [marketing@example.com]\n"));

        var (_, errors) = CheckSetLoader.Default().Load(folder.Checks);

        Assert.Empty(errors);
    }

    [Fact]
    public void Reports_every_error_of_the_file_at_once()
    {
        using var folder = new TempChecksFolder(("alerts.yaml", """
            routes:
              - team: webshop
                to: [not-an-address]
                group_wait: later
            default:
              to: []
            """));

        var (_, errors) = CheckSetLoader.Default().Load(folder.Checks);

        Assert.Equal(
        [
            "checks/alerts.yaml:3 routes[0].to[0]: 'not-an-address' is not an email address (write ops@example.com or \"Ops team <ops@example.com>\")",
            "checks/alerts.yaml:4 routes[0].group_wait: 'later' is not a duration (write e.g. 30s, 5m, 1h)",
            "checks/alerts.yaml:6 default.to: needs at least one recipient (write e.g. [ops@example.com])",
        ], errors.Select(e => e.ToString()));
    }
}
