using Monitoring.Checks;
using Monitoring.Probes;

namespace Monitoring.Tests.Checks;

/// <summary>Each broken configuration yields exactly the message a user needs: file, line, YAML path, problem.</summary>
public sealed class CheckSetLoaderErrorTests
{
    private const string ValidProbe = """
        probes:
          - id: home
            kind: http
            url: http://shop.test/
        """;

    public static TheoryData<string, string, string> BrokenProbeFiles => new()
    {
        {
            "a timeout that is not a duration",
            """
            probes:
              - id: home
                kind: http
                url: http://shop.test/
                timeout: 3x
            """,
            "checks/probes/storefront.yaml:5 probes[0].timeout: '3x' is not a duration (write e.g. 500ms, 30s, 5m, 1h)"
        },
        {
            "a missing url",
            """
            probes:
              - id: home
                kind: http
            """,
            "checks/probes/storefront.yaml:2 probes[0].url: required"
        },
        {
            "a missing id",
            """
            probes:
              - kind: http
                url: http://shop.test/
            """,
            "checks/probes/storefront.yaml:2 probes[0].id: required"
        },
        {
            "an id that cannot be a metric label",
            """
            probes:
              - id: Home Page
                kind: http
                url: http://shop.test/
            """,
            "checks/probes/storefront.yaml:2 probes[0].id: 'Home Page' is not a valid id (lower-case letters, digits, '-' and '_', at most 63 characters)"
        },
        {
            "an unknown kind",
            """
            probes:
              - id: home
                kind: htp
                url: http://shop.test/
            """,
            "checks/probes/storefront.yaml:3 probes[0].kind: 'htp' is not a probe kind (known kinds: http, tcp, dns, tls)"
        },
        {
            "a misspelt key",
            """
            probes:
              - id: home
                kind: http
                url: http://shop.test/
                timout: 5s
            """,
            "checks/probes/storefront.yaml:5 probes[0].timout: unknown key (did you mean 'timeout'?)"
        },
        {
            "a relative url",
            """
            probes:
              - id: home
                kind: http
                url: /index.html
            """,
            "checks/probes/storefront.yaml:4 probes[0].url: '/index.html' is not an absolute http:// or https:// URL"
        },
        {
            "an impossible status",
            """
            probes:
              - id: home
                kind: http
                url: http://shop.test/
                expect:
                  status: [200, 99]
            """,
            "checks/probes/storefront.yaml:6 probes[0].expect.status[1]: '99' is not an HTTP status (write a code from 100 to 599, or a class like 2xx)"
        },
        {
            "an interval that cannot be scheduled evenly",
            """
            probes:
              - id: home
                kind: http
                url: http://shop.test/
                interval: 7m
            """,
            "checks/probes/storefront.yaml:5 probes[0].interval: '7m' cannot be scheduled evenly: use a divisor of a minute (5s, 10s, 15s, 30s), of an hour (1m, 2m, 5m, 10m, 15m, 30m), of a day (1h, 2h, 3h, 4h, 6h, 8h, 12h) or 1d"
        },
        {
            "a timeout as long as the interval",
            """
            probes:
              - id: home
                kind: http
                url: http://shop.test/
                interval: 10s
                timeout: 10s
                retries: 0
            """,
            "checks/probes/storefront.yaml:6 probes[0].timeout: timeout 10s must be shorter than the interval 10s"
        },
        {
            "retries that would make runs overlap",
            """
            probes:
              - id: home
                kind: http
                url: http://shop.test/
                interval: 15s
                timeout: 5s
            """,
            "checks/probes/storefront.yaml:6 probes[0].timeout: timeout 5s with 2 retries 2s apart can take 19s, which is not shorter than the interval 15s (shorten the timeout, lower retries, or lengthen the interval)"
        },
        {
            "a dependency on a check that does not exist",
            """
            probes:
              - id: home
                kind: http
                url: http://shop.test/
                depends_on: [edge-proxy]
            """,
            "checks/probes/storefront.yaml:2 probes[0].depends_on: 'edge-proxy' is not a declared check (known: home)"
        },
        {
            "a failure threshold of zero",
            """
            probes:
              - id: home
                kind: http
                url: http://shop.test/
                alerting:
                  failure_threshold: 0
            """,
            "checks/probes/storefront.yaml:6 probes[0].alerting.failure_threshold: 0 is out of range (from 1 to 100)"
        },
        {
            "a maintenance window with a bad cron",
            """
            probes:
              - id: home
                kind: http
                url: http://shop.test/
                maintenance:
                  - cron: "every night"
                    duration: 1h
            """,
            "checks/probes/storefront.yaml:6 probes[0].maintenance[0].cron: 'every night' is not a cron expression of five fields"
        },
        {
            "an unset environment variable without default",
            """
            probes:
              - id: home
                kind: http
                url: ${SHOPMON_TEST_SURELY_UNSET}/
            """,
            "checks/probes/storefront.yaml:4 probes[0].url: environment variable 'SHOPMON_TEST_SURELY_UNSET' is not set (write ${SHOPMON_TEST_SURELY_UNSET:-default} to give a default)"
        },
        {
            "a boolean that is not one",
            """
            probes:
              - id: home
                kind: http
                url: http://shop.test/
                follow_redirects: maybe
            """,
            "checks/probes/storefront.yaml:5 probes[0].follow_redirects: 'maybe' is not a boolean (write true or false)"
        },
        {
            "a list where a mapping belongs",
            """
            probes:
              - id: home
                kind: http
                url: http://shop.test/
                expect: [200]
            """,
            "checks/probes/storefront.yaml:5 probes[0].expect: expected a mapping (key: value lines), found a list"
        },
        {
            "broken YAML",
            """
            probes:
              - id: home
                kind: http
               url: http://shop.test/
            """,
            "checks/probes/storefront.yaml:4: not valid YAML: "
        },
    };

    [Theory]
    [MemberData(nameof(BrokenProbeFiles))]
    public void Reports_the_file_line_path_and_problem(string because, string yaml, string expected)
    {
        using var folder = new TempChecksFolder(("probes/storefront.yaml", yaml));

        var (checks, errors) = CheckSetLoader.Default().Load(folder.Checks);

        Assert.Null(checks);
        var error = Assert.Single(errors);
        Assert.True(error.ToString().StartsWith(expected, StringComparison.Ordinal),
            $"{because}: expected a message starting with\n  {expected}\nbut got\n  {error}");
    }

    [Fact]
    public void Reports_every_error_at_once_not_only_the_first()
    {
        using var folder = new TempChecksFolder(
            ("probes/a.yaml", """
                probes:
                  - id: one
                    kind: http
                    url: nowhere
                    timeout: soon
                """),
            ("probes/b.yaml", """
                probes:
                  - id: two
                    kind: ftp
                """));

        var (_, errors) = CheckSetLoader.Default().Load(folder.Checks);

        Assert.Equal(
        [
            "checks/probes/a.yaml:4 probes[0].url: 'nowhere' is not an absolute http:// or https:// URL",
            "checks/probes/a.yaml:5 probes[0].timeout: 'soon' is not a duration (write e.g. 500ms, 30s, 5m, 1h)",
            "checks/probes/b.yaml:3 probes[0].kind: 'ftp' is not a probe kind (known kinds: http, tcp, dns, tls)",
        ], errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Reports_a_probe_id_declared_twice_with_both_places()
    {
        using var folder = new TempChecksFolder(("probes/a.yaml", ValidProbe), ("probes/b.yaml", ValidProbe));

        var (_, errors) = CheckSetLoader.Default().Load(folder.Checks);

        Assert.Equal("checks/probes/b.yaml:2 probes[0].id: duplicate probe id 'home' (first declared at checks/probes/a.yaml:2)",
            Assert.Single(errors).ToString());
    }

    [Fact]
    public void Reports_yaml_files_in_a_folder_no_section_reads()
    {
        using var folder = new TempChecksFolder(("probe/home.yaml", ValidProbe));

        var (_, errors) = CheckSetLoader.Default().Load(folder.Checks);

        Assert.StartsWith("checks/probe/home.yaml: not read: YAML files belong in monitoring.yaml, alerts.yaml or in one of the folders probes/",
            Assert.Single(errors).ToString());
    }

    [Fact]
    public void Reports_a_missing_folder()
    {
        var (_, errors) = CheckSetLoader.Default().Load("/nonexistent/checks");

        Assert.Equal("/nonexistent/checks: the checks folder does not exist", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Reports_errors_in_monitoring_yaml()
    {
        using var folder = new TempChecksFolder(("monitoring.yaml", """
            time_zone: Mars/Olympus
            defaults:
              interval: often
            """));

        var (_, errors) = CheckSetLoader.Default().Load(folder.Checks);

        Assert.Equal(
        [
            "checks/monitoring.yaml:1 time_zone: 'Mars/Olympus' is not a known time zone (write an IANA id like Europe/Paris)",
            "checks/monitoring.yaml:3 defaults.interval: 'often' is not a duration (write e.g. 500ms, 30s, 5m, 1h)",
        ], errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Throws_with_every_error_when_asked_to()
    {
        using var folder = new TempChecksFolder(("probes/a.yaml", "probes:\n  - id: x\n    timeout: nope\n"));

        var exception = Assert.Throws<InvalidChecksException>(() => CheckSetLoader.Default().LoadOrThrow(folder.Checks));

        Assert.Equal(2, exception.Errors.Count);
        Assert.Contains("checks/probes/a.yaml:2 probes[0].kind: required", exception.Message);
    }

    [Fact]
    public void Knows_only_the_kinds_it_is_given()
    {
        using var folder = new TempChecksFolder(("probes/a.yaml", ValidProbe));

        var (_, errors) = new CheckSetLoader([], VariableExpander.FromEnvironment()).Load(folder.Checks);

        Assert.Equal("checks/probes/a.yaml:3 probes[0].kind: 'http' is not a probe kind (known kinds: none)", Assert.Single(errors).ToString());
    }
}
