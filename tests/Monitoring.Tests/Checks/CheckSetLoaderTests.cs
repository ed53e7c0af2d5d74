using Monitoring.Checks;
using Monitoring.Probes.Http;

namespace Monitoring.Tests.Checks;

public sealed class CheckSetLoaderTests
{
    [Fact]
    public void Validates_the_repository_own_checks_folder()
    {
        var folder = Path.Combine(RepositoryRoot.Find(), "checks");

        var (checks, errors) = CheckSetLoader.Default().Load(folder);

        Assert.Empty(errors);
        Assert.NotNull(checks);
        Assert.NotEmpty(checks.Probes);
        Assert.Contains(checks.Probes, p => p.Kind == "http");
        Assert.Contains(checks.Probes, p => p.Kind == "tcp");
    }

    [Fact]
    public void Reads_a_probe_with_every_field()
    {
        using var folder = new TempChecksFolder(("probes/shop.yaml", """
            probes:
              - id: product-page
                name: Product page
                kind: http
                url: https://shop.test/products/1?ref=probe
                method: head
                interval: 1m
                timeout: 4s
                team: webshop
                follow_redirects: false
                headers:
                  X-Synthetic: "true"
                expect:
                  status: [200, 3xx]
                  max_latency: 1500ms
            """));

        var probe = Assert.Single(CheckSetLoader.Default().LoadOrThrow(folder.Checks).Probes);

        Assert.Equal(("product-page", "Product page", "http", TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(4), "webshop"),
            (probe.Id, probe.Name, probe.Kind, probe.Interval, probe.Timeout, probe.Team));
        Assert.Equal("checks/probes/shop.yaml:2", probe.Source);
        var http = Assert.IsType<HttpProbeSettings>(probe.Settings);
        Assert.Equal(new Uri("https://shop.test/products/1?ref=probe"), http.Url);
        Assert.Equal("https://shop.test/products/1", http.Target);
        Assert.Equal("HEAD", http.Method);
        Assert.False(http.FollowRedirects);
        Assert.Equal("true", http.Headers["X-Synthetic"]);
        Assert.Equal([StatusExpectation.Exact(200), StatusExpectation.Class(3)], http.ExpectedStatus);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), http.MaxLatency);
    }

    [Fact]
    public void Applies_the_defaults_of_monitoring_yaml()
    {
        using var folder = new TempChecksFolder(
            ("monitoring.yaml", "time_zone: Europe/Paris\ndefaults:\n  interval: 5m\n  timeout: 20s\n"),
            ("probes/shop.yaml", "probes:\n  - id: home\n    kind: http\n    url: http://shop.test/\n"));

        var checks = CheckSetLoader.Default().LoadOrThrow(folder.Checks);

        Assert.Equal("Europe/Paris", checks.Settings.TimeZone);
        var probe = Assert.Single(checks.Probes);
        Assert.Equal((TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(20)), (probe.Interval, probe.Timeout));
        Assert.Equal([StatusExpectation.Class(2)], ((HttpProbeSettings)probe.Settings).ExpectedStatus);
    }

    [Fact]
    public void Expands_variables_from_the_given_values_before_the_environment()
    {
        using var folder = new TempChecksFolder(("probes/shop.yaml", """
            probes:
              - id: home
                kind: http
                url: ${SHOP_URL}/home
              - id: fallback
                kind: http
                url: ${SHOPMON_TEST_SURELY_UNSET:-http://fallback.test}/
            """));

        var checks = CheckSetLoader.Default(new Dictionary<string, string> { ["SHOP_URL"] = "http://127.0.0.1:5999" })
            .LoadOrThrow(folder.Checks);

        Assert.Equal(["http://127.0.0.1:5999/home", "http://fallback.test/"],
            checks.Probes.Select(p => ((HttpProbeSettings)p.Settings).Url.ToString()));
    }

    [Fact]
    public void Accepts_an_empty_folder_as_nothing_to_monitor()
    {
        using var folder = new TempChecksFolder();

        var checks = CheckSetLoader.Default().LoadOrThrow(folder.Checks);

        Assert.Empty(checks.Probes);
    }

    [Fact]
    public void Expansion_cannot_inject_yaml_structure()
    {
        using var folder = new TempChecksFolder(("probes/shop.yaml", "probes:\n  - id: home\n    kind: http\n    url: ${EVIL}\n"));

        var (_, errors) = CheckSetLoader.Default(new Dictionary<string, string> { ["EVIL"] = "http://a.test/\n    timeout: 1ms" })
            .Load(folder.Checks);

        // The whole value stays one scalar: it is an invalid URL, not a second key.
        Assert.Contains(errors, e => e.Path == "probes[0].url");
        Assert.DoesNotContain(errors, e => e.Path.EndsWith("timeout"));
    }

    [Fact]
    public void Reads_the_alerting_policy_over_the_defaults_of_monitoring_yaml()
    {
        using var folder = new TempChecksFolder(
            ("monitoring.yaml", """
                time_zone: Europe/Paris
                defaults:
                  retries: { count: 1, interval: 1s }
                  alerting: { failure_threshold: 4 }
                  maintenance:
                    - { name: deploys, cron: "0 6 * * 2", duration: 30m }
                """),
            ("probes/shop.yaml", """
                probes:
                  - id: home
                    kind: http
                    url: http://shop.test/
                  - id: cart
                    kind: http
                    url: http://shop.test/cart
                    retries: 0
                    depends_on: [home]
                    alerting:
                      recovery_threshold: 3
                      flapping: { transitions: 4, window: 10m }
                """));

        var probes = CheckSetLoader.Default().LoadOrThrow(folder.Checks).Probes;

        var home = probes[0].Policy;
        var cart = probes[1].Policy;
        Assert.Equal((1, TimeSpan.FromSeconds(1), 4, 2), (home.Retries, home.RetryInterval, home.FailureThreshold, home.RecoveryThreshold));
        Assert.Equal("deploys", Assert.Single(home.Maintenance).Name);
        Assert.Equal("Europe/Paris", home.Maintenance[0].TimeZone.Id);
        Assert.Equal((0, 4, 3, 4, TimeSpan.FromMinutes(10)),
            (cart.Retries, cart.FailureThreshold, cart.RecoveryThreshold, cart.FlappingTransitions, cart.FlappingWindow));
        Assert.Equal(["home"], cart.DependsOn);
        Assert.Single(cart.Maintenance);
    }

    [Fact]
    public void Refuses_a_dependency_cycle()
    {
        using var folder = new TempChecksFolder(("probes/shop.yaml", """
            probes:
              - { id: a, kind: http, url: "http://shop.test/a", depends_on: [b] }
              - { id: b, kind: http, url: "http://shop.test/b", depends_on: [a] }
            """));

        var (_, errors) = CheckSetLoader.Default().Load(folder.Checks);

        Assert.Equal(
        [
            "checks/probes/shop.yaml:2 probes[0].depends_on: 'a' depends on itself through its parents: a cycle can never alert",
            "checks/probes/shop.yaml:3 probes[1].depends_on: 'b' depends on itself through its parents: a cycle can never alert",
        ], errors.Select(e => e.ToString()));
    }
}
