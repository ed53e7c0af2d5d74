using Monitoring.Alerting;
using Monitoring.Checks;

namespace Monitoring.Tests.Alerting;

public sealed class AlertRoutesTests
{
    private const string Alerts = """
        defaults:
          group_wait: 45s
          repeat_interval: 2h
        routes:
          - name: webshop-critical
            team: webshop
            severity: critical
            to: [oncall@example.com, "Webshop lead <lead@example.com>"]
            escalate: { after: 15m, to: [cto@example.com] }
          - name: warnings
            team: [webshop, ops]
            severity: warning
            to: warnings@example.com
            repeat_interval: off
            send_resolved: false
          - name: ops
            team: ops
            to: [ops@example.com]
            group_wait: 0s
        default:
          to: [everyone@example.com]
        """;

    private static AlertRoutes Load(string yaml)
    {
        using var folder = new TempChecksFolder(("alerts.yaml", yaml));
        return CheckSetLoader.Default().LoadOrThrow(folder.Checks).Alerts;
    }

    [Fact]
    public void Reads_every_key_and_applies_the_defaults()
    {
        var routes = Load(Alerts);

        var critical = routes.Routes[0];
        Assert.Equal(("webshop-critical", TimeSpan.FromSeconds(45), TimeSpan.FromHours(2), true),
            (critical.Name, critical.GroupWait, critical.RepeatInterval, critical.SendResolved));
        Assert.Equal(["oncall@example.com", "Webshop lead <lead@example.com>"], critical.To);
        Assert.Equal(TimeSpan.FromMinutes(15), critical.Escalate!.After);
        Assert.Equal(["cto@example.com"], critical.Escalate.To);

        var warnings = routes.Routes[1];
        Assert.Equal(["webshop", "ops"], warnings.Teams);
        Assert.Equal(["warning"], warnings.Severities);
        Assert.Equal((null, false), (warnings.RepeatInterval, warnings.SendResolved));
        Assert.Equal(["warnings@example.com"], warnings.To);

        Assert.Equal(TimeSpan.Zero, routes.Routes[2].GroupWait);
        Assert.Equal(("default", TimeSpan.FromSeconds(45)), (routes.Default!.Name, routes.Default.GroupWait));
        Assert.Equal(["everyone@example.com"], routes.Default.To);
    }

    [Theory]
    [InlineData("webshop", "critical", "webshop-critical")]
    [InlineData("webshop", "warning", "warnings")]
    [InlineData("ops", "warning", "warnings")]
    [InlineData("ops", "critical", "ops")]
    [InlineData("catalogue", "critical", "default")]
    [InlineData(null, "critical", "default")]
    public void Routes_by_team_and_severity_first_match_wins(string? team, string severity, string expected)
    {
        Assert.Equal(expected, Load(Alerts).Match(team, severity)?.Name);
    }

    [Fact]
    public void Describes_what_each_route_takes_for_the_email_footer()
    {
        var routes = Load(Alerts);

        Assert.Equal(["team webshop, severity critical", "teams webshop, ops, severity warning", "team ops"],
            routes.Routes.Select(r => r.Describe()));
        Assert.Equal("the checks no other route takes", routes.Default!.Describe());
    }

    [Fact]
    public void Routes_nothing_when_no_route_and_no_default_match()
    {
        var routes = Load("routes:\n  - team: ops\n    to: [ops@example.com]\n");

        Assert.Null(routes.Match("webshop", "critical"));
        Assert.Equal("routes[0]", routes.Match("ops", "warning")?.Name);
    }

    [Fact]
    public void Has_no_routes_without_an_alerts_file()
    {
        using var folder = new TempChecksFolder(("monitoring.yaml", "time_zone: UTC\n"));

        Assert.True(CheckSetLoader.Default().LoadOrThrow(folder.Checks).Alerts.IsEmpty);
    }

    [Fact]
    public void Uses_the_documented_defaults()
    {
        var route = Load("default:\n  to: [ops@example.com]\n").Default!;

        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), true, null),
            (route.GroupWait, route.RepeatInterval, route.SendResolved, route.Escalate));
    }

    [Fact]
    public void Keeps_one_copy_of_a_recipient_listed_twice()
    {
        var route = Load("default:\n  to: [ops@example.com, \"Ops <OPS@example.com>\"]\n").Default!;

        Assert.Equal(["ops@example.com"], route.To);
    }

    [Fact]
    public void The_repository_routes_send_webshop_and_ops_alerts_to_their_people()
    {
        var routes = CheckSetLoader.Default().LoadOrThrow(Path.Combine(RepositoryRoot.Find(), "checks")).Alerts;

        Assert.Equal("webshop-critical", routes.Match("webshop", "critical")?.Name);
        Assert.Equal("ops", routes.Match("ops", "critical")?.Name);
        Assert.NotNull(routes.Default);
        Assert.All(routes.Routes.SelectMany(r => r.To).Concat(routes.Default!.To),
            to => Assert.EndsWith("@example.com", AlertRoutes.AddressOf(to)));
    }
}
